"""What kind of file system a folder is on: SQLite's WAL needs shared memory, which FAT and network shares lack."""

from __future__ import annotations

import os
from pathlib import Path

# File systems where WAL's -shm file and its locks are unreliable (bad-inputs.md U10).
NO_WAL_FILESYSTEMS = {
    "vfat",
    "msdos",
    "fat",
    "fat32",
    "exfat",
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "sshfs",
    "9p",
    "fuseblk",  # ntfs-3g and exfat-fuse on USB sticks
    "afpfs",
    "webdav",
    "davfs",
    "iso9660",
    "udf",
    "remote",  # a Windows network drive
}
ENV_JOURNAL = "KIT_JOURNAL_MODE"  # "wal" or "delete": an override for school IT (and tests)


def supports_wal(folder: Path) -> bool:
    """True when a SQLite database in `folder` may use WAL; unknown file systems count as local."""
    forced = os.environ.get(ENV_JOURNAL, "").strip().lower()
    if forced in ("wal", "delete"):
        return forced == "wal"
    kind = filesystem_type(folder)
    return kind is None or kind.lower() not in NO_WAL_FILESYSTEMS


def filesystem_type(folder: Path) -> str | None:
    """The file-system type name of `folder` ("ext4", "vfat", "nfs", "NTFS", "remote"...), or None if unknown."""
    try:
        if os.name == "nt":
            return _windows_type(folder)
        return _mounts_type(folder)
    except (OSError, ValueError):
        return None


def _mounts_type(folder: Path) -> str | None:
    """Linux: the longest mount point in /proc/mounts that holds `folder`."""
    mounts = Path("/proc/mounts")
    if not mounts.exists():
        return None
    target = folder.resolve()
    best, best_type = "", None
    for line in mounts.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (target == Path(point) or Path(point) in target.parents) and len(point) > len(best):
            best, best_type = point, parts[2]
    return best_type


def _windows_type(folder: Path) -> str | None:
    import ctypes

    root = Path(folder.resolve().anchor)
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    if kernel32.GetDriveTypeW(str(root)) == 4:  # DRIVE_REMOTE
        return "remote"
    name = ctypes.create_unicode_buffer(64)
    if not kernel32.GetVolumeInformationW(str(root), None, 0, None, None, None, name, len(name)):
        return None
    return name.value
