"""The index on disk: where it lives, what it holds (a manifest of content fingerprints), whether it is intact.

Layout: `<index_dir>/<engine>-<roots hash>/` holds tantivy's files plus `kit-manifest.json` (engine version
and one fingerprint per resource id) and `kit-manifest.log` (one line per later change, appended after each
commit so updating one file does not rewrite a 100k-line manifest). A crash between a commit and the log line
only makes the next open re-index that file again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import struct
import time
import uuid
import zlib
from pathlib import Path

from kit.core.atomic import atomic_write_text
from kit.core.search.analysis import ENGINE_VERSION

MANIFEST = "kit-manifest.json"
MANIFEST_LOG = "kit-manifest.log"
VERIFIED = "kit-verified.json"
_FOOTER_MAGIC = 1337  # tantivy ends every file with: JSON footer (holding a CRC32), its u32 length, u32 magic
_STALE_AFTER_S = 3600


class IndexDamaged(Exception):
    """The on-disk index cannot be trusted; the message says why, for the notice shown to the user."""


def index_home(index_dir: Path, roots: list[Path]) -> Path:
    """One index per set of content folders and engine version, so switching `--resources` does not thrash."""
    digest = hashlib.blake2b("\n".join(sorted(str(r) for r in roots)).encode("utf-8", "surrogatepass"), digest_size=6)
    return index_dir / f"{ENGINE_VERSION}-{digest.hexdigest()}"


def read_manifest(home: Path) -> dict[str, str]:
    """Fingerprints by resource id. Raises IndexDamaged when the manifest is missing, foreign or unreadable."""
    try:
        data = json.loads((home / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexDamaged("the search index is incomplete") from None
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: deeply nested brackets
        raise IndexDamaged("the search index's manifest is damaged") from None
    if not isinstance(data, dict) or data.get("engine") != ENGINE_VERSION or not isinstance(data.get("docs"), dict):
        raise IndexDamaged("the search index was made by another version of the kit")
    docs = {str(k): str(v) for k, v in data["docs"].items()}
    try:
        lines = (home / MANIFEST_LOG).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    except (OSError, UnicodeDecodeError):
        raise IndexDamaged("the search index's change log is damaged") from None
    for line in lines:
        resource_id, _, value = line.partition(" ")
        if not resource_id or not value:
            continue  # a torn last line from a crash: that file is simply re-indexed
        if value == "-":
            docs.pop(resource_id, None)
        else:
            docs[resource_id] = value
    return docs


def write_manifest(home: Path, docs: dict[str, str]) -> None:
    text = json.dumps({"engine": ENGINE_VERSION, "docs": docs}, separators=(",", ":"), sort_keys=True)
    atomic_write_text(home / MANIFEST, text)
    with contextlib.suppress(FileNotFoundError):
        (home / MANIFEST_LOG).unlink()


def append_manifest(home: Path, changes: dict[str, str | None]) -> None:
    """Record changed (fingerprint) and removed (None) resources after a commit."""
    lines = "".join(f"{rid} {fp or '-'}\n" for rid, fp in changes.items())
    with open(home / MANIFEST_LOG, "a", encoding="utf-8") as log:
        log.write(lines)
        log.flush()
        os.fsync(log.fileno())


def check_files(home: Path) -> None:
    """Check every segment file the index uses against its own CRC32. Raises IndexDamaged.

    tantivy notices a truncated file but not bytes overwritten in the middle: those give wrong results or a
    panic at the first query that touches them. A file is read in full once; after that its size and
    modification time are remembered (in `kit-verified.json`) and it is read again only if they change, so
    opening a 100k-resource index does not read 500 MB every time.
    """
    try:
        meta = json.loads((home / "meta.json").read_text(encoding="utf-8"))
        segments = [str(s["segment_id"]).replace("-", "") for s in meta.get("segments", [])]
    except FileNotFoundError:
        raise IndexDamaged("the search index is incomplete") from None
    except (OSError, ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError, RecursionError):
        raise IndexDamaged("the search index's catalogue is damaged") from None
    wanted = set(segments)
    found: set[str] = set()
    try:
        names = os.listdir(home)
    except OSError as exc:
        raise IndexDamaged(f"the search index cannot be read ({exc.strerror})") from None
    verified = _read_verified(home)
    checked: dict[str, list[int]] = {}
    for name in names:
        segment = name.split(".", 1)[0]
        if segment not in wanted:
            continue
        found.add(segment)
        try:
            info = os.stat(home / name)
        except OSError:
            raise IndexDamaged(f"the search index file {name} cannot be read") from None
        stamp = [info.st_size, info.st_mtime_ns]
        if verified.get(name) != stamp and not _crc_ok(home / name):
            raise IndexDamaged(f"the search index file {name} is damaged")
        checked[name] = stamp
    if found != wanted:
        raise IndexDamaged("files of the search index are missing")
    if checked != verified:
        with contextlib.suppress(OSError):  # a read-only index is simply checked in full next time
            atomic_write_text(home / VERIFIED, json.dumps(checked, separators=(",", ":")))


def trust_files(home: Path) -> None:
    """Record the files of an index this process has just built as verified: no need to read them back."""
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        meta = json.loads((home / "meta.json").read_text(encoding="utf-8"))
        segments = {str(s["segment_id"]).replace("-", "") for s in meta.get("segments", [])}
        stamps = {}
        for name in os.listdir(home):
            if name.split(".", 1)[0] in segments:
                info = os.stat(home / name)
                stamps[name] = [info.st_size, info.st_mtime_ns]
        atomic_write_text(home / VERIFIED, json.dumps(stamps, separators=(",", ":")))


def _read_verified(home: Path) -> dict:
    try:
        data = json.loads((home / VERIFIED).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _crc_ok(path: Path) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if len(data) < 8:
        return False
    footer_len, magic = struct.unpack("<II", data[-8:])
    if magic != _FOOTER_MAGIC or footer_len + 8 > len(data):
        return False
    try:
        footer = json.loads(data[-8 - footer_len : -8])
        return zlib.crc32(memoryview(data)[: len(data) - 8 - footer_len]) == int(footer["crc"])
    except (ValueError, TypeError, KeyError, RecursionError):
        return False


def fresh_dir(home: Path) -> Path:
    """An empty folder next to `home` to build a new index in, so the old one keeps answering meanwhile."""
    path = home.with_name(f"{home.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:6]}")
    path.mkdir(parents=True)
    return path


def move_into_place(built: Path, home: Path) -> Path:
    """Swap a freshly built index into `home`. If another process holds `home`, keep using `built`."""
    if home.exists():
        aside = home.with_name(f"{home.name}.old-{uuid.uuid4().hex[:6]}")
        try:
            os.replace(home, aside)
        except OSError:
            return built
        shutil.rmtree(aside, ignore_errors=True)
    try:
        os.replace(built, home)
    except OSError:
        return built
    return home


_SIBLING = re.compile(r"^(?P<engine>.+)-(?P<roots>[0-9a-f]{12})(?:\.(?:tmp|old)-.+)?$")


def clean_old(index_dir: Path, home: Path) -> None:
    """Remove indexes of older engine versions for the same content, and leftovers of interrupted builds."""
    try:
        entries = list(index_dir.iterdir())
    except OSError:
        return
    now = time.time()
    for entry in entries:
        match = _SIBLING.match(entry.name)
        if not match or entry == home or not entry.is_dir():
            continue
        leftover = ".tmp-" in entry.name or ".old-" in entry.name
        other_engine = match["engine"] != ENGINE_VERSION and home.name.endswith(match["roots"])
        try:
            old_enough = now - entry.stat().st_mtime > _STALE_AFTER_S
        except OSError:
            continue
        if (leftover and old_enough) or (other_engine and not leftover):
            shutil.rmtree(entry, ignore_errors=True)
