"""A small `.kitpack` written in a test: a pack of pages with chosen ids (for precedence and clash tests)."""

import hashlib
import io
import json
import zipfile

PAGE = "---\ntitle: {title}\nkind: article\nsummary: A fixture.\naudience: [grades-9-10]\n---\n\n{text}\n"
PACK_YAML = "id: {id}\ntitle: Pack {id}\nversion: '1'\nlanguage: en\n"


def kitpack(path, pack_id, pages, pack_yaml=None):
    files = {"pack.yaml": (pack_yaml or PACK_YAML.format(id=pack_id)).encode()}
    files |= {f"{rid}.md": PAGE.format(title=f"From {pack_id}", text=text).encode() for rid, text in pages.items()}
    listed = [{"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in files.items()]
    manifest = {"format": "kitpack", "format_version": 1, "pack": {"id": pack_id, "title": "T"}, "files": listed}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in files.items():
            zf.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path
