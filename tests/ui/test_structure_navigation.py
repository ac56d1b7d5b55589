"""Reading the page with a screen reader: the reader has a caret (while one runs, or after F7) and exposes its
text to the screen reader (QAccessibleTextInterface, what AT-SPI, UI Automation and macOS read lines from), H and
Shift+H go from heading to heading and say which, Go → Headings list jumps to any, and Tab to a link says the
link (docs/accessibility.md)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication

from kit.ui.accessibility import Notifier
from kit.ui.reader.structure_navigation import page_headings
from ui.ui_helpers import open_and_wait

PAGE = "assessment-rubrics"  # six headings, four links, no content note
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def said(monkeypatch):
    """What the window asks the screen reader to say (either way kit.ui.accessibility.announce sends it)."""
    lines = []

    def record(event):
        if isinstance(event, QAccessibleAnnouncementEvent):
            lines.append(event.message())
        elif event.type() == QAccessible.Event.ObjectShow and isinstance(event.object(), Notifier):
            lines.append(event.object().text())

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return lines


@pytest.fixture
def screen_reader(monkeypatch, features):
    """A screen reader running (Qt's check patched): caret browsing turns on (kit.ui.reader.caret_browsing)."""
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    features.caret.apply()


@pytest.fixture
def page(qtbot, window, features):
    open_and_wait(qtbot, window, PAGE)
    window.activateWindow()
    window.reader.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)
    return window.reader


def test_the_reader_gives_a_screen_reader_its_text_and_a_caret(qtbot, page, screen_reader):
    iface = QAccessible.queryAccessibleInterface(page)
    text = iface.textInterface()
    assert text is not None, "no text interface: a screen reader could not read the page line by line"
    assert text.characterCount() == page.document().characterCount() - 1
    assert text.text(0, 33) == "Assessment rubrics, Levels 1 to 4"
    state = iface.state()
    assert state.focusable and state.focused and state.readOnly
    assert iface.role() == QAccessible.Role.StaticText  # Qt's for every QTextBrowser (see docs/accessibility.md)
    start = text.cursorPosition()
    qtbot.keyClick(page, Qt.Key.Key_Down)
    assert text.cursorPosition() > start  # Down moves a caret (Qt sends caret-moved), not only the scroll bar


def test_h_goes_from_heading_to_heading_and_says_each(qtbot, page, said):
    headings = page_headings(page.document())
    assert [h.level for h in headings] == [1, 2, 2, 2, 2, 2]
    reached = []
    for _ in headings[1:]:
        qtbot.keyClick(page, Qt.Key.Key_H)
        reached.append(page.textCursor().position())
    assert reached == [h.position for h in headings[1:]]
    assert said[-len(reached) :] == [f"{h.text}, heading level 2" for h in headings[1:]]
    assert page.cursorRect().top() < page.viewport().height() // 3  # the heading is near the top of the view
    qtbot.keyClick(page, Qt.Key.Key_H)
    assert page.textCursor().position() == headings[-1].position and said[-1] == "No more headings below."
    qtbot.keyClick(page, Qt.Key.Key_H, SHIFT)
    assert page.textCursor().position() == headings[-2].position
    assert said[-1] == f"{headings[-2].text}, heading level 2"


def test_h_is_a_letter_outside_the_page(qtbot, window, page):
    field = window.search_panel.field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    position = page.textCursor().position()
    qtbot.keyClicks(field, "h")
    assert field.text() == "h" and page.textCursor().position() == position


def test_headings_list_goes_to_the_chosen_heading(qtbot, window, features, page, said):
    window.search_panel.field.setFocus()
    menu = features.structure.show_headings()
    qtbot.waitUntil(menu.isVisible)
    assert [a.text().strip() for a in menu.actions()] == [h.text for h in page_headings(page.document())]
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    third = page_headings(page.document())[2]
    qtbot.waitUntil(lambda: page.textCursor().position() == third.position)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page)  # reading on from there
    assert said[-1] == f"{third.text}, heading level 2"


def test_down_after_scrolling_reads_on_from_what_is_on_the_screen(qtbot, page, screen_reader):
    bar = page.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.keyClick(page, Qt.Key.Key_Down)
    assert bar.value() >= bar.maximum() // 2 - page.viewport().height()  # not back to the top of the page
    assert page.viewport().rect().contains(page.cursorRect().center())


def test_tab_to_a_link_says_the_link(qtbot, page, said):
    qtbot.keyClick(page, Qt.Key.Key_Tab)
    cursor = page.textCursor()
    assert cursor.charFormat().anchorHref().startswith("kit:")
    assert said[-1] == f"{cursor.selectedText()}, link"


def test_contents_puts_the_caret_on_the_heading(qtbot, window, page):
    item = window.contents.item(2)
    window.contents.setCurrentItem(item)
    window.contents.itemActivated.emit(item)
    heading = next(h for h in page_headings(page.document()) if h.text == item.text().strip())
    assert page.textCursor().position() == heading.position and QApplication.focusWidget() is page
