"""The teacher's main path with the keyboard alone (no mouse event anywhere): search, open a result, present,
end, then File → Print Preview through the menu's mnemonics; and Tab goes round the window in reading order."""

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """Press a key where the keyboard is now, as a person would."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard"
    qtbot.keyClick(target, key, modifier)


def _focus_name(qtbot) -> str:
    widget = QApplication.focusWidget()
    return widget.accessibleName() if widget is not None else ""


def test_search_open_present_and_preview_by_keyboard(qtbot, window, features):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    _key(qtbot, Qt.Key.Key_K, CTRL)
    assert _focus_name(qtbot) == "Search"
    qtbot.keyClicks(QApplication.focusWidget(), "exit ticket")
    results = window.search_panel.results
    qtbot.waitUntil(lambda: results.count() > 0, timeout=10_000)
    assert results.currentRow() == 0
    _key(qtbot, Qt.Key.Key_Down)  # Down and Up move along the results without leaving the field
    _key(qtbot, Qt.Key.Key_Up)
    assert results.currentRow() == 0
    chosen = results.currentItem().data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(window.resource_opened, timeout=10_000):
        _key(qtbot, Qt.Key.Key_Return)
    assert window.current_resource_id() == chosen

    _key(qtbot, Qt.Key.Key_F5)
    session = features.presenting.session
    assert session is not None and session.presentation.running
    qtbot.waitUntil(lambda: QApplication.activeWindow() in (session.audience, session.presenter))
    _key(qtbot, Qt.Key.Key_Right)
    assert session.presentation.index == 1
    _key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not session.presentation.running)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _key(qtbot, Qt.Key.Key_F, ALT)  # File
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    _key(qtbot, Qt.Key.Key_V)  # Print Pre&view…
    dialog = features.printing.dialog
    assert isinstance(dialog, QPrintPreviewDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert window.current_resource().title in dialog.windowTitle()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    _key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_tab_goes_from_the_search_through_the_filters_and_library_to_the_page(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    _key(qtbot, Qt.Key.Key_K, CTRL)
    order = []
    for _ in range(8):
        order.append(_focus_name(qtbot))
        _key(qtbot, Qt.Key.Key_Tab)
    start = order.index("Search")
    assert order[start : start + 7] == [
        "Search", "All kinds", "All audiences", "All languages", "Browse by", "Library", "Page",
    ]  # fmt: skip


def test_links_in_the_page_are_reached_with_tab_and_followed_with_enter(qtbot, window):
    with qtbot.waitSignal(window.resource_opened, timeout=10_000):
        window.open_resource("what-is-human-trafficking", acknowledged=True)
    window.activateWindow()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Tab)
    link = window.reader.textCursor().charFormat().anchorHref()
    assert link.startswith("kit:") and QApplication.focusWidget() is window.reader
    target = link.removeprefix("kit:")
    _key(qtbot, Qt.Key.Key_Return)
    shown = window.current_resource_id() == target or window.warning.resource_id == target  # or its content note
    assert shown
