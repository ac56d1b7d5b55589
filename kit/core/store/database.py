"""The teacher's own data (bookmarks, notes, lessons) in one SQLite file in the data dir, never lost.

Opening never fails: a damaged, foreign or zero-byte file is renamed aside (never deleted) and a fresh
database is started; a file from a newer kit, or a read-only folder, opens read-only. `Store.notice`
then says what happened in one line for the UI's banner or the CLI's stderr.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kit.core.errors import KitError
from kit.core.store import file_systems, files

DB_NAME = "kit.sqlite3"

# MIGRATIONS[n] takes a database from user_version n to n + 1. Never edit a released step: add one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE bookmarks (
            resource_id TEXT PRIMARY KEY NOT NULL,
            created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))""",
        """CREATE TABLE notes (
            resource_id TEXT PRIMARY KEY NOT NULL,
            text TEXT NOT NULL,
            updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))""",
    ),
    (
        """CREATE TABLE lessons (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            class_name TEXT NOT NULL DEFAULT '',
            date TEXT,
            created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))""",
        """CREATE TABLE lesson_items (
            lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            resource_id TEXT NOT NULL,
            minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 1440),
            PRIMARY KEY (lesson_id, position))""",
    ),
    # The pack a lesson came in, so importing that pack again replaces its lessons instead of adding copies.
    ("ALTER TABLE lessons ADD COLUMN source_pack TEXT",),
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(KitError):
    """A change could not be saved; the message says why in one line (read-only, disk full...)."""


@dataclass(frozen=True)
class LessonItem:
    resource_id: str
    minutes: int | None = None


@dataclass(frozen=True)
class Lesson:
    id: int
    title: str
    class_name: str = ""
    date: dt.date | None = None
    items: tuple[LessonItem, ...] = field(default_factory=tuple)

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes or 0 for item in self.items)


