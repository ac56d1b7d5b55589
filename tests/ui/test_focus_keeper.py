"""The keyboard comes back to the window after a dialog or a menu closes (shortcuts work without a click)."""

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kit.ui.print_dialogs.controller import PrintJob
from ui.ui_helpers import open_and_wait


def active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_focus_comes_back_after_print_preview(qtbot, window, features):
    open_and_wait(qtbot, window, "warning-signs-sheet")
    active(qtbot, window)
    window.reader.setFocus()
    preview = features.printing.preview_job(PrintJob((window.current_resource(),), "student"))
    qtbot.waitUntil(preview.isVisible)
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
    preview.close()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert QApplication.focusWidget() is window.reader
    assert window.focus_keeper.restored >= 1


def test_focus_comes_back_to_lessons_after_a_preview_over_it(qtbot, window, features):
    active(qtbot, window)
    lessons = features.teacher.open_lessons()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is lessons)
    preview = features.printing.preview_job(PrintJob((window.library.get("warning-signs-sheet"),), "student"))
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
    preview.close()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is lessons, timeout=2000)
    lessons.close()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def test_switching_to_another_program_is_left_alone(qtbot, window):
    active(qtbot, window)
    QGuiApplication.instance().focusWindowChanged.emit(None)  # what Qt says when another program takes over
    qtbot.wait(100)
    assert window.focus_keeper.restored == 0
