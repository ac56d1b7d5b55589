"""Rows of /work/shared/design/bad-inputs.md that had no test of their own (the coverage table is in
docs/bad-inputs-coverage.md): crafted image formats behind an allowed name (I7), a huge picture file (I10), an
animated GIF (I11), HTML comments (M16), two copies of the kit on one data folder (F9)."""

import io
import struct

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from kit.core.content.loader import load_library
from kit.core.render import links, markup
from kit.core.store.database import Store
from kit.ui.reader.link_policy import LinkPolicy, placeholder_image
from testdata import DATA

IMAGE = QTextDocument.ResourceType.ImageResource.value
pytestmark = pytest.mark.usefixtures("qapp")  # pictures are QImages

# The first bytes of formats Qt's plugins decode by content (each has had CVEs): never reached through a .png.
CRAFTED = {
    "icns": b"icns\x00\x00\x01\x00it32",
    "ktx": b"\xabKTX 11\xbb\r\n\x1a\n",
    "tiff": b"II*\x00\x08\x00\x00\x00",
    "webp": b"RIFF\x00\x01\x00\x00WEBPVP8 ",
    "ico": b"\x00\x00\x01\x00\x01\x00\x10\x10",
}


@pytest.mark.parametrize("kind", CRAFTED)
def test_i7_crafted_formats_named_png_are_refused_before_any_plugin_sees_them(tmp_path, kind):
    picture = tmp_path / "picture.png"
    picture.write_bytes(CRAFTED[kind] + b"\x00" * 200)
    assert "does not match its name" in links.image_problem(picture)
    assert LinkPolicy(tmp_path).resource(IMAGE, QUrl("picture.png")) is placeholder_image()


def test_i10_a_huge_picture_file_is_refused_by_its_size_before_decoding(tmp_path):
    picture = tmp_path / "huge.jpg"
    with picture.open("wb") as handle:  # a valid JPEG start, then padding: never read, only its size is looked at
        handle.write(b"\xff\xd8\xff\xe0" + b"\x00" * 16)
        handle.truncate(links.MAX_IMAGE_BYTES + 1)
    assert links.image_problem(picture) == f"image is {picture.stat().st_size / 1e6:.1f} MB (limit 5 MB)"
    assert LinkPolicy(tmp_path).resource(IMAGE, QUrl("huge.jpg")) is placeholder_image()


def test_i11_an_animated_gif_shows_its_first_frame_only(tmp_path):
    from PIL import Image

    frames = [Image.new("RGB", (12, 8), (255, 0, 0))] + [Image.new("RGB", (12, 8), (0, 0, 255))] * 2000
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=10, loop=0)
    (tmp_path / "anim.gif").write_bytes(buffer.getvalue())
    image = LinkPolicy(tmp_path).resource(IMAGE, QUrl("anim.gif"))
    assert image is not placeholder_image() and (image.width(), image.height()) == (12, 8)
    assert image.pixelColor(3, 3).red() > 200 and image.pixelColor(3, 3).blue() < 50  # the first frame


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_m16_html_comments_are_never_shown_or_printed(edition):
    library = load_library([DATA / "bad"])
    html = markup.render(library.get("m16-comments"), edition).html
    assert "Visible" in html and "Also visible" in html
    assert "hidden teacher text" not in html and "<!--" not in html


def test_f9_two_copies_of_the_kit_on_one_data_folder_lose_no_note(tmp_path):
    """Without a single-instance lock (not built: see the coverage table), two copies share the store through
    SQLite's locking: each one's writes reach the file and the other reads them."""
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as first, Store.open(data_dir) as second:
        for number in range(50):
            (first if number % 2 else second).set_note(f"r{number}", f"note {number}")
        first.set_note("shared", "from the first")
        second.set_note("shared", "from the second")  # the later write wins; neither copy fails
        assert first.note("r10") == "note 10" and second.note("r11") == "note 11"
    with Store.open(data_dir) as store:
        assert len(store.notes()) == 51 and store.note("shared") == "from the second"
        assert store.notice is None  # nothing was damaged by the two writers


def test_gif_header_pixels_are_read_from_its_screen_size():
    head = b"GIF89a" + struct.pack("<HH", 5000, 5000)
    assert links._header_pixels(head + b"\x00" * 16) == 25_000_000


def _versioned_pack(path, version, text):
    """A one-page .kitpack whose manifest says `version` (as `kit pack export` writes it)."""
    import hashlib
    import json
    import zipfile

    from packfixtures import PACK_YAML, PAGE

    files = {
        "pack.yaml": PACK_YAML.format(id="other").replace("'1'", f"'{version}'").encode(),
        "p.md": PAGE.format(title="P", text=text).encode(),
    }
    listed = [{"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in files.items()]
    pack = {"id": "other", "title": "T", "version": version}
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "manifest.json", json.dumps({"format": "kitpack", "format_version": 1, "pack": pack, "files": listed})
        )
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def test_f16_a_same_id_pack_is_judged_by_its_manifest_version_never_by_file_times(tmp_path):
    import os

    from kit.core.packs import importer
    from kit.core.packs.manifest import PackConflict

    packs = tmp_path / "packs"
    importer.import_pack(_versioned_pack(tmp_path / "v2.kitpack", "2", "new"), packs)
    older = _versioned_pack(tmp_path / "v1.kitpack", "1", "old")
    future = 4_000_000_000  # 2096: a school whose clock runs ahead; the file looks newer than anything installed
    os.utime(older, (future, future))
    with pytest.raises(PackConflict) as refused:
        importer.import_pack(older, packs)
    assert (refused.value.installed_version, refused.value.new_version) == ("2", "1")
    assert "installed: 2, this file: 1" in str(refused.value)
