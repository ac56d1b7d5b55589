"""The window on a laptop: the reading column keeps 640 px, F9 leaves the page alone, column widths are remembered."""

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QApplication

from kit.ui.app import build_window
from kit.ui.window_layout import LIBRARY, LIBRARY_MIN_PX, READING_MIN_PX, SIDE
from ui.ui_helpers import open_and_wait

PAGE = "warning-signs-sheet"  # has a contents list, so the side column has both panels


def show_at(qtbot, window, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    window.grab()  # lays out and paints everything, as on screen
    QApplication.processEvents()


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_a_laptop_screen_shows_library_page_contents_and_note(qtbot, window, features, size):
    open_and_wait(qtbot, window, PAGE)
    show_at(qtbot, window, size)
    assert window.reader.width() >= READING_MIN_PX
    assert window.library_panel.isVisible() and window.library_panel.width() >= LIBRARY_MIN_PX - 20
    assert window.contents.isVisible() and features.teacher.notes.editor.isVisible()
    # Both side panels share the one right-hand column.
    assert window.contents_box.x() == features.teacher.note_panel.x()
    for action in (window.actions.zoom_in, window.actions.zoom_out, window.actions.find):
        assert window.reader_toolbar.widgetForAction(action).isVisible()  # not in the » overflow


def test_a_small_screen_folds_the_side_column_away_first(qtbot, window, features):
    open_and_wait(qtbot, window, PAGE)
    show_at(qtbot, window, (1024, 768))
    assert window.reader.width() >= READING_MIN_PX
    assert window.library_panel.isVisible() and not features.teacher.notes.isVisible()
    assert window.reader_toolbar.widgetForAction(window.actions.zoom_in).isVisible()
    show_at(qtbot, window, (1366, 768))  # a bigger window brings it back
    assert features.teacher.notes.isVisible() and window.reader.width() >= READING_MIN_PX


def test_f9_leaves_the_page_alone_and_brings_everything_back(qtbot, window, features):
    open_and_wait(qtbot, window, PAGE)
    show_at(qtbot, window, (1280, 800))
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.library_panel.isVisible() and not window.contents.isVisible()
    assert not features.teacher.notes.isVisible()
    assert window.reader.width() >= 1200
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.library_panel.isVisible() and window.contents.isVisible() and features.teacher.notes.isVisible()


def test_column_widths_the_teacher_drags_are_remembered(qtbot, window, locations):
    open_and_wait(qtbot, window, PAGE)
    show_at(qtbot, window, (1366, 768))
    handle = window.splitter.handle(1)  # between the library and the page
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start + QPoint(-60, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(-60, 0))
    dragged = window.splitter.sizes()[LIBRARY]
    assert LIBRARY_MIN_PX <= dragged < 320
    side = window.splitter.sizes()[SIDE]
    window.close()

    again = build_window(locations)
    qtbot.addWidget(again)
    again.build()
    again.show()
    show_at(qtbot, again, (1366, 768))
    assert again.splitter.sizes()[LIBRARY] == dragged and again.splitter.sizes()[SIDE] == side


def test_link_hover_text_says_where_a_link_goes_in_words(qtbot, window):
    from kit.ui.window_layout import hover_text

    open_and_wait(qtbot, window, PAGE)
    title = window.library.get("what-is-human-trafficking").title
    assert hover_text(window, "kit:what-is-human-trafficking") == f"Opens “{title}”"
    assert "kit:" not in hover_text(window, "kit:no-such-page")
    anchor = window.contents.item(0).data(Qt.ItemDataRole.UserRole)
    assert window.contents.item(0).text().strip() in hover_text(window, f"#{anchor}")
    assert hover_text(window, "https://example.org/x").endswith("https://example.org/x")
    assert hover_text(window, "javascript:alert(1)") == "This link does not go anywhere in the kit."
    # What the reader reports while the pointer is on a link reaches the status bar in those words.
    window.reader.highlighted.emit(QUrl("kit:what-is-human-trafficking"))
    assert window.statusBar().currentMessage() == f"Opens “{title}”"
