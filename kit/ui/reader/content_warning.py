"""The notice shown before a resource with a content warning opens: Continue or Go back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kit.ui.i18n import translate


class ContentWarning(QWidget):
    """A calm full-page notice in place of the reader; the page opens only after Continue."""

    accepted = Signal(str)  # resource id
    declined = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.resource_id = ""
        self.setObjectName("contentWarning")
        self.heading = QLabel(translate("Reader", "Content note"))
        self.heading.setObjectName("contentWarningHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.title = QLabel()
        self.title.setWordWrap(True)
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self.title.setFont(title_font)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        message_font = self.message.font()
        message_font.setPointSizeF(message_font.pointSizeF() * 1.15)
        self.message.setFont(message_font)
        self.continue_button = QPushButton(translate("Reader", "Continue"))
        self.continue_button.setDefault(True)
        self.back_button = QPushButton(translate("Reader", "Go back"))
        for button in (self.continue_button, self.back_button):
            button.setMinimumWidth(120)
            button.setMinimumHeight(34)
        buttons = QHBoxLayout()
        buttons.addWidget(self.continue_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.heading)
        column.addSpacing(6)
        column.addWidget(self.title)
        column.addSpacing(12)
        column.addWidget(self.message)
        column.addSpacing(24)
        column.addLayout(buttons)
        column.setContentsMargins(36, 30, 36, 30)
        box = QFrame()  # a card on the page background, like a dialog but part of the window
        box.setObjectName("contentWarningCard")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setBackgroundRole(QPalette.ColorRole.Base)
        box.setAutoFillBackground(True)
        box.setMaximumWidth(680)
        box.setLayout(column)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.continue_button.clicked.connect(lambda: self.accepted.emit(self.resource_id))
        self.back_button.clicked.connect(lambda: self.declined.emit(self.resource_id))

    def ask(self, resource_id: str, title: str, warning: str) -> None:
        self.resource_id = resource_id
        self.title.setText(translate("Reader", "Before you open “{title}”").format(title=title))
        self.message.setText(warning)
        # Orca said only "Continue push button": the note itself goes with the button the focus lands on.
        self.setAccessibleName(translate("Reader", "Content note"))
        self.continue_button.setAccessibleDescription(f"{self.title.text()}. {warning}")
        self.continue_button.setFocus()
