"""Lasting notices are keyed (kit.ui.notices): each source has its own row, a later notice from one source never
replaces another's, a row can be dismissed, and the rows push the content down instead of painting over it."""

from PySide6.QtCore import QPoint, QRect

from kit.core.packs import importer
from kit.core.store.database import DB_NAME
from kit.ui.app import open_window
from kit.ui.notices import HIDDEN_NOTICE, MAX_CHARS, STORE_NOTICE
from packfixtures import kitpack

REPAIRED = "kit.sqlite3 is damaged: it was kept as kit.sqlite3.damaged; started from a fresh one"
CLASH = "1 resource is hidden by others with the same id — File → Remove Imported Pack to undo"


def _rect_in_window(widget, window) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_a_later_notice_from_another_source_does_not_replace_an_earlier_one(make_window):
    window = make_window()
    window.show_notice(REPAIRED, key=STORE_NOTICE)
    window.show_notice(CLASH, key=HIDDEN_NOTICE)
    assert window.notices.shown() == {STORE_NOTICE: REPAIRED, HIDDEN_NOTICE: CLASH}
    window.show_notice("2 resources are hidden by others with the same id", key=HIDDEN_NOTICE)  # replaces itself
    assert window.notices.shown() == {
        STORE_NOTICE: REPAIRED,
        HIDDEN_NOTICE: "2 resources are hidden by others with the same id",
    }
    window.clear_notice(HIDDEN_NOTICE)
    assert window.notices.shown() == {STORE_NOTICE: REPAIRED}
    window.show_notice("", key=STORE_NOTICE)  # an empty message clears, as the features' callers expect
    assert window.notices.shown() == {} and not window.notices.isVisible()


def test_a_dismissed_notice_stays_away_until_its_source_says_something_new(qtbot, make_window):
    window = make_window()
    window.show_notice(REPAIRED, key=STORE_NOTICE)
    window.show_notice(CLASH, key=HIDDEN_NOTICE)
    row = window.notices._rows[HIDDEN_NOTICE]
    row.close_button.click()
    assert window.notices.shown() == {STORE_NOTICE: REPAIRED}
    assert window.notice(HIDDEN_NOTICE) == CLASH  # still true, only put away
    window.show_notice(CLASH, key=HIDDEN_NOTICE)  # the library reloads and says the same: not shown again
    assert HIDDEN_NOTICE not in window.notices.shown()
    window.show_notice("2 resources are hidden by others with the same id", key=HIDDEN_NOTICE)
    assert list(window.notices.shown()) == [STORE_NOTICE, HIDDEN_NOTICE]


def test_notices_sit_above_the_page_and_beside_a_status_message_never_over_them(qtbot, make_window):
    window = make_window()
    window.resize(1100, 700)
    window.show_notice(REPAIRED, key=STORE_NOTICE)
    window.show_notice(CLASH, key=HIDDEN_NOTICE)
    rows = list(window.notices._rows.values())
    qtbot.waitUntil(lambda: all(row.isVisible() and row.width() > 500 for row in rows))  # laid out
    # Said after the wait: while the window settles, the index build's own progress may take the status line.
    window.show_status("Search is ready.", 0)
    stack = _rect_in_window(window.notices, window)
    for widget in (window.reader, window.library_panel, window.contents, window.statusBar()):
        assert not stack.intersects(_rect_in_window(widget, window)), widget
    first, second = (_rect_in_window(row, window) for row in rows)
    assert first.bottom() < second.top() and stack.contains(first) and stack.contains(second)
    assert window.statusBar().currentMessage() == "Search is ready."  # the status line keeps its message
    for row in window.notices._rows.values():  # the whole text readable: wrapped, never cut by the row
        assert row.label.wordWrap() and row.label.heightForWidth(row.label.width()) <= row.label.height() + 1


def test_a_notice_is_plain_text_and_capped(make_window):
    window = make_window()
    window.show_notice("<b>pack</b> " + "x" * 5000, key=HIDDEN_NOTICE)
    label = window.notices._rows[HIDDEN_NOTICE].label
    assert label.text().startswith("<b>pack</b>") and len(label.text()) == MAX_CHARS


def test_a_repaired_store_and_a_clashing_pack_both_show_when_the_app_opens(qtbot, locations, tmp_path):
    """The real path: the store is repaired at start-up, then the library loads and reports a clash; before,
    the clash notice replaced the repair notice in the one slot."""
    locations.data_dir.mkdir(parents=True)
    (locations.data_dir / DB_NAME).write_bytes(b"not a database, a damaged file" * 100)
    archive = kitpack(tmp_path / "other.kitpack", "other", {"exit-ticket": "the pack's own exit ticket"})
    importer.import_pack(archive, locations.own_packs_dir)
    window, _features = open_window(locations)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: HIDDEN_NOTICE in window.notices.shown(), timeout=10_000)
    shown = window.notices.shown()
    assert list(shown) == [STORE_NOTICE, HIDDEN_NOTICE]
    assert "kept as" in shown[STORE_NOTICE] and "hidden by others" in shown[HIDDEN_NOTICE]
