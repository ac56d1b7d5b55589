"""A full disk under the search index (bad-inputs F3): told apart from other write failures, with the space to free.

tantivy reports it as a ValueError ("An IO error occurred: 'No space left on device (os error 28)'"), Python as an
OSError with errno ENOSPC (or EDQUOT, a quota). The index then runs in memory for the session (kit.core.search.index)
and the notice says how much to free, so the next start can keep the index on disk again.
"""

from __future__ import annotations

import errno
import math
import shutil
from pathlib import Path

from kit.core.i18n import translate
from kit.core.model import Resource

_NO_SPACE = (errno.ENOSPC, errno.EDQUOT)
_NO_SPACE_TEXT = ("No space left on device", "os error 28", "Disk quota exceeded", "os error 122")
# Index bytes per byte of Markdown body: the bundled kit's 446 KB of text make a 600 KB index (1.35), rounded up so
# the advice frees enough for merges and the manifest too.
INDEX_BYTES_PER_TEXT_BYTE = 2
MB = 1_000_000


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in _NO_SPACE:
        return True
    return any(text in str(exc) for text in _NO_SPACE_TEXT)


def needed_bytes(resources: list[Resource] | tuple[Resource, ...]) -> int:
    return INDEX_BYTES_PER_TEXT_BYTE * sum(len(r.body.encode("utf-8", "surrogatepass")) for r in resources)


def free_bytes(folder: Path) -> int:
    """Free space where `folder` is (or would be made); 0 when it cannot be asked."""
    for candidate in (folder, *folder.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return 0


def notice(folder: Path, resources) -> str:
    """The line shown in the search panel and by `kit index`/`kit search`."""
    missing = max(needed_bytes(resources) - free_bytes(folder), MB)
    return translate(
        "Search",
        "The disk holding the search index is full: free about {mb} MB on it ({folder}). "
        "Until then this session searches a temporary in-memory index.",
    ).format(mb=math.ceil(missing / MB), folder=folder)