def apply_migrations(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Bring `conn` from its user_version up to `target` in one transaction (all steps or none)."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current >= target:
        return
    if current < 0:
        raise sqlite3.DatabaseError(f"user_version {current} is not a kit version")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(current, target):
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


class Store:
    """One open user database. Use `Store.open(data_dir)`; methods are safe from several threads."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, *, read_only: bool, notice: str | None):
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self.read_only = read_only
        self.notice = notice

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path) -> Store:
        data_dir = Path(data_dir)
        path = data_dir / DB_NAME
        with contextlib.suppress(OSError):  # a read-only parent: handled as a read-only folder below
            data_dir.mkdir(parents=True, exist_ok=True)
        if not files.writable(data_dir, path):
            return cls._open_read_only(path, f"your data folder {data_dir} is read-only: changes will not be saved")
        notice = None
        if path.exists():
            problem = files.health_problem(path, SCHEMA_VERSION)
            if problem == "newer":
                return cls._open_read_only(
                    path, f"{path.name} was made by a newer version of the kit: opened read-only, nothing changed"
                )
            if problem:
                aside = files.move_aside(path)
                restored = files.restore_backup(data_dir, path, SCHEMA_VERSION)
                start = f"the backup of {restored}" if restored else "a fresh one"
                notice = f"{path.name} {problem}: it was kept as {aside.name}; started from {start}"
        try:
            conn = _connect_writable(path, data_dir)
        except Exception as exc:  # a full disk (journal_mode), a file no check foresaw: read-only, with a notice
            reason = _explain(exc) if isinstance(exc, sqlite3.Error) else f"not saved: {type(exc).__name__}"
            return cls._open_read_only(path, f"{path.name} could not be opened for changes ({reason})")
        store = cls(conn, path, read_only=False, notice=notice)
        if notice:
            store._salvage(aside)
        else:
            files.daily_backup(conn, data_dir)
        return store

    @classmethod
    def open_read_only(cls, data_dir: Path) -> Store:
        """The teacher's data for reading only (`kit serve --lesson`): nothing created, migrated or written.
        mode=ro sees what the open app wrote to the WAL; the immutable fallback would not."""
        path, conn = Path(data_dir) / DB_NAME, None
        try:
            conn = files.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            conn.text_factory = files.lenient_text
            conn.execute("SELECT count(*) FROM lessons").fetchone()
            return cls(conn, path, read_only=True, notice="opened read-only")
        except sqlite3.Error:  # absent, damaged or on read-only media: read what can be read, else empty
            if conn is not None:
                conn.close()
            return cls._open_read_only(path, "opened read-only")

    @classmethod
    def _open_read_only(cls, path: Path, notice: str) -> Store:
        """Read what is there without writing anything (immutable=1: a WAL file on read-only media opens)."""
        if path.exists() and files.health_problem(path, SCHEMA_VERSION, immutable=True) in (None, "newer"):
            try:
                conn = files.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
                conn.text_factory = files.lenient_text
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return cls(conn, path, read_only=True, notice=notice)
            except Exception:  # then an empty store in memory: the window opens either way
                pass
        conn = files.connect(":memory:", uri=False)
        apply_migrations(conn)
        return cls(conn, None, read_only=True, notice=notice)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def integrity_ok(self) -> bool:
        with self._lock:
            return self._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # -- bookmarks ---------------------------------------------------------------------------------
    def bookmarks(self) -> list[str]:
        """Bookmarked resource ids, newest first."""
        return [r[0] for r in self._read("SELECT resource_id FROM bookmarks ORDER BY created DESC, rowid DESC")]

    def is_bookmarked(self, resource_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM bookmarks WHERE resource_id = ?", (resource_id,)))

    def set_bookmark(self, resource_id: str, on: bool) -> None:
        with self._write() as conn:
            if on:
                conn.execute("INSERT OR IGNORE INTO bookmarks (resource_id) VALUES (?)", (resource_id,))
            else:
                conn.execute("DELETE FROM bookmarks WHERE resource_id = ?", (resource_id,))

    def toggle_bookmark(self, resource_id: str) -> bool:
        """Flip the bookmark; return whether it is now on."""
        on = not self.is_bookmarked(resource_id)
        self.set_bookmark(resource_id, on)
        return on

    # -- notes -------------------------------------------------------------------------------------
    def note(self, resource_id: str) -> str:
        rows = self._read("SELECT text FROM notes WHERE resource_id = ?", (resource_id,))
        return rows[0][0] if rows else ""

    def notes(self) -> dict[str, str]:
        return dict(self._read("SELECT resource_id, text FROM notes ORDER BY updated DESC"))

    def set_note(self, resource_id: str, text: str) -> None:
        """Save the note exactly as given (any text, NUL included); an empty note is removed."""
        with self._write() as conn:
            if text == "":
                conn.execute("DELETE FROM notes WHERE resource_id = ?", (resource_id,))
            else:
                conn.execute(
                    """INSERT INTO notes (resource_id, text) VALUES (?, ?)
                       ON CONFLICT (resource_id) DO UPDATE SET text = excluded.text,
                       updated = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')""",
                    (resource_id, text),
                )

    def search_notes(self, query: str) -> list[str]:
        """Resource ids whose note contains `query` (case-insensitive), for the library's filter."""
        needle = query.casefold().strip()
        return [rid for rid, text in self.notes().items() if needle and needle in text.casefold()]

    # -- lessons -----------------------------------------------------------------------------------
    def lessons(self) -> list[Lesson]:
        rows = self._read("SELECT id FROM lessons ORDER BY date IS NULL, date, id")
        return [lesson for (lesson_id,) in rows if (lesson := self.lesson(lesson_id)) is not None]

    def lesson(self, lesson_id: int) -> Lesson | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT id, title, class_name, date FROM lessons WHERE id = ?", (lesson_id,)
            ).fetchone()
            if row is None:
                return None
            items = self._conn.execute(
                "SELECT resource_id, minutes FROM lesson_items WHERE lesson_id = ? ORDER BY position", (lesson_id,)
            ).fetchall()
        return Lesson(row[0], row[1], row[2], _parse_date(row[3]), tuple(LessonItem(r, m) for r, m in items))

    def create_lesson(
        self,
        title: str,
        class_name: str = "",
        date: dt.date | None = None,
        items: Sequence[LessonItem] = (),
    ) -> int:
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO lessons (title, class_name, date) VALUES (?, ?, ?)",
                (title, class_name, date.isoformat() if date else None),
            )
            lesson_id = int(cursor.lastrowid)
            _insert_items(conn, lesson_id, items)
        return lesson_id

    def replace_pack_lessons(
        self, pack_id: str, lessons: Sequence[tuple[str, str, dt.date | None, Sequence[LessonItem]]]
    ) -> None:
        """Store the lessons a pack carries, in place of the ones it brought before: one transaction, so a kill
        leaves all of them or none (and never a second copy)."""
        with self._write() as conn:
            conn.execute("DELETE FROM lessons WHERE source_pack = ?", (pack_id,))
            for title, class_name, date, items in lessons:
                cursor = conn.execute(
                    "INSERT INTO lessons (title, class_name, date, source_pack) VALUES (?, ?, ?, ?)",
                    (title, class_name, date.isoformat() if date else None, pack_id),
                )
                _insert_items(conn, int(cursor.lastrowid), items)

    def update_lesson(self, lesson: Lesson) -> None:
        """Save title, class, date and the items in their new order, all in one transaction."""
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE lessons SET title = ?, class_name = ?, date = ? WHERE id = ?",
                (lesson.title, lesson.class_name, lesson.date.isoformat() if lesson.date else None, lesson.id),
            )
            if cursor.rowcount != 1:
                raise StoreError(f"lesson {lesson.id} no longer exists")
            conn.execute("DELETE FROM lesson_items WHERE lesson_id = ?", (lesson.id,))
            _insert_items(conn, lesson.id, lesson.items)

    def duplicate_lesson(self, lesson_id: int, title: str | None = None) -> int:
        original = self.lesson(lesson_id)
        if original is None:
            raise StoreError(f"lesson {lesson_id} no longer exists")
        return self.create_lesson(
            title or f"{original.title} (copy)", original.class_name, original.date, original.items
        )

    def delete_lesson(self, lesson_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM lessons WHERE id = ?", (lesson_id,))

    # -- plumbing ----------------------------------------------------------------------------------
    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error:
                # A newer kit's file may have changed a table: show nothing rather than fail.
                if self.read_only:
                    return []
                raise

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise StoreError(self.notice or "your data is open read-only: changes are not saved")
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(_explain(exc)) from exc
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:  # absent on some errors
                    # The failed write left the WAL file grown: give that space back to the disk.
                    with contextlib.suppress(sqlite3.Error):
                        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                raise StoreError(_explain(exc)) from exc
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                raise

    def _salvage(self, damaged: Path) -> None:
        """Copy whatever rows can still be read from a damaged file into the fresh one (best effort)."""
        tables = {
            "bookmarks": "resource_id, created",
            "notes": "resource_id, text, updated",
            "lessons": "id, title, class_name, date, created",
            "lesson_items": "lesson_id, position, resource_id, minutes",
        }
        try:
            old = files.connect(f"{damaged.resolve().as_uri()}?mode=ro", uri=True)
            old.text_factory = files.lenient_text
            # One bad byte in another table's schema row (a name that is not UTF-8) makes SQLite refuse every
            # statement; with writable_schema it reads the tables whose own rows are intact. mode=ro: no writes.
            old.execute("PRAGMA writable_schema = ON")
        except sqlite3.Error:
            return
        try:
            for table, columns in tables.items():
                rows = files.readable_rows(old, table, columns)
                if not rows:
                    continue
                marks = ", ".join("?" * len(columns.split(",")))
                # The damaged file is newer than any backup: its notes and bookmarks win; lessons are added.
                verb = "INSERT OR REPLACE" if table in ("notes", "bookmarks") else "INSERT OR IGNORE"
                with contextlib.suppress(sqlite3.Error, StoreError), self._write() as conn:
                    conn.executemany(f"{verb} INTO {table} ({columns}) VALUES ({marks})", rows)
        finally:
            old.close()


def _connect_writable(path: Path, data_dir: Path) -> sqlite3.Connection:
    conn = files.connect(str(path), uri=False)
    try:
        journal = "WAL" if file_systems.supports_wal(data_dir) else "DELETE"
        conn.execute(f"PRAGMA journal_mode = {journal}")
        conn.execute("PRAGMA synchronous = FULL")
        apply_migrations(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _insert_items(conn: sqlite3.Connection, lesson_id: int, items: Sequence[LessonItem]) -> None:
    conn.executemany(
        "INSERT INTO lesson_items (lesson_id, position, resource_id, minutes) VALUES (?, ?, ?, ?)",
        [(lesson_id, position, item.resource_id, item.minutes) for position, item in enumerate(items)],
    )


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _explain(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "full" in text:
        return "not saved: the disk is full; free some space and try again"
    if "readonly" in text or "read-only" in text:
        return "not saved: your data folder is read-only"
    if "locked" in text or "busy" in text:
        return "not saved: another copy of the kit is busy with your data; try again in a moment"
    return f"not saved: {exc}"
