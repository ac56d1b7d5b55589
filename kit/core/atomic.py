"""Writing files so a crash, a kill or a full disk never leaves a half-written file in place."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

TEMP_PREFIX = ".kit-tmp-"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` all or nothing: temp file in the same folder, fsync, then `os.replace`.

    A naive `open('w')` killed mid-write left unreadable files in 1-20 of 25 runs, and on a full
    disk destroyed the old file; this way the old file survives both (bad-inputs.md E7).
    Raises OSError when the folder cannot be written; the old file is then untouched.
    """
    path = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    """`atomic_write_bytes` for UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"))


def clean_stale_temp_files(folder: Path, older_than_s: float) -> int:
    """Remove our own temp files left by a crash (only names with our prefix, only old ones); returns the count."""
    removed = 0
    cutoff = time.time() - older_than_s
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith(TEMP_PREFIX):
            continue
        try:
            if entry.is_file() and not entry.is_symlink() and entry.stat().st_mtime < cutoff:
                entry.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
