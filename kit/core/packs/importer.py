"""Importing `.kitpack` files (a zip + manifest.json) into the data dir: validated whole, staged, renamed in.

The order is the safety: (1) the central directory and the manifest are checked, (2) every member is
streamed once with real byte counters and SHA-256 without writing anything, (3) the pack is extracted
into `packs/.incoming-*` and checked again as it is written, (4) its content must validate, (5) it is
renamed into place; a pack it replaces is renamed aside first and deleted only after. A kill at any
moment leaves every pack whole or absent; `recover()` at start-up tidies what a kill left behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import shutil
import stat
import time
import uuid
import zipfile
import zlib
from collections.abc import Callable, Collection
from pathlib import Path

from kit.core.packs import file_names
from kit.core.packs.installed import STAGING, ContentCheck, install_staged
from kit.core.packs.manifest import (
    FORMAT_VERSION,
    MANIFEST,
    MAX_FILE_BYTES,
    OWN_PACK_ID,
    ImportResult,
    Manifest,
    PackConflict,
    PackError,
    installed_version,
    parse_manifest,
)
from kit.core.zip_limits import CHUNK, MAX_ENTRIES, MAX_RATIO, MAX_TOTAL_BYTES, RATIO_FLOOR_BYTES, packed_bytes

# Re-exported: callers import the pack API from here.
__all__ = ["FORMAT_VERSION", "ImportResult", "Manifest", "PackConflict", "PackError", "import_pack", "inspect"]

MAX_MANIFEST_BYTES = 5_000_000
INCOMPLETE = "the file is incomplete or not a pack; copy it again"
Progress = Callable[[int, int], None]


def inspect(archive: Path, progress: Progress | None = None) -> Manifest:
    """Validate the whole archive without writing anything; return its manifest or raise PackError."""
    with _open_zip(archive) as zf:
        entries = _checked_entries(zf)
        manifest = _read_manifest(zf, entries)
        _stream_members(zf, entries, manifest, _packed_bytes(archive, entries), None, progress)
    return manifest


def import_pack(
    archive: Path,
    packs_dir: Path,
    *,
    on_conflict: str = "ask",
    reserved: Collection[str] = (),
    validate_content: ContentCheck | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Install `archive` into `packs_dir/<pack id>`; `on_conflict` is "ask", "replace" or "keep-both".

    `reserved` holds pack ids that are not in `packs_dir` (the bundled kit): they can only be kept
    beside. `validate_content(folder)` returns (errors, warnings); errors refuse the pack (default: kit validate).
    """
    if on_conflict not in ("ask", "replace", "keep-both"):
        raise ValueError(on_conflict)
    archive, packs_dir = Path(archive), Path(packs_dir)
    reserved = {*reserved, OWN_PACK_ID}
    with _open_zip(archive) as zf:
        entries = _checked_entries(zf)
        manifest = _read_manifest(zf, entries)
        pack_id = manifest.pack_id
        target = packs_dir / pack_id
        installed = target.is_dir()
        protected = pack_id in reserved
        if (installed or protected) and on_conflict == "ask":
            raise PackConflict(pack_id, installed_version(target), manifest.pack.get("version", ""), protected)
        if protected and on_conflict == "replace":
            raise PackError(f"pack '{pack_id}' is never replaced (it is part of the kit or your own); keep both")
        size = _packed_bytes(archive, entries)
        _stream_members(zf, entries, manifest, size, None, progress)  # pass 1: nothing written
        _mkdir(packs_dir)
        staging = packs_dir / f"{STAGING}{int(time.time())}-{uuid.uuid4().hex[:8]}"
        try:
            _mkdir(staging)
            _stream_members(zf, entries, manifest, size, staging, None)  # pass 2: written and re-checked
            return install_staged(staging, packs_dir, manifest, on_conflict, reserved, validate_content)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)


def archive_size(archive: Path) -> int:
    try:
        return archive.stat().st_size
    except OSError as exc:
        raise PackError(f"cannot read the file: {exc.strerror or exc}") from None


def _packed_bytes(archive: Path, entries: dict[str, zipfile.ZipInfo]) -> int:
    return packed_bytes(archive_size(archive), entries.values())


# -- the checks ---------------------------------------------------------------------------------------
@contextlib.contextmanager
def _open_zip(archive: Path):
    if archive.is_dir():
        raise PackError("this is a folder, not a .kitpack file")
    if archive.exists() and not archive.is_file():  # a FIFO or a device would block or never end
        raise PackError("this is not a regular file (a pipe or a device), not a .kitpack file")
    try:
        zf = zipfile.ZipFile(archive)
    except FileNotFoundError:
        raise PackError("the file does not exist") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise PackError(INCOMPLETE) from None
    except OSError as exc:
        raise PackError(f"cannot read the file: {exc.strerror or exc}") from None
    with zf:
        yield zf


