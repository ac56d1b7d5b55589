"""Find in page: a bar under the reader with next / previous and a match count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from kit.ui.accessibility import name_clear_button
from kit.ui.i18n import translate

MAX_COUNTED = 999  # counting stops here: the label then says "999+"


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, browser: QTextEdit, parent=None):
        super().__init__(parent)
        self.browser = browser
        self.field = QLineEdit()
        self.field.setPlaceholderText(translate("Reader", "Find in page"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(translate("Reader", "Find in page"))
        name_clear_button(self.field, translate("Reader", "Clear"))
        self.count_label = QLabel("")
        self.count_label.setMinimumWidth(90)
        previous_button = QToolButton(text=translate("Reader", "Previous"))
        next_button = QToolButton(text=translate("Reader", "Next"))
        close_button = QToolButton(text=translate("Reader", "Close"))
        previous_button.setToolTip(translate("Reader", "Previous match (Shift+F3)"))
        next_button.setToolTip(translate("Reader", "Next match (F3 or Enter)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(translate("Reader", "Find:")))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(previous_button)
        layout.addWidget(next_button)
        layout.addWidget(close_button)
        self.field.textChanged.connect(self._search_from_top)
        self.field.returnPressed.connect(self.find_next)
        previous_button.clicked.connect(self.find_previous)
        next_button.clicked.connect(self.find_next)
        close_button.clicked.connect(self.close_bar)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        self.matches = 0
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        if self.field.text():
            self._search_from_top()

    def close_bar(self) -> None:
        self.hide()
        self.browser.setExtraSelections([])
        self.browser.setFocus()
        self.closed.emit()

    def refresh(self) -> None:
        """The page changed: recount for the new text."""
        if self.isVisible() and self.field.text():
            self._search_from_top()

    def _search_from_top(self) -> None:
        cursor = self.browser.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        self._highlight_all()
        self.find_next()

    def _highlight_all(self) -> None:
        text = self.field.text()
        document = self.browser.document()
        selections = []
        cursor = QTextCursor(document)
        while text and len(selections) < MAX_COUNTED:
            cursor = document.find(text, cursor)
            if cursor.isNull():
                break
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format.setBackground(QColor("#ffe14d"))
            selection.format.setForeground(QColor("#000000"))
            selections.append(selection)
        self.matches = len(selections)
        self.browser.setExtraSelections(selections)

    def find_next(self) -> bool:
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags) -> bool:
        text = self.field.text()
        if not text:
            self.count_label.setText("")
            return False
        found = self.browser.find(text, flags)
        if not found:  # wrap around, as every reader does
            cursor = self.browser.textCursor()
            backwards = bool(flags & QTextDocument.FindFlag.FindBackward)
            cursor.movePosition(QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        self._show_count(found)
        return found

    def _show_count(self, found: bool) -> None:
        if not found:
            self.count_label.setText(translate("Reader", "No matches"))
            return
        position = self.browser.textCursor().selectionStart()
        current = sum(1 for s in self.browser.extraSelections() if s.cursor.selectionStart() <= position)
        total = f"{MAX_COUNTED}+" if self.matches >= MAX_COUNTED else str(self.matches)
        self.count_label.setText(translate("Reader", "{current} of {total}").format(current=current, total=total))
