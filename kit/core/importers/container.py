"""Office documents are zip files: checked whole before any library parses them.

The same limits as a `.kitpack` (entries, unpacked size, ratio) — every member is decompressed once
counting real bytes, never trusting the sizes the archive declares — plus what office files never
legitimately hold: an XML DOCTYPE (entity expansion, external entities) and encryption.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from kit.core.importers.converted import ConvertError
from kit.core.zip_limits import CHUNK, MAX_ENTRIES, MAX_RATIO, MAX_TOTAL_BYTES, RATIO_FLOOR_BYTES, packed_bytes

MAX_DOCUMENT_BYTES = 200_000_000  # the file itself; a 300-slide deck with photos is ~100 MB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office's own container: a password-protected or pre-2007 file
_XML_SUFFIXES = (".xml", ".rels", ".vml")
# A DOCTYPE is where entities are declared (billion laughs, external files): office formats never use
# one, so any is refused whatever the parser would do with it (in UTF-8 and in both UTF-16s).
_DTD_MARKS = tuple(
    word.encode(codec) for word in ("<!DOCTYPE", "<!ENTITY") for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError, OSError)


def check_zip_document(path: Path, required: str, what: str) -> None:
    """Raise ConvertError unless `path` is a sane zip holding `required` (e.g. word/document.xml)."""
    size = file_size(path)
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == OLE_MAGIC:
        raise ConvertError(
            f"this {what} is password-protected or in the old pre-2007 format; "
            "open it, remove the password or save it in the current format, and add it again"
        )
    try:
        with zipfile.ZipFile(path) as zf:
            _check_members(zf, size, required, what)
    except ConvertError:
        raise
    except _ZIP_ERRORS:
        raise ConvertError(f"the file is damaged or not a {what}") from None


def file_size(path: Path) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ConvertError(f"cannot read the file: {exc.strerror or exc}") from None
    if size > MAX_DOCUMENT_BYTES:
        raise ConvertError(f"the file is {size / 1e6:.0f} MB (limit {MAX_DOCUMENT_BYTES // 1_000_000} MB)")
    return size


def _check_members(zf: zipfile.ZipFile, archive_bytes: int, required: str, what: str) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ConvertError(f"the {what} has {len(infos):,} parts (limit {MAX_ENTRIES:,}); it is not a normal document")
    if required not in {info.filename for info in infos}:
        raise ConvertError(f"the file is damaged or not a {what} ({required} is missing)")
    packed = packed_bytes(archive_bytes, infos)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ConvertError(f"the {what} is encrypted; remove the password and add it again")
        if info.is_dir():
            continue
        xml = info.filename.lower().endswith(_XML_SUFFIXES)
        tail = b""
        with zf.open(info) as stream:
            while chunk := stream.read(CHUNK):
                total += len(chunk)
                if total > MAX_TOTAL_BYTES:
                    raise ConvertError(f"the {what} unpacks to more than {MAX_TOTAL_BYTES // 1_000_000} MB")
                if total > RATIO_FLOOR_BYTES and total > MAX_RATIO * packed:
                    raise ConvertError(f"the {what} unpacks to over {MAX_RATIO} times its size (a zip bomb)")
                if xml:
                    window = tail + chunk
                    if any(mark in window for mark in _DTD_MARKS):
                        raise ConvertError(f"the {what} declares XML entities ({info.filename}); it was refused")
                    tail = chunk[-32:]
