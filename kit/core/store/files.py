"""The files behind the store: connecting, judging a database file's health, moving a bad one aside, backups."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

from kit.core.atomic import TEMP_PREFIX, atomic_write_bytes

BACKUP_DIR = "backups"
KEEP_BACKUPS = 5
MAX_PROBED_ROWS = 50_000  # rowids looked up one by one when salvaging a damaged table (~0.2 s)
BUSY_TIMEOUT_MS = 10_000  # bad-inputs.md F8: wait at least 5 s for another copy of the kit


def connect(target: str, *, uri: bool) -> sqlite3.Connection:
    conn = sqlite3.connect(
        target, uri=uri, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def writable(data_dir: Path, path: Path) -> bool:
    return os.access(data_dir, os.W_OK | os.X_OK) and (not path.exists() or os.access(path, os.W_OK))


def health_problem(path: Path, schema_version: int, *, immutable: bool = False) -> str | None:
    """None when `path` is a healthy kit database we can use; else what is wrong ("newer" for a newer kit).

    `immutable` reads a file on read-only media, where a WAL database cannot be opened otherwise.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            return "is not a regular file"
        if info.st_size == 0:
            return "was empty (0 bytes)"
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return "is not a database"
    except OSError as exc:
        return f"could not be read ({exc.strerror or exc})"
    try:
        conn = connect(f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}", uri=True)
    except sqlite3.Error:
        return "could not be opened"
    conn.text_factory = lenient_text  # quick_check quotes damaged bytes, which need not be UTF-8
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return "is damaged"
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except Exception:  # sqlite3.Error, and whatever else a crafted file provokes: damage, never a crash
        return "is damaged"
    finally:
        conn.close()
    if not isinstance(version, int) or version < 0:  # no migration starts below 0 (it raised IndexError)
        return "is damaged (its version number is negative)"
    if version > schema_version:
        return "newer"
    if version == 0 and tables:
        return "is not the kit's database"
    return None


def lenient_text(data: bytes) -> str:
    """TEXT values of a file that may be damaged: undecodable bytes become U+FFFD instead of an exception."""
    return data.decode("utf-8", "replace")


def move_aside(path: Path) -> Path:
    """Rename a bad database (and its -wal/-shm) to `<name>.corrupt-<time>`; never delete it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.stem}.corrupt-{stamp}-{number}{path.suffix}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            with contextlib.suppress(OSError):
                os.replace(companion, Path(f"{aside}{suffix}"))
    return aside


def daily_backup(conn: sqlite3.Connection, data_dir: Path) -> None:
    """Copy the database to backups/kit-<date>.sqlite3 once a day (SQLite's online backup), keeping the newest few."""
    folder = data_dir / BACKUP_DIR
    target = folder / f"kit-{dt.date.today().isoformat()}.sqlite3"
    if target.exists():
        return
    try:
        folder.mkdir(exist_ok=True)
        temp = folder / f"{TEMP_PREFIX}{os.getpid()}.sqlite3"
        copy = sqlite3.connect(temp)
        try:
            conn.backup(copy)
        finally:
            copy.close()
        os.replace(temp, target)
        for old in sorted(folder.glob("kit-*.sqlite3"))[:-KEEP_BACKUPS]:
            old.unlink()
    except (OSError, sqlite3.Error):
        pass  # a backup is a bonus: never stop the teacher's work for it


def restore_backup(data_dir: Path, path: Path, schema_version: int) -> str | None:
    """Put the newest healthy backup in place of a damaged database; return its date, or None."""
    for backup in sorted((data_dir / BACKUP_DIR).glob("kit-*.sqlite3"), reverse=True):
        if health_problem(backup, schema_version) is None:
            try:
                atomic_write_bytes(path, backup.read_bytes())
            except OSError:
                return None
            return backup.stem.removeprefix("kit-")
    return None


def readable_rows(old: sqlite3.Connection, table: str, columns: str) -> list[tuple]:
    """Every row of `table` that can still be read. One damaged page makes a full scan fail, so then each rowid
    is looked up on its own: the rows on other pages are reached through the tree and kept."""
    try:
        return old.execute(f"SELECT {columns} FROM {table}").fetchall()
    except Exception:
        pass
    try:
        top = int(old.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0)
    except Exception:
        top = MAX_PROBED_ROWS
    rows = []
    for rowid in range(1, min(top, MAX_PROBED_ROWS) + 1):
        try:
            row = old.execute(f"SELECT {columns} FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
        except Exception:
            continue
        if row is not None:
            rows.append(row)
    return rows