def _checked_entries(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Every file entry by its real name, after checking names, types, methods and declared sizes."""
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise PackError(f"the pack has {len(infos):,} entries (limit {MAX_ENTRIES:,})")
    files: dict[str, zipfile.ZipInfo] = {}
    dirs: list[str] = []
    for info in infos:
        if "\x00" in info.orig_filename:  # zipfile cut the name at the NUL; judge the real one
            raise PackError(file_names.name_problem(info.orig_filename) or "unsafe file name")
        name = file_names.decoded_name(info.filename, bool(info.flag_bits & 0x800))
        if name is None:
            raise PackError(f"file name '{info.filename}' is not in UTF-8; re-create the pack with a recent zipper")
        is_dir = name.endswith("/")
        if problem := file_names.name_problem(name, is_dir=is_dir):
            raise PackError(problem)
        _check_type(info, name)
        if info.flag_bits & 0x1:
            raise PackError("encrypted packs are not supported")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackError(f"'{name}' uses an unusual compression; re-create the pack with standard zip")
        if is_dir:
            dirs.append(name)
            continue
        if info.file_size > MAX_FILE_BYTES:
            raise PackError(f"'{name}' is {info.file_size / 1e6:.0f} MB (limit {MAX_FILE_BYTES // 1_000_000} MB)")
        if name in files:
            raise PackError(f"duplicate file name '{name}'")
        files[name] = info
    if problem := file_names.collision_problem(files, dirs):
        raise PackError(problem)
    _check_overlap(files)
    return files


def _check_type(info: zipfile.ZipInfo, name: str) -> None:
    mode = info.external_attr >> 16
    if info.create_system == 3 and mode:  # Unix: the file type is in the high bits
        kind = stat.S_IFMT(mode)
        if kind == stat.S_IFLNK:
            raise PackError(f"'{name}' is a symbolic link; packs may hold plain files only")
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise PackError(f"'{name}' is a special file (device, pipe or socket); packs may hold plain files only")
    if info.external_attr & 0x400:  # FILE_ATTRIBUTE_REPARSE_POINT: a Windows link
        raise PackError(f"'{name}' is a link; packs may hold plain files only")


def _check_overlap(files: dict[str, zipfile.ZipInfo]) -> None:
    """Entries sharing compressed bytes are a zip bomb (CVE-2024-0450, undetected by Python 3.11.7)."""
    ordered = sorted(files.items(), key=lambda item: item[1].header_offset)
    for (name, info), (_next_name, following) in itertools.pairwise(ordered):
        if following.header_offset < info.header_offset + 30 + info.compress_size:
            raise PackError(f"'{name}' overlaps another entry (a zip bomb); the pack was refused")


def _read_manifest(zf: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo]) -> Manifest:
    info = entries.get(MANIFEST)
    if info is None:
        raise PackError("manifest.json is missing; this is not a kit pack")
    if info.file_size > MAX_MANIFEST_BYTES:
        raise PackError("manifest.json is too large")
    raw = _read_limited(zf, info, MAX_MANIFEST_BYTES)
    manifest = parse_manifest(raw)
    members = set(entries) - {MANIFEST}
    for name in sorted(members - set(manifest.files)):
        raise PackError(f"'{name}' is in the pack but not in its manifest")
    for name in sorted(set(manifest.files) - members):
        raise PackError(f"'{name}' is in the manifest but missing from the pack")
    return manifest


def _read_limited(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    chunks, total = [], 0
    try:
        with zf.open(info) as stream:
            while chunk := stream.read(CHUNK):
                total += len(chunk)
                if total > limit:
                    raise PackError(f"'{info.filename}' is larger than it says")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError, OSError):
        raise PackError(INCOMPLETE) from None
    return b"".join(chunks)


def _stream_members(
    zf: zipfile.ZipFile,
    entries: dict[str, zipfile.ZipInfo],
    manifest: Manifest,
    packed_bytes: int,
    into: Path | None,
    progress: Progress | None,
) -> None:
    """Decompress every member counting real bytes (never trusting declared sizes) and check its SHA-256.

    With `into`, each member is also written there (fsynced) as it streams.
    """
    total, names = 0, sorted(manifest.files)
    for number, name in enumerate(names, 1):
        size, digest = manifest.files[name]
        hasher, count = hashlib.sha256(), 0
        out = None
        try:
            if into is not None:
                path = into / name
                _mkdir(path.parent)
                out = _create(path)
            with zf.open(entries[name]) as stream:
                while chunk := stream.read(CHUNK):
                    count += len(chunk)
                    total += len(chunk)
                    if count > size or count > MAX_FILE_BYTES:
                        raise PackError(f"'{name}' is larger than the manifest says")
                    if total > MAX_TOTAL_BYTES:
                        raise PackError(f"the pack unpacks to more than {MAX_TOTAL_BYTES // 1_000_000} MB")
                    if total > RATIO_FLOOR_BYTES and total > MAX_RATIO * packed_bytes:
                        raise PackError(f"the pack unpacks to over {MAX_RATIO} times its size (a zip bomb)")
                    hasher.update(chunk)
                    if out is not None:
                        _write(out, chunk)
            if out is not None:
                _finish(out)
                out = None
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError):
            raise PackError(INCOMPLETE) from None
        except OSError:  # reading the archive failed (the stick was pulled); writes raise PackError
            raise PackError(INCOMPLETE) from None
        finally:
            if out is not None:  # closing flushes; on a full disk that fails again: the refusal is already said
                with contextlib.suppress(OSError):
                    out.close()
        if count != size or hasher.hexdigest() != digest:
            raise PackError(f"'{name}' does not match its checksum in the manifest; copy the pack again")
        if progress is not None:
            progress(number, len(names))


def _mkdir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PackError(_space_message(exc, folder)) from None


def _create(path: Path):
    try:
        return path.open("xb")
    except OSError as exc:
        raise PackError(_space_message(exc, path.parent)) from None


def _write(out, chunk: bytes) -> None:
    try:
        out.write(chunk)
    except OSError as exc:
        raise PackError(_space_message(exc, Path(out.name).parent)) from None


def _finish(out) -> None:
    try:
        out.flush()
        os.fsync(out.fileno())
        out.close()
    except OSError as exc:
        raise PackError(_space_message(exc, Path(out.name).parent)) from None


def _space_message(exc: OSError, folder: Path) -> str:
    if exc.errno == 28:
        return f"not enough space in {folder} to import the pack; free some space"
    return f"cannot write in {folder}: {exc.strerror or exc}"
