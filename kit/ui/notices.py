"""Lasting notices: a condition that holds until fixed (the store was repaired, a pack hides a resource, the class
is connected), one per source, stacked above the window's content.

Each source has a key; showing a key replaces only that key's notice, clearing it leaves the others, and several
show at once, one row each. The rows sit in the layout above the columns, so they push the page down and never
paint over it or over a status message. The teacher can dismiss a row: it stays away until its source has
something new to say (a different text under the same key).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from kit.ui.i18n import translate

# The sources, one key each (a feature with a new kind of condition adds its own).
SETTINGS_NOTICE = "settings"  # settings unreadable, or the config folder not writable
STORE_NOTICE = "store"  # the teacher's data was repaired, kept aside, or is read-only
HIDDEN_NOTICE = "hidden"  # a resource is hidden by another with the same id (a pack clashes)
SHARE_NOTICE = "share"  # the class is connected

MAX_CHARS = 400  # a notice names files and packs; a crafted name must not make a wall of text


class _NoticeRow(QFrame):
    dismissed = Signal()

    def __init__(self, key: str, parent=None):
        super().__init__(parent)
        self.setObjectName("noticeRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.key = key
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # pack titles and file names are never markup
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.close_button = QToolButton(text="✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(translate("Notices", "Dismiss this notice"))
        self.close_button.setAccessibleName(translate("Notices", "Dismiss notice"))
        self.close_button.clicked.connect(self.dismissed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

    def set_text(self, text: str) -> None:
        shown = text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"
        self.label.setText(shown)
        self.label.setAccessibleName(translate("Notices", "Notice: {text}").format(text=shown))
        self.close_button.setAccessibleDescription(shown)


class NoticeStack(QWidget):
    """The window's lasting notices, one row per key, in the order their sources first spoke."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("notices")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 2)
        self._layout.setSpacing(4)
        self._rows: dict[str, _NoticeRow] = {}
        self._texts: dict[str, str] = {}
        self._dismissed: dict[str, str] = {}  # key -> the text the teacher dismissed
        self.setVisible(False)

    def show_notice(self, key: str, message: str) -> None:
        """Show (or replace) `key`'s notice; an empty message clears it."""
        message = message.strip()
        if not message:
            self.clear(key)
            return
        self._texts[key] = message
        if self._dismissed.get(key) == message:
            return  # the teacher has read this one and put it away
        self._dismissed.pop(key, None)
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = _NoticeRow(key, self)
            row.dismissed.connect(lambda: self.dismiss(key))
            self._layout.addWidget(row)
        row.set_text(message)
        self._update()

    def clear(self, key: str) -> None:
        """The condition behind `key` is over: its notice goes, the others stay."""
        self._texts.pop(key, None)
        self._dismissed.pop(key, None)
        self._remove_row(key)

    def dismiss(self, key: str) -> None:
        """The teacher closed `key`'s row; the same text under that key will not bring it back."""
        if key in self._texts:
            self._dismissed[key] = self._texts[key]
        self._remove_row(key)

    def text(self, key: str) -> str:
        """What `key` says now (also when dismissed); empty when it says nothing."""
        return self._texts.get(key, "")

    def shown(self) -> dict[str, str]:
        """The rows on show: key -> text, top to bottom."""
        return {key: row.label.text() for key, row in self._rows.items()}

    def _remove_row(self, key: str) -> None:
        row = self._rows.pop(key, None)
        if row is not None:
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._update()

    def _update(self) -> None:
        self.setVisible(bool(self._rows))
        self.changed.emit()
