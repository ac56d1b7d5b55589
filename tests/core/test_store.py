import datetime as dt
import sqlite3

import pytest

from kit.core.store import database as store_module
from kit.core.store import files
from kit.core.store.database import DB_NAME, SCHEMA_VERSION, LessonItem, Store, StoreError, apply_migrations


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


def open_store(data_dir):
    return Store.open(data_dir)


def journal_mode(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def test_store_fresh_is_wal_with_latest_schema_and_foreign_keys(data_dir):
    with open_store(data_dir) as store:
        assert store.notice is None and not store.read_only
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert store.integrity_ok()
    assert journal_mode(data_dir / DB_NAME) == "wal"


def test_store_uses_delete_journal_on_fat_or_network(data_dir, monkeypatch):
    monkeypatch.setattr(store_module.file_systems, "filesystem_type", lambda folder: "vfat")
    with open_store(data_dir):
        pass
    assert journal_mode(data_dir / DB_NAME) == "delete"


def test_bookmarks_toggle_and_list_newest_first(data_dir):
    with open_store(data_dir) as store:
        assert store.toggle_bookmark("a") is True
        store.set_bookmark("b", True)
        store.set_bookmark("b", True)  # twice is once
        assert store.bookmarks() == ["b", "a"]
        assert store.toggle_bookmark("a") is False
        assert store.bookmarks() == ["b"]
    with open_store(data_dir) as store:
        assert store.is_bookmarked("b") and not store.is_bookmarked("a")


@pytest.mark.parametrize(
    "text",
    [
        "x" * 10_000_000,
        "emoji 👩🏽‍🏫🧑‍🤝‍🧑 and flags 🇨🇦",
        "עברית ومعها العربية mixed ‏RTL‮ override",
        "NUL \x00 in the middle\x00",
        "\r\n windows \r old mac \n",
        " leading and trailing spaces ",
    ],
    ids=["10MB", "emoji", "rtl", "nul", "newlines", "spaces"],
)
def test_notes_round_trip_exactly(data_dir, text):
    with open_store(data_dir) as store:
        store.set_note("res", text)
    with open_store(data_dir) as store:
        assert store.note("res") == text


def test_empty_note_is_removed_and_notes_are_searchable(data_dir):
    with open_store(data_dir) as store:
        store.set_note("a", "Ask about Recruitment online")
        store.set_note("b", "nothing here")
        assert store.search_notes("recruitment") == ["a"]
        store.set_note("a", "")
        assert store.note("a") == "" and "a" not in store.notes()


def test_lessons_create_reorder_duplicate_delete(data_dir):
    with open_store(data_dir) as store:
        items = [LessonItem("a", 10), LessonItem("b", 25), LessonItem("c", None)]
        lesson_id = store.create_lesson("Week 1", "9B", dt.date(2026, 12, 1), items)
        lesson = store.lesson(lesson_id)
        assert lesson.items == tuple(items) and lesson.total_minutes == 35
        reordered = lesson.__class__(lesson.id, "Week 1 (v2)", "9C", None, (items[2], items[0], items[1]))
        store.update_lesson(reordered)
        copy_id = store.duplicate_lesson(lesson_id)
        store.delete_lesson(lesson_id)
    with open_store(data_dir) as store:
        assert store.lesson(lesson_id) is None
        copy = store.lesson(copy_id)
        assert copy.title == "Week 1 (v2) (copy)" and copy.class_name == "9C"
        assert [i.resource_id for i in copy.items] == ["c", "a", "b"]
        # items went with their lesson (ON DELETE CASCADE, foreign keys on)
        left = store._conn.execute("SELECT count(*) FROM lesson_items WHERE lesson_id = ?", (lesson_id,)).fetchone()
        assert left[0] == 0


def test_failed_lesson_update_changes_nothing(data_dir):
    with open_store(data_dir) as store:
        lesson_id = store.create_lesson("L", items=[LessonItem("a", 5)])
        bad = store.lesson(lesson_id).__class__(lesson_id, "changed", "", None, (LessonItem("a", -1),))
        with pytest.raises(StoreError, match="not saved"):
            store.update_lesson(bad)
        assert store.lesson(lesson_id).title == "L"
        assert store.lesson(lesson_id).items == (LessonItem("a", 5),)


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_migrates_from_every_earlier_version(data_dir, version):
    data_dir.mkdir(parents=True)
    if version >= 1:  # version 0 is "no database yet" (an empty file is the zero-byte case below)
        conn = sqlite3.connect(data_dir / DB_NAME, isolation_level=None)
        apply_migrations(conn, version)
        conn.execute("INSERT INTO bookmarks (resource_id) VALUES ('kept')")
        conn.execute("INSERT INTO notes (resource_id, text) VALUES ('kept', 'my note')")
        conn.close()
    with open_store(data_dir) as store:
        assert store.notice is None
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        if version >= 1:
            assert store.bookmarks() == ["kept"] and store.note("kept") == "my note"
        store.create_lesson("works", items=[LessonItem("kept", 5)])
        assert store.integrity_ok()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "was empty"),
        (b"<html><body>not a database</body></html>", "is not a database"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "damaged"),
    ],
    ids=["zero-bytes", "html", "garbage-after-header"],
)
def test_bad_database_is_kept_aside_and_fresh_one_started(data_dir, content, said):
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(content)
    with open_store(data_dir) as store:
        assert said in store.notice and "kept as" in store.notice and "a fresh one" in store.notice
        assert not store.read_only
        store.set_note("a", "still works")
        assert store.note("a") == "still works"
    aside = [p for p in data_dir.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == content


def test_damaged_page_is_kept_aside_and_readable_rows_salvaged(data_dir):
    with open_store(data_dir) as store:
        store.set_note("a", "survivor")
        for number in range(300):
            store.set_note(f"filler-{number}", "y" * 2000)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = data_dir / DB_NAME
    raw = bytearray(path.read_bytes())
    raw[4096 * 40 : 4096 * 41] = b"\xa5" * 4096  # one page in the middle
    path.write_bytes(bytes(raw))
    with open_store(data_dir) as store:
        assert "damaged" in store.notice
        assert store.integrity_ok()
        store.set_bookmark("x", True)
    assert any(".corrupt-" in p.name for p in data_dir.iterdir())


def test_foreign_sqlite_file_is_kept_aside(data_dir):
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / DB_NAME)
    conn.execute("CREATE TABLE other (x)")
    conn.commit()
    conn.close()
    with open_store(data_dir) as store:
        assert "not the kit's database" in store.notice


