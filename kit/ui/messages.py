"""How the app tells the teacher something. Three ways, each for one kind of news:

- the status line (`Window.show_status`): what just happened ("Bookmarked", "Exported 3 resources"); it fades;
- a lasting notice (`Window.show_notice(message, key=...)`): a condition that holds until fixed (settings
  unreadable, data read-only, a pack hiding a resource); each source has its own key (`kit.ui.notices`), and
  the notices stack above the content until cleared or dismissed;
- a message box (`tell`): something the teacher asked for did not happen and they must know now.

Errors from the core arrive as `kit.core.errors.KitError` with a message written for the teacher; a feature
passes that text on as it is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from kit.core.i18n import QT_TRANSLATE_NOOP
from kit.ui.i18n import translate

TITLE = QT_TRANSLATE_NOOP("MainWindow", "Classroom Kit")


def tell(parent: QWidget, title: str, text: str, error: bool = False) -> QMessageBox:
    """A message box over `parent` (window-modal, so the rest of the desktop stays usable); returns it at once."""
    box = QMessageBox(
        QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information,
        title or translate("MainWindow", TITLE),
        text,
    )
    box.setParent(parent, box.windowFlags())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.show()
    return box
