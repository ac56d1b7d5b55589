"""Issue 15 (d): every failure of opening, checking, migrating or journalling ends in the "kept aside, fresh or
read-only, with a notice" path; a damaged file is salvaged row by row; lessons in packs are capped, stored in one
transaction and replaced on --replace."""

import json
import sqlite3

import pytest

from kit.core.packs.lessons import import_lessons, lesson_entry
from kit.core.packs.manifest import MAX_LESSONS, PackError, parse_manifest
from kit.core.store import database, files
from kit.core.store.database import DB_NAME, LessonItem, Store


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


class _Raising:
    """A connection whose `execute` raises `error` for statements containing `trigger`."""

    def __init__(self, conn, trigger, error):
        self._conn, self._trigger, self._error = conn, trigger, error

    def execute(self, sql, *args):
        if self._trigger in sql:
            raise self._error
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def _with_note(data_dir, text="kept"):
    with Store.open(data_dir) as store:
        store.set_note("a", text)


def test_one_flipped_byte_in_a_table_name_is_damage_and_every_note_is_salvaged(data_dir):
    """The real file behind issue 15's "quick_check raises UnicodeDecodeError" (found by flipping random bytes
    of a kit store): one byte of the name 'lessons' in the schema becomes 0xF1. Every statement then fails while
    SQLite reports the malformed schema, and Python cannot decode the message it quotes: UnicodeDecodeError,
    not sqlite3.Error, from quick_check and from every query of the salvage. Before, the store opened empty."""
    with Store.open(data_dir) as store:
        for number in range(200):
            store.set_note(f"r{number:03}", f"note {number} é")
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = data_dir / DB_NAME
    raw = path.read_bytes()
    assert raw.count(b"tablelessonslessons") == 1  # the schema row: type, name, table name
    path.write_bytes(raw.replace(b"tablelessonslessons", b"tablele\xf1sonslessons"))
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with pytest.raises(UnicodeDecodeError):
        conn.execute("PRAGMA quick_check").fetchall()
    conn.close()
    with Store.open(data_dir) as store:
        assert "is damaged" in store.notice and "kept as" in store.notice and not store.read_only
        assert len(store.notes()) == 200 and store.note("r123") == "note 123 é"
        store.set_note("after", "still works")
    assert len(list(data_dir.glob("kit.corrupt-*.sqlite3"))) == 1  # the damaged file is kept, never deleted


def test_schema_names_that_are_not_utf8_are_damage(data_dir):
    data_dir.mkdir(parents=True)
    path = data_dir / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE q (zz TEXT /*padpadpad*/)")
    conn.execute("INSERT INTO q VALUES (NULL)")
    conn.commit()
    conn.close()
    path.write_bytes(path.read_bytes().replace(b"zz TEXT /*padpadpad*/", b"\xff\xff TEXT NOT NULL /**/"))
    with Store.open(data_dir) as store:
        assert "kept as" in store.notice and not store.read_only


def test_negative_user_version_is_kept_aside_not_an_index_error(data_dir):
    _with_note(data_dir)
    conn = sqlite3.connect(data_dir / DB_NAME)
    conn.execute("PRAGMA user_version = -3")
    conn.close()
    with Store.open(data_dir) as store:
        assert "negative" in store.notice and "kept as" in store.notice
        store.set_note("b", "works")


def test_journal_mode_failing_on_a_full_disk_opens_read_only(data_dir, monkeypatch):
    _with_note(data_dir, "still readable")
    real = files.connect
    full = sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(files, "connect", lambda *a, **k: _Raising(real(*a, **k), "journal_mode", full))
    with Store.open(data_dir) as store:
        assert store.read_only and "disk is full" in store.notice
        assert store.note("a") == "still readable"


def test_salvage_keeps_every_readable_row(data_dir):
    with Store.open(data_dir) as store:
        for number in range(200):
            store.set_note(f"r{number:03}", f"note {number} " + "z" * 300)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = data_dir / DB_NAME
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'notes'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    raw = bytearray(path.read_bytes())
    leaf = root + 6  # a leaf of the notes table (pages after the root hold its rows)
    raw[(leaf - 1) * page_size + 1] ^= 0x5A  # two flipped bytes in one page's header
    raw[(leaf - 1) * page_size + 3] ^= 0xFF
    path.write_bytes(bytes(raw))
    with Store.open(data_dir) as store:
        assert "damaged" in store.notice
        assert len(store.notes()) >= 180  # ~8 notes share the flipped page; before, all 200 were lost


def test_lessons_in_a_manifest_are_capped():
    lessons = [lesson_entry(f"L{n}", "", None, [("a", 5)]) for n in range(MAX_LESSONS + 1)]
    data = {"format": "kitpack", "format_version": 1, "pack": {"id": "p"}, "files": [], "lessons": lessons}
    data["files"] = [{"path": "pack.yaml", "size": 1, "sha256": "0" * 64}]
    with pytest.raises(PackError, match=r"lessons \(limit 200\)"):
        parse_manifest(json.dumps(data).encode())


def test_pack_lessons_replace_not_add_and_are_all_or_none(data_dir, monkeypatch):
    entries = [lesson_entry(f"Lesson {n}", "10A", None, [("a", 5), ("b", 10)]) for n in range(3)]
    with Store.open(data_dir) as store:
        store.create_lesson("Mine", items=[LessonItem("a", 5)])
        assert import_lessons(store, entries, pack_id="week") == (3, 0)
        assert import_lessons(store, entries[:2], pack_id="week") == (2, 0)  # --replace
        assert sorted(lesson.title for lesson in store.lessons()) == ["Lesson 0", "Lesson 1", "Mine"]
        calls, real = [], database._insert_items

        def failing(conn, lesson_id, items):  # the second lesson's items fail to write
            calls.append(lesson_id)
            if len(calls) == 2:
                raise sqlite3.OperationalError("database or disk is full")
            real(conn, lesson_id, items)

        monkeypatch.setattr(database, "_insert_items", failing)
        with pytest.raises(database.StoreError):
            import_lessons(store, entries, pack_id="week")
        assert sorted(lesson.title for lesson in store.lessons()) == ["Lesson 0", "Lesson 1", "Mine"]
