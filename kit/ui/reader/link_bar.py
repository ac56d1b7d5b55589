"""The bar that appears when a web link is clicked: the address, a Copy button, and "needs internet"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton

from kit.ui.i18n import translate

SHOWN_CHARS = 90  # a 100 KB address must not make a 100 KB label (L7)


def elide(text: str, limit: int = SHOWN_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ExternalLinkBar(QFrame):
    """The kit never opens a browser: it shows where a link goes so the teacher can copy it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("externalLinkBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.url = ""
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(translate("Reader", "Copy address"))
        close_button = QToolButton(text="✕")
        close_button.setToolTip(translate("Reader", "Hide"))
        close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.copy_button)
        layout.addWidget(close_button)
        self.copy_button.clicked.connect(self.copy)
        close_button.clicked.connect(self.hide)
        self.hide()

    def show_link(self, url: str) -> None:
        self.url = url
        text = (
            translate("Reader", "This link goes to an e-mail address and needs the internet: {address}")
            if url.lower().startswith("mailto:")
            else translate("Reader", "This link goes to a website and needs the internet: {address}")
        )
        self.label.setText(text.format(address=elide(url)))
        self.label.setToolTip(elide(url, 400))
        self.copy_button.setText(translate("Reader", "Copy address"))
        self.show()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.url.removeprefix("mailto:"))
        self.copy_button.setText(translate("Reader", "Copied"))
