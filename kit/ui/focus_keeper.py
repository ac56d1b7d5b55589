"""The keyboard comes back to the window after a dialog, a print preview or a menu closes.

Without a window manager that re-activates the window underneath (some Linux sessions, a classroom kiosk),
closing a dialog leaves no window active, and every shortcut does nothing until the teacher clicks. When the
window that had the focus closes and nothing else took it, the window is activated again (or the dialog still
open over it, such as Lessons) and the widget that last had the focus gets it back. Switching to another
program is left alone: then the window that had the focus is still open.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class FocusKeeper(QObject):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.restored = 0  # how many times the focus was given back (tests and diagnostics)
        self._focused_window: QWindow | None = None
        self._focused_widget: QWidget | None = None
        app = QApplication.instance()
        app.focusWindowChanged.connect(self._focus_window_changed)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self.window:
            self._focused_widget = new

    def _focus_window_changed(self, focused: QWindow | None) -> None:
        previous, self._focused_window = self._focused_window, focused
        if focused is not None:
            # A dialog that closes may leave the focus on its hidden window instead of reporting a change.
            focused.visibleChanged.connect(self._focused_window_shown, Qt.ConnectionType.UniqueConnection)
            if not focused.isVisible():  # a menu's focus, reported after it already closed
                QTimer.singleShot(0, self.restore)
        if focused is None and previous is not None and not previous.isVisible():
            QTimer.singleShot(0, self.restore)  # the window that had the focus closed

    def _focused_window_shown(self, visible: bool) -> None:
        if not visible:
            QTimer.singleShot(0, self.restore)

    def restore_soon(self) -> None:
        """A menu of the window hid: give the focus back if nothing has it once Qt has finished closing it."""
        QTimer.singleShot(0, self.restore)

    def restore(self) -> None:
        focused = QGuiApplication.focusWindow()
        if (focused is not None and focused.isVisible()) or not self.window.isVisible():
            return  # something took the focus after all, or the app is closing
        target = QApplication.activeModalWidget() or self._open_dialog() or self.window
        target.raise_()
        target.activateWindow()
        widget = self._focused_widget
        try:
            if target is self.window and widget is not None and widget.isVisible():
                widget.setFocus()
        except RuntimeError:  # that widget is gone (the page it belonged to was rebuilt)
            self._focused_widget = None
        self.restored += 1

    def _open_dialog(self) -> QWidget | None:
        """A dialog of the window that is still open (Lessons stays open while a preview comes and goes)."""
        dialogs = [d for d in self.window.findChildren(QDialog) if d.isVisible() and d.isWindow()]
        return dialogs[-1] if dialogs else None