def test_newer_version_opens_read_only_and_is_not_changed(data_dir):
    with open_store(data_dir) as store:
        store.set_note("a", "from the future")
    conn = sqlite3.connect(data_dir / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = (data_dir / DB_NAME).read_bytes()
    with open_store(data_dir) as store:
        assert store.read_only and "newer version" in store.notice
        assert store.note("a") == "from the future"
        with pytest.raises(StoreError, match="newer version"):
            store.set_note("a", "changed")
    assert (data_dir / DB_NAME).read_bytes() == before
    assert not any(".corrupt-" in p.name for p in data_dir.iterdir())


def test_read_only_folder_reads_existing_data_and_refuses_writes(data_dir, monkeypatch):
    with open_store(data_dir) as store:
        store.set_bookmark("kept", True)
    monkeypatch.setattr(files, "writable", lambda folder, path: False)
    with open_store(data_dir) as store:
        assert store.read_only and "read-only" in store.notice
        assert store.bookmarks() == ["kept"]
        with pytest.raises(StoreError, match="read-only"):
            store.set_bookmark("new", True)


def test_read_only_folder_without_database_still_opens(data_dir, monkeypatch):
    monkeypatch.setattr(files, "writable", lambda folder, path: False)
    with open_store(data_dir) as store:
        assert store.read_only and store.bookmarks() == [] and store.lessons() == []


def test_locked_database_waits_then_says_busy(data_dir, monkeypatch):
    monkeypatch.setattr(files, "BUSY_TIMEOUT_MS", 200)
    with open_store(data_dir) as store:
        other = sqlite3.connect(data_dir / DB_NAME, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match="another copy"):
                store.set_note("a", "x")
        finally:
            other.execute("ROLLBACK")
            other.close()
        store.set_note("a", "x")
        assert store.note("a") == "x"


def test_damaged_database_starts_from_the_daily_backup_plus_what_can_be_read(data_dir):
    with open_store(data_dir) as store:
        store.set_note("old", "from yesterday")
        store.create_lesson("Backed up", items=[LessonItem("a", 5)])
    import shutil

    shutil.rmtree(data_dir / "backups")  # as if this were the first start of a new day
    with open_store(data_dir) as store:  # the day's backup is made at start, with yesterday's work
        store.set_note("old", "edited today")
    with open_store(data_dir):  # today's backup exists already: not made again
        pass
    backups = list((data_dir / "backups").iterdir())
    assert len(backups) == 1
    (data_dir / DB_NAME).write_bytes(b"garbage, not a database")
    with open_store(data_dir) as store:
        assert "started from the backup of" in store.notice
        assert store.lessons()[0].title == "Backed up"
        assert store.note("old") == "from yesterday"  # the damaged file could not be read at all
    assert any(".corrupt-" in p.name for p in data_dir.iterdir())


def test_backups_keep_the_newest_few(data_dir):
    folder = data_dir / "backups"
    folder.mkdir(parents=True)
    for day in range(1, 9):
        (folder / f"kit-2026-01-0{day}.sqlite3").write_bytes(b"x")
    with open_store(data_dir):
        pass
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == files.KEEP_BACKUPS and names[-1].startswith(f"kit-{dt.date.today().isoformat()}")
