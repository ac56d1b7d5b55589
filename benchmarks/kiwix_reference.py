"""kiwix-serve as a reference for share_bench.py: the same student pages in a ZIM file, served on 127.0.0.1.

Needs Debian's `kiwix-tools` (kiwix-serve) and `zim-tools` (zimwriterfs); without them share_bench.py says so
and runs without this reference. The ZIM holds what the kit's share sends for the same kit: the library page
as the main page, every reader page, the style sheet, script and icon, written by calling the share's WSGI app
(so the pages and their sizes are the same), with zimwriterfs's full-text index for search.

A student's requests are mapped onto kiwix-serve's addresses (kiwix-tools 3.3: /BOOK/PATH): the library is the
ZIM's main page, a search is kiwix's full-text search of the book (a results page, not the kit's), a reader
page is the page in the ZIM; kiwix has no print view, so the print step asks for the reader page again.
kiwix-serve runs with its defaults (4 threads, its search bar added to every page), as a teacher would start it.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import socket
import struct
import subprocess
import time
import zlib
from pathlib import Path
from urllib.parse import parse_qs, quote_plus, urlsplit

BOOK = "kit"
TOOLS = ("kiwix-serve", "zimwriterfs")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _get(app, path: str) -> bytes:
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "wsgi.input": io.BytesIO()}
    status = {}
    body = b"".join(app(environ, lambda s, h: status.setdefault("s", s)))
    if not status["s"].startswith("200"):
        raise RuntimeError(f"the share answered {status['s']} for {path}")
    return body


def _illustration() -> bytes:
    """The 48 x 48 PNG zimwriterfs asks for: plain grey, made here."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x88" * 48 for _ in range(48))
    header = struct.pack(">IIBBBBB", 48, 48, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def build_zim(app, reader_ids: list[str], workdir: Path) -> Path:
    """The share's pages for `app` written to a folder, then packed by zimwriterfs into workdir/kit.zim."""
    folder = workdir / "zim-html"
    (folder / "r").mkdir(parents=True)
    (folder / "static").mkdir()
    (folder / "index.html").write_bytes(_get(app, "/"))
    for resource_id in reader_ids:
        (folder / "r" / f"{resource_id}.html").write_bytes(_get(app, f"/r/{resource_id}"))
    for name in ("kit.css", "search.js", "icon.svg"):
        (folder / "static" / name).write_bytes(_get(app, f"/static/{name}"))
    (folder / "illustration.png").write_bytes(_illustration())
    zim = workdir / f"{BOOK}.zim"
    subprocess.run(
        [
            "zimwriterfs",
            "--welcome=index.html",
            "--illustration=illustration.png",
            "--language=eng",
            "--title=Classroom Kit",
            "--description=The kit's student pages, for a benchmark",
            "--creator=Classroom Kit",
            "--publisher=share_bench",
            f"--name={BOOK}",
            str(folder),
            str(zim),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return zim


@contextlib.contextmanager
def kiwix_serve(zim: Path, host: str):
    """kiwix-serve on `host` (loopback) and a free port; yields the port."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        ["kiwix-serve", "--address", host, "--port", str(port), str(zim)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
                break
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("kiwix-serve did not start")
            time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def kiwix_path(path: str) -> str:
    """A student's request to the kit's share, as the same request to kiwix-serve."""
    parts = urlsplit(path)
    if parts.path == "/":
        return f"/{BOOK}/index.html"
    if parts.path == "/search":
        words = parse_qs(parts.query).get("q", [""])[0]
        return f"/search?content={BOOK}&pattern={quote_plus(words)}"
    resource_id = parts.path.removeprefix("/r/").removesuffix("/print")
    return f"/{BOOK}/r/{resource_id}.html"
