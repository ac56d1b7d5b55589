"""Atomic file writes: a temp file in the same folder, fsync, then os.replace; no half-written file is ever seen."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

TEMP_PREFIX = ".kit-tmp-"


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write `data` to `path` so that `path` is either the old file or the complete new one, never a partial file.

    Raises OSError (missing folder, permission, full disk...); the temp file is removed and the old file kept.
    """
    target = Path(path)
    folder = target.parent
    fd, temp_name = _open_temp(folder, target.name)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            # A full disk can surface as a short file rather than an error on some file systems.
            written = os.fstat(handle.fileno()).st_size
        if written != len(data):
            raise OSError(28, f"only {written} of {len(data)} bytes were written", str(target))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(folder)


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    """`atomic_write_bytes` for text."""
    atomic_write_bytes(path, text.encode(encoding))


def clean_stale_temp_files(folder: Path | str, older_than_s: float = 3600.0) -> list[Path]:
    """Remove temp files a killed write left behind in `folder`; returns what was removed."""
    removed: list[Path] = []
    cutoff = time.time() - older_than_s
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(TEMP_PREFIX):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file() and entry.stat().st_mtime < cutoff:
                entry.unlink()
                removed.append(entry)
    return removed


def _open_temp(folder: Path, name: str) -> tuple[int, str]:
    import tempfile

    # Same folder as the target, so os.replace is a rename on one file system, never a copy.
    return tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{name[:40]}-", dir=folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open folders, and does not need it."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
