"""Deciding whether this start of the kit is the one that keeps a data folder, before any window exists.

A `QLockFile` in the data folder says which copy of the kit owns it. The first start takes it and keeps it until it
exits; a crashed copy's lock is taken over at once (Qt checks that the process named in the lock file is gone).
A later start hands what it was asked for to the owner through a local socket and exits. When no lock can be
written there at all (a read-only folder), the kit opens read-only and says so: nobody else is running.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtNetwork import QLocalSocket

from kit.core.errors import KitError
from kit.ui.single_instance.message import END, Request, encode

LOCK_NAME = "kit.lock"
CONNECT_WAIT_S = 5.0  # the owner takes the lock a moment before it listens; a cold start on a busy machine is slow
REPLY_WAIT_MS = 3000
MAX_REPLY_BYTES = 512
UNREADABLE_LOCK_S = 2.0  # a lock file naming no process and older than this was cut short by a crash
UNIX_SOCKET_PATH_MAX = 100  # sockaddr_un holds 104-108 bytes, depending on the system


@dataclass
class Claim:
    """This start's part: `lock` held (the owner, listening on `server_name`), `reply` (handed over: exit), or
    `read_only` (why the data folder cannot be written)."""

    lock: QLockFile | None = None
    server_name: str = ""
    reply: str | None = None
    read_only: str | None = None


def claim(data_dir: Path, request: Request) -> Claim:
    """Take the data folder's lock, or pass `request` to the copy that holds it. KitError when that copy holds
    the lock but does not answer (stuck, or on another computer sharing the folder)."""
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return Claim(read_only=read_only_reason(data_dir, exc.strerror or type(exc).__name__))
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # held for hours by a live kit: stale only when its process is gone, never by age
    pid = _take(lock, data_dir / LOCK_NAME)
    if lock.isLocked():
        return Claim(lock=lock, server_name=server_name(data_dir))
    if lock.error() != QLockFile.LockError.LockFailedError:
        why = (
            "no permission to write there"
            if lock.error() == QLockFile.LockError.PermissionError
            else "no lock file could be made there"
        )
        return Claim(read_only=read_only_reason(data_dir, why))
    if pid is None:
        return Claim(read_only=read_only_reason(data_dir, f"{LOCK_NAME} there is not a file"))
    reply = forward(server_name(data_dir), request)
    if reply is not None:
        return Claim(reply=reply)
    _pid, host, _app = lock.getLockInfo()  # PySide returns these three (no bool)
    where = f"on {host}" if host and host != _this_host() else f"as process {pid}" if pid > 0 else "lock unreadable"
    raise KitError(
        f"Classroom Kit is already open with the data folder {data_dir} ({where}) but did not answer; "
        "close that copy (or wait for it) and start the kit again"
    )


def _take(lock: QLockFile, path: Path) -> int | None:
    """Try the lock; the holder's process id when another holds it (0: its lock file cannot be read), None when
    the lock's place holds something other than a file. Qt removes a dead process's lock by itself; a lock file a
    crash cut short names no process, so it is removed once it is older than a kit needs to write one."""
    deadline = time.monotonic() + 2 * UNREADABLE_LOCK_S
    while not lock.tryLock(0):
        if lock.error() != QLockFile.LockError.LockFailedError:
            return 0
        pid = lock.getLockInfo()[0]
        if pid > 0:
            return pid
        if not path.is_file():  # a folder named kit.lock, say: nothing the kit can take over safely
            return None
        if time.monotonic() > deadline:
            return 0
        try:
            age = abs(time.time() - path.stat().st_mtime)
        except OSError:  # gone meanwhile: try again
            continue
        if age > UNREADABLE_LOCK_S:
            lock.removeStaleLockFile()
        else:  # maybe a kit starting this very moment, between creating the file and writing its process id
            time.sleep(0.2)
    return 0


def read_only_reason(data_dir: Path, why: str) -> str:
    """The teacher's words for F10: what cannot be written and what the kit does about it (never "already open")."""
    return f"Your data folder {data_dir} cannot be written ({why}): the kit opened read-only and will not save changes."


def forward(name: str, request: Request, wait_s: float | None = None) -> str | None:
    """Send `request` to the server `name`; its one-line reply, or None when nothing answered in time."""
    deadline = time.monotonic() + (CONNECT_WAIT_S if wait_s is None else wait_s)
    socket = QLocalSocket()
    while True:
        socket.connectToServer(name)
        if socket.waitForConnected(300):
            break
        socket.abort()
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.1)
    socket.write(encode(request))
    socket.waitForBytesWritten(REPLY_WAIT_MS)
    reply = b""
    while END not in reply and len(reply) < MAX_REPLY_BYTES and socket.waitForReadyRead(REPLY_WAIT_MS):
        reply += bytes(socket.read(MAX_REPLY_BYTES - len(reply)))
    socket.abort()
    return reply.split(END, 1)[0].decode("utf-8", "replace") if END in reply else None


def server_name(data_dir: Path) -> str:
    """The local socket of the copy that owns `data_dir`: one per user and data folder, so two users or two data
    folders never meet. In the user's private runtime folder where there is one (Linux), so no other user can
    take the name first; elsewhere a name Qt places per user (macOS temp folder, a Windows pipe)."""
    who = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "") + str(Path.home())
    folder = os.path.normcase(str(Path(data_dir).resolve()))
    name = "classroom-kit-" + hashlib.sha256(f"{who}\0{folder}".encode("utf-8", "surrogatepass")).hexdigest()[:24]
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform.startswith("linux") and runtime and _private_folder(runtime):
        full = os.path.join(runtime, name)
        if len(os.fsencode(full)) < UNIX_SOCKET_PATH_MAX:
            return full
    return name


def _private_folder(path: str) -> bool:
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def _this_host() -> str:
    from PySide6.QtCore import QSysInfo

    return QSysInfo.machineHostName()
