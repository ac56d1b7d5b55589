"""Writing files so a crash, a kill or a full disk never leaves a half-written file: temp → fsync → os.replace."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".kit-tmp-"


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace `path` with `data` all at once: readers see the old file or the new one, never a mix.

    The temp file sits in the same folder (a rename across file systems is not atomic). On any
    failure (a full disk, a read-only folder) the temp file is removed, the old file is untouched
    and the OSError propagates for the caller to report.
    """
    with atomic_open(path) as stream:
        stream.write(data)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Write a big file as a stream (a zip, a PDF) with the same guarantee as `atomic_write_bytes`.

    The file appears at `path` only when the `with` block ends without an exception.
    """
    target = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
    try:
        with os.fdopen(handle, "w+b") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        publish(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def temp_path_beside(path: str | os.PathLike[str]) -> Path:
    """A name for a temp file in `path`'s folder, not created yet: for a file written by another process (a PDF
    made in a child process) and published with `publish`. Its prefix lets start-up tidying find a leftover."""
    target = Path(path)
    return target.parent / f"{TEMP_PREFIX}{secrets.token_hex(8)}{target.suffix}"


def write_new_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Create `path` (never an existing file), write `data` and make it durable, ready for `publish`."""
    with open(path, "xb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def publish(temp_name: str | os.PathLike[str], path: str | os.PathLike[str]) -> None:
    """Put a finished, synced temp file in `path`'s place in one rename (keeping the old file's permissions)."""
    target = Path(path)
    _copy_mode(target, temp_name)
    os.replace(temp_name, target)
    fsync_dir(target.parent)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """`atomic_write_bytes` for text; newlines are written as given (no platform translation)."""
    atomic_write_bytes(path, text.encode(encoding))


def fsync_dir(folder: str | os.PathLike[str]) -> None:
    """Make a rename in `folder` durable. POSIX needs the directory synced; Windows cannot open one."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems (and some network mounts) refuse fsync on a directory
        pass
    finally:
        os.close(fd)


# Work this old was left by a crash or a kill, not by a copy of the kit still writing (a save takes milliseconds,
# a pack import seconds): temp files and staged imports older than this are tidied away.
LEFTOVER_AGE_S = 600.0


def clean_stale_temp_files(folder: str | os.PathLike[str], older_than_s: float = LEFTOVER_AGE_S) -> list[Path]:
    """Remove our own leftover temp files (prefix `.kit-tmp-`) older than `older_than_s`; return them.

    Only names with our prefix are touched, and only old ones, so a save in progress in another
    copy of the app is left alone. Errors (a read-only folder) are ignored: clutter is harmless.
    """
    removed: list[Path] = []
    cutoff = time.time() - older_than_s
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(TEMP_PREFIX):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _copy_mode(target: Path, temp_name: str) -> None:
    """mkstemp makes files 0600; keep the mode of the file being replaced, or use the umask default."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        mode = 0o644  # reading the umask means setting it, which races with other threads
    with contextlib.suppress(OSError):
        os.chmod(temp_name, mode)
