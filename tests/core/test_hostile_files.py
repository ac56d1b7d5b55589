"""Issue 15 (e): deep JSON, pipes and devices, terminal escapes and the zip-bomb ratio, each a regression test."""

import hashlib
import io
import json
import os
import subprocess
import sys
import threading
import zipfile

import pytest

from kit.core import settings
from kit.core.packs import importer
from kit.core.search import storage
from testdata import REPO

DEEP = b"[" * 100_000 + b"]" * 100_000


def finishes(call, timeout=5.0):
    """Run `call` in a daemon thread; "blocked" if it has not returned (e.g. opening a FIFO) after `timeout`."""
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", call()), daemon=True)
    thread.start()
    thread.join(timeout)
    return result.get("value", "blocked")


def test_deep_settings_json_gives_defaults_and_a_notice(tmp_path):
    (tmp_path / settings.SETTINGS_FILE).write_bytes(DEEP)
    loaded, notice = settings.load_settings(tmp_path)
    assert loaded == settings.Settings() and "damaged" in notice


def test_deep_index_manifest_is_damage_not_a_crash(tmp_path):
    (tmp_path / storage.MANIFEST).write_bytes(DEEP)
    with pytest.raises(storage.IndexDamaged):
        storage.read_manifest(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_settings_file_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / settings.SETTINGS_FILE)
    outcome = finishes(lambda: settings.load_settings(tmp_path))
    assert outcome != "blocked" and "not a regular file" in outcome[1]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_or_device_as_a_pack_is_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe.kitpack")
    for path in (tmp_path / "pipe.kitpack", "/dev/zero"):

        def attempt(path=path):
            try:
                importer.import_pack(path, tmp_path / "packs")
            except importer.PackError as exc:
                return str(exc)
            return "imported"

        assert "not a regular file" in finishes(attempt)


def test_ratio_counts_compressed_members_not_prepended_junk(tmp_path):
    page = b"---\ntitle: Z\nkind: article\nsummary: Z.\naudience: [grades-9-10]\n---\n\n" + b"z" * 15_000_000
    files = {"pack.yaml": b"id: junk\ntitle: Junk\nversion: '1'\nlanguage: en\n", "page.md": page}
    listed = [{"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in files.items()]
    manifest = {"format": "kitpack", "format_version": 1, "pack": {"id": "junk"}, "files": listed}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in files.items():
            zf.writestr(name, data)
    archive = tmp_path / "junk.kitpack"
    archive.write_bytes(os.urandom(1_000_000) + buffer.getvalue())  # 1 MB of junk: a 100 MB allowance before
    with pytest.raises(importer.PackError, match="zip bomb"):
        importer.inspect(archive)


def test_escape_controls():
    from kit.core.terminal import escape_controls

    assert escape_controls("a\x1b]0;title\x07b\x9b\tc\n") == "a\\u001b]0;title\\u0007b\\u009b\tc\n"


def test_cli_output_never_carries_terminal_controls(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: esc\ntitle: Esc\nversion: '1'\nlanguage: en\n")
    osc = "\x1b]0;owned\x07\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J"
    title = osc.replace("\x1b", "\\e").replace("\x07", "\\a")  # YAML escapes: the title really holds them
    front = f'---\ntitle: "Title {title}"\nkind: article\nsummary: S.\naudience: [grades-9-10]\n---\n'
    (pack / "page.md").write_text(f"{front}\nBody {osc}\n")
    (pack / f"bad{osc}.md").write_text("not a resource")
    env = {**os.environ, "PYTHONPATH": str(REPO), "KIT_DATA_DIR": str(tmp_path / "data")}
    outputs = []
    for args in (["list"], ["show", "page", "--format", "md"], ["show", "page"], ["validate", str(pack)]):
        result = subprocess.run(
            [sys.executable, "-m", "kit", "--resources", str(pack), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        outputs.append(result.stdout + result.stderr)
    assert all("\x1b" not in out and "\x07" not in out for out in outputs), outputs
    assert "\\u001b]52;c;" in outputs[0] and "\\u001b]52;c;" in outputs[1] and "bad\\u001b" in outputs[3]


def test_lone_surrogate_in_a_manifest_name_is_a_pack_error():
    # Found by test_fuzz: json.loads turns "\ud800" into a lone surrogate, which crashed the name check.
    from kit.core.packs.manifest import PackError, parse_manifest

    raw = b'{"format": "kitpack", "format_version": 1, "pack": {"id": "p"}, '
    raw += b'"files": [{"path": "a\\ud800.md", "size": 1, "sha256": "' + b"0" * 64 + b'"}]}'
    with pytest.raises(PackError, match="not valid Unicode"):
        parse_manifest(raw)


def test_editor_preview_of_a_lone_surrogate_renders(tmp_path):
    from kit.core.render import markup

    rendered = markup.render_markdown("text \ud800 more", tmp_path, tmp_path / "page.md")
    assert "text" in rendered.html and "more" in rendered.html


def test_a_replace_killed_between_its_renames_is_restored_on_the_next_start(tmp_path):
    # Issue 15: the pack was absent until start-up tidying ten minutes later; now the next start restores it.
    import time

    from kit.core.packs import installed
    from kit.core.packs.manifest import verify_installed
    from testdata import DATA

    packs_dir = tmp_path / "packs"
    importer.import_pack(DATA / "bad_packs" / "good.kitpack", packs_dir)
    os.replace(packs_dir / "sample", packs_dir / f".old-{int(time.time())}-abcd1234-sample")  # killed just now
    done = installed.recover(packs_dir)
    assert any("restored pack 'sample'" in line for line in done)
    assert verify_installed(packs_dir / "sample") is None
