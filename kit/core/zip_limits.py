"""Limits for reading zip files we did not make (.kitpack files, Word/PowerPoint/OpenDocument documents).

Declared sizes are never trusted: readers count the bytes they really decompress against these.
"""

from __future__ import annotations

from collections.abc import Iterable
from zipfile import ZipInfo

MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 300_000_000
MAX_RATIO = 100  # real bytes out per packed byte (packed_bytes); text zips at 3-10, a bomb at 1000+
RATIO_FLOOR_BYTES = 2_000_000  # below this a high ratio is harmless (a page of repeated lines)
CHUNK = 64 * 1024


def packed_bytes(archive_bytes: int, infos: Iterable[ZipInfo]) -> int:
    """What the ratio is measured against: the members' compressed sizes, never more than the file. Junk
    prepended to the archive does not raise the allowance, nor do overlapping entries counted twice."""
    return min(archive_bytes, sum(info.compress_size for info in infos))
