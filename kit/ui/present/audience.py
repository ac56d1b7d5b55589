"""The audience view: the slide alone, full screen on the projector, in the projector theme."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kit.ui.i18n import translate
from kit.ui.present.controller import Presentation
from kit.ui.present.slide_view import SlideView

CURSOR_IDLE_MS = 2000


class AudienceView(QWidget):
    """What the room sees. Never shows facilitator notes: it draws only `Presentation.slide_html`."""

    def __init__(self, presentation: Presentation, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.presentation = presentation
        self.setWindowTitle(translate("Presenter", "{title} — audience view").format(title=presentation.title))
        self.slide_view = SlideView(footer=True)
        self.slide_view.setMouseTracking(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slide_view)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet("background: black;")
        # The pointer disappears after a moment still, and comes back when the mouse moves.
        self.cursor_timer = QTimer(self)
        self.cursor_timer.setSingleShot(True)
        self.cursor_timer.setInterval(CURSOR_IDLE_MS)
        self.cursor_timer.timeout.connect(self.hide_cursor)
        presentation.changed.connect(self.refresh)
        self.refresh()
        self.show_cursor()

    @property
    def cursor_hidden(self) -> bool:
        return self.cursor().shape() == Qt.CursorShape.BlankCursor

    def refresh(self) -> None:
        p = self.presentation
        self.slide_view.set_slide(p.slide_html(p.index), p.pack_dir(p.index))
        self.slide_view.set_footer(p.resource.title, p.counter_text())
        self.slide_view.set_blank(p.blank)

    def hide_cursor(self) -> None:
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.slide_view.setCursor(Qt.CursorShape.BlankCursor)

    def show_cursor(self) -> None:
        self.unsetCursor()
        self.slide_view.unsetCursor()
        self.cursor_timer.start()

    def keyPressEvent(self, event) -> None:
        if not self.presentation.handle_key(event):
            super().keyPressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        self.show_cursor()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        self.show_cursor()
        if event.button() == Qt.MouseButton.LeftButton:
            self.presentation.next()
        elif event.button() == Qt.MouseButton.RightButton:
            self.presentation.previous()

    def closeEvent(self, event) -> None:
        self.presentation.end()
        super().closeEvent(event)
