"""Caret browsing (issue #20): without a screen reader and unless the teacher pressed F7, Up and Down scroll the page
at once as they did before the reader had a caret; with F7 (remembered) or a screen reader running they move a
visible caret; the heading keys and the ruler work either way."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from kit.core.settings import Settings, load_settings, save_settings
from kit.ui.contrast import contrast
from kit.ui.reader.caret_browsing import CaretBrowsing
from kit.ui.reader.structure_navigation import page_headings
from kit.ui.reader.view import CARET_INTERACTION, INTERACTION
from ui.ui_helpers import open_and_wait

PAGE = "assessment-rubrics"  # six headings, long enough to scroll


@pytest.fixture
def page(qtbot, window, features):
    open_and_wait(qtbot, window, PAGE)
    window.resize(900, 600)  # shorter than the page, whatever the screen
    window.activateWindow()
    window.reader.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)
    qtbot.waitUntil(lambda: window.reader.verticalScrollBar().maximum() > 0)
    return window.reader


def caret_in_view(reader) -> bool:
    return reader.viewport().rect().contains(reader.cursorRect().center())


def test_offscreen_without_a_screen_reader_caret_browsing_is_off(page, window):
    assert not QAccessible.isActive()  # what the real check says here: no assistive technology listening
    assert window.settings.caret_browsing == "auto" and not page.has_caret
    assert page.textInteractionFlags() == INTERACTION


def test_down_scrolls_the_page_when_caret_browsing_is_off(qtbot, page):
    bar = page.verticalScrollBar()
    start, caret = bar.value(), page.textCursor().position()
    qtbot.keyClick(page, Qt.Key.Key_Down)
    assert bar.value() > start  # the first press moves the page, not an unseen caret
    assert page.textCursor().position() == caret
    down = bar.value()
    qtbot.keyClick(page, Qt.Key.Key_Up)
    assert bar.value() < down


def test_f7_turns_caret_browsing_on_and_down_moves_the_caret(qtbot, window, page):
    bar = page.verticalScrollBar()
    qtbot.keyClick(page, Qt.Key.Key_F7)
    assert window.settings.caret_browsing == "on" and page.textInteractionFlags() == CARET_INTERACTION
    saved = lambda: load_settings(window.config_dir)[0].caret_browsing  # noqa: E731 (written off the GUI thread)
    qtbot.waitUntil(lambda: saved() == "on", timeout=5_000)  # remembered for the next start
    start = page.textCursor().position()
    qtbot.keyClick(page, Qt.Key.Key_Down)
    assert page.textCursor().position() > start and bar.value() == 0  # the caret moved down a line in view
    qtbot.keyClick(page, Qt.Key.Key_F7)
    assert window.settings.caret_browsing == "auto" and not page.has_caret  # back to following a screen reader
    qtbot.waitUntil(lambda: saved() == "auto", timeout=5_000)
    qtbot.keyClick(page, Qt.Key.Key_Down)
    assert bar.value() > 0


def test_caret_browsing_setting_applies_when_the_window_opens(qtbot, make_window, config_dir):
    save_settings(config_dir, Settings(caret_browsing="on"))
    window = make_window()
    feature = CaretBrowsing(window)
    assert feature.action.isChecked() and window.reader.has_caret


def test_a_screen_reader_running_turns_caret_browsing_on(qtbot, monkeypatch, window, features, page):
    assert not page.has_caret and not features.caret.action.isChecked()
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    window.search_panel.field.setFocus()
    page.setFocus()  # the page taking the keyboard asks again (PySide has no notice of the change)
    qtbot.waitUntil(lambda: page.has_caret)
    assert features.caret.action.isChecked()
    start = page.textCursor().position()
    qtbot.keyClick(page, Qt.Key.Key_Down)
    assert page.textCursor().position() > start
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: False))
    open_and_wait(qtbot, window, "what-is-human-trafficking")  # the next page shown asks again
    assert not page.has_caret and not features.caret.action.isChecked()


def test_f7_turns_the_caret_off_even_when_qt_says_a_screen_reader_runs(qtbot, monkeypatch, window, features, page):
    """Qt says so whenever the accessibility bus is on (docs/accessibility.md): the teacher can still say no."""
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    features.caret.apply()
    assert page.has_caret
    qtbot.keyClick(page, Qt.Key.Key_F7)
    assert window.settings.caret_browsing == "off" and not page.has_caret
    open_and_wait(qtbot, window, "what-is-human-trafficking")
    assert not page.has_caret  # remembered
    qtbot.keyClick(page, Qt.Key.Key_F7)
    assert window.settings.caret_browsing == "on" and page.has_caret


def test_h_scrolls_the_heading_to_the_top_without_a_caret(qtbot, page):
    headings = page_headings(page.document())
    bar = page.verticalScrollBar()
    tops = []
    for heading in headings[1:4]:
        qtbot.keyClick(page, Qt.Key.Key_H)
        assert page.textCursor().block().position() == heading.position
        tops.append(bar.value())
        assert 0 <= page.cursorRect().top() < page.viewport().height() // 4  # the heading is at the top
    assert tops == sorted(tops) and tops[-1] > 0
    qtbot.keyClick(page, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    assert page.textCursor().block().position() == headings[2].position
    assert not page.has_caret  # the jump does not turn the caret on


def test_the_ruler_follows_down_with_caret_browsing_off_and_leaves_it_off(qtbot, window, features, page):
    ruler = features.reading.ruler
    features.reading.set_ruler(True)
    lines = [ruler.line_text()]
    for _ in range(2):
        qtbot.keyClick(page, Qt.Key.Key_Down)
        lines.append(ruler.line_text())
    assert len(set(lines)) == 3  # the band went down a line each press
    features.reading.set_ruler(False)
    assert page.textInteractionFlags() == INTERACTION  # back to scrolling
    bar, before = page.verticalScrollBar(), page.verticalScrollBar().value()
    qtbot.keyClick(page, Qt.Key.Key_Down)
    assert bar.value() > before


def test_the_ruler_off_keeps_caret_browsing_on(qtbot, window, features, page):
    features.caret.set_on(True)
    features.reading.set_ruler(True)
    features.reading.set_ruler(False)
    assert page.textInteractionFlags() == CARET_INTERACTION
    assert caret_in_view(page)


def test_f7_after_scrolling_reads_on_from_the_first_whole_line(qtbot, page):
    bar = page.verticalScrollBar()
    for _ in range(3):
        qtbot.keyClick(page, Qt.Key.Key_Down)  # scrolled so the page's title is cut by the top edge
    scrolled = bar.value()
    assert scrolled > 0
    qtbot.keyClick(page, Qt.Key.Key_F7)
    assert caret_in_view(page)  # seen at once where the teacher is reading
    qtbot.keyClick(page, Qt.Key.Key_Down)
    assert bar.value() >= scrolled  # never back up to show a line half out of view
    assert caret_in_view(page) and page.cursorRect().top() >= 0


def caret_column(reader) -> list:
    """The pixels of the viewport where the caret is drawn, top to bottom."""
    rect = reader.cursorRect()
    image = reader.viewport().grab().toImage()
    return [
        image.pixelColor(x, y).name()
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom())
    ]


@pytest.mark.parametrize("theme", ["light", "projector"])
def test_the_caret_shows_when_caret_browsing_is_on_and_not_when_off(qtbot, window, page, theme):
    window.set_theme(theme)
    without = caret_column(page)
    qtbot.keyClick(page, Qt.Key.Key_F7)  # shown at once, not only after the next arrow key

    def changed() -> int:  # pixels of the caret's column unlike the page's there (Qt inverts them)
        return sum(contrast(now, before) > 3 for now, before in zip(caret_column(page), without, strict=True))

    qtbot.waitUntil(lambda: changed() > len(without) // 2, timeout=2_000)  # in any grab: it blinks
    qtbot.keyClick(page, Qt.Key.Key_F7)
    assert caret_column(page) == without
