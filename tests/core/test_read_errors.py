"""F15: a pack's files fail part-way through a read (a USB stick pulled out, a failing disk). A small LD_PRELOAD
shim (tests/data/faults/eio_midway.c) makes read() fail with EIO after the first bytes of any file whose path holds
a mark, below Python and Qt alike. Loading, validating, reading and printing go on, and each says which file."""

import json
import shutil
import struct
import subprocess
import sys
import zlib

import pytest

from testdata import DATA, REPO

MARK = "EIOMARK"
AFTER = 4096  # bytes each marked file gives before the device "fails": a PNG's header, part of its pixels

PROBE = """
import json, sys
from pathlib import Path
from kit.core.content.loader import load_library
from kit.printing.app import ensure_gui_application
pack = Path(sys.argv[1])
out = {}
library = load_library([pack])
out["resources"] = sorted(r.id for r in library.resources)
out["problems"] = [f"{p.path.name}: {p.message}" for p in library.problems]
out["fixes"] = [p.hint for p in library.problems]
ensure_gui_application()
from kit.ui.reader.link_policy import LinkPolicy
policy = LinkPolicy(pack)
image = policy.image("images/photo-EIOMARK.png")
out["reader_image"] = [image.width(), image.height()]
out["reader_refused"] = policy.refused
from kit.printing import export_pdf
pdf = pack.parent / "out.pdf"
export_pdf([next(r for r in library.resources if r.id == "with-photo")], pdf, edition="student", paper="a4")
data = pdf.read_bytes()
out["pdf_whole"] = data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
print(json.dumps(out))
"""


def _png(width: int, height: int) -> bytes:
    """A valid PNG of noise (it does not compress), so its pixels lie well past the failing offset."""
    import random

    rows = b"".join(b"\x00" + random.Random(7).randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 0)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def shim(tmp_path_factory):
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or not sys.platform.startswith("linux"):
        pytest.skip("needs a C compiler on Linux for the LD_PRELOAD shim")
    library = tmp_path_factory.mktemp("shim") / "eio_midway.so"
    source = DATA / "faults" / "eio_midway.c"
    subprocess.run([compiler, "-shared", "-fPIC", "-O1", "-o", str(library), str(source), "-ldl"], check=True)
    return library


@pytest.fixture
def failing_pack(tmp_path):
    pack = tmp_path / "usb stick" / "pack"
    (pack / "images").mkdir(parents=True)
    shutil.copy(DATA / "bad" / "pack.yaml", pack / "pack.yaml")
    head = "---\ntitle: {title}\nkind: article\nsummary: A fixture.\naudience: [grades-9-10]\nlanguage: en\n---\n\n"
    (pack / "with-photo.md").write_text(head.format(title="With a photo") + "![a photo](images/photo-EIOMARK.png)\n")
    long_text = "A sentence of the page that is long enough to be read in more than one piece. " * 200
    (pack / f"notes-{MARK}.md").write_text(head.format(title="Long notes") + long_text)
    (pack / "images" / f"photo-{MARK}.png").write_bytes(_png(200, 150))
    return pack


def _run(shim, command: list[str], tmp_path) -> subprocess.CompletedProcess:
    env = {
        "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
        "KIT_DATA_DIR": str(tmp_path / "data"), "KIT_CACHE_DIR": str(tmp_path / "cache"),
        "KIT_CONFIG_DIR": str(tmp_path / "config"),
        "LD_PRELOAD": str(shim), "KIT_EIO_MARK": MARK, "KIT_EIO_AFTER": str(AFTER),
    }  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)


def test_the_shim_fails_reads_midway(shim, failing_pack, tmp_path):
    read = _run(shim, [sys.executable, "-c", f"open({str(failing_pack / 'images' / 'photo-EIOMARK.png')!r}, 'rb').read()"],
                tmp_path)  # fmt: skip
    assert "Input/output error" in read.stderr


def test_read_errors_midway_are_named_and_the_rest_goes_on(shim, failing_pack, tmp_path):
    result = _run(shim, [sys.executable, "-c", PROBE, str(failing_pack)], tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["resources"] == ["with-photo"]  # the page that could be read is there
    assert seen["problems"] == [f"notes-{MARK}.md: cannot read the file (Input/output error)"]
    assert "the drive it is on stopped answering" in seen["fixes"][0]  # not "check it exists": it did
    assert seen["reader_refused"] and seen["reader_refused"][0].startswith("images/photo-EIOMARK.png: ")
    assert seen["reader_image"][0] > 0  # the placeholder card, not a crash or a blank
    assert seen["pdf_whole"]


def test_the_command_line_names_the_unreadable_file(shim, failing_pack, tmp_path):
    result = _run(shim, [sys.executable, "-m", "kit", "validate", str(failing_pack)], tmp_path)
    assert f"notes-{MARK}.md" in result.stdout + result.stderr
    assert "Input/output error" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
