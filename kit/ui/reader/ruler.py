"""The reading ruler: the line being read is shown on a band across the reader, following the keyboard (Up and
Down move a caret line by line while it is on) and the mouse. The band is painted over the page with a darken
(light themes) or lighten (dark themes) blend, so the text on it keeps its own colour and contrast."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from kit.ui.contrast import luminance
from kit.ui.themes import ruler_band

MARK_PX = 4  # a bar in the focus colour at the band's left edge: where the eye comes back to


def line_rect(document: QTextDocument, position: int) -> QRectF:
    """The rectangle of the laid-out line holding `position`, in document coordinates (empty when none)."""
    block = document.findBlock(position)
    layout = block.layout() if block.isValid() else None
    if layout is None or layout.lineCount() == 0:
        return QRectF()
    line = layout.lineForTextPosition(position - block.position())
    if not line.isValid():
        return QRectF()
    rect = line.rect()
    block_format = block.blockFormat()
    if block_format.lineHeightType() == QTextBlockFormat.LineHeightTypes.ProportionalHeight.value:
        # The room line spacing adds between lines; Qt's hit test gives it to the line below, and so does the band.
        rect.setTop(rect.top() - rect.height() * (block_format.lineHeight() - 100) / 100)
    return rect.translated(layout.position())


def first_visible_position(view: QTextEdit) -> int:
    """The document position at the start of the first line in view (wholly, or but for part of its leading).
    Qt's hit test in the page's margins picks odd places (a table cell further down), so the point asked about is
    inside the text column."""
    frame = view.document().rootFrame().frameFormat()
    scrolled = view.verticalScrollBar().value()
    below_margin = max(0, frame.topMargin() - scrolled)
    x = int(frame.leftMargin()) + 2
    position = view.cursorForPosition(QPoint(x, int(below_margin) + 2)).position()
    line = line_rect(view.document(), position)
    if scrolled - line.top() > line.height() / 3 and line.bottom() - scrolled < view.viewport().height():
        # The line is cut by the top edge (more than its leading): starting there, the caret would scroll the page
        # back up to show it, so the first Down after scrolling would seem to go up.
        position = view.cursorForPosition(QPoint(x, int(line.bottom() - scrolled) + 2)).position()
    return position


class ReadingRuler(QWidget):
    """An overlay on `view`'s viewport; shown while the ruler is on."""

    def __init__(self, view: QTextEdit):  # the reader (view.Reader: its want_caret; not imported, view uses us)
        super().__init__(view.viewport())
        self.view = view
        self.position = 0  # a document position on the line being read
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(view.viewport().rect())
        view.viewport().installEventFilter(self)
        view.cursorPositionChanged.connect(self._follow_caret)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.document().contentsChanged.connect(self.update)
        self.hide()

    def colours(self) -> tuple[str, str, str]:
        """The band, the mark and the page's colours, from the theme's palette (so a theme change follows)."""
        palette, role = QGuiApplication.palette(), QPalette.ColorRole  # the widget's own follows it only later
        text, page = palette.color(role.Text).name(), palette.color(role.Base).name()
        band = ruler_band(text, palette.color(role.Highlight).name(), palette.color(role.AlternateBase).name())
        return band, palette.color(role.Link).name(), page

    @property
    def on(self) -> bool:
        return not self.isHidden()

    def set_on(self, on: bool) -> None:
        if on == self.on:
            return
        view = self.view
        if on:
            # Caret browsing: Up and Down move line by line and the view follows; the ruler starts at the top line.
            view.want_caret("ruler", True)
            self.position = first_visible_position(view)
            cursor = view.textCursor()
            cursor.setPosition(self.position)
            view.setTextCursor(cursor)
        else:
            view.want_caret("ruler", False)
        self.setGeometry(view.viewport().rect())
        self.setVisible(on)

    def band_rect(self) -> QRectF:
        """The band in viewport coordinates: the line's height, the viewport's width."""
        rect = line_rect(self.view.document(), self.position)
        if rect.isEmpty():
            return QRectF()
        top = rect.top() - self.view.verticalScrollBar().value()
        return QRectF(0, top, self.width(), rect.height())

    def move_to(self, position: int) -> None:
        self.position = max(0, min(position, self.view.document().characterCount() - 1))
        self.update()

    def _follow_caret(self) -> None:
        if self.on:
            self.move_to(self.view.textCursor().position())

    def moveEvent(self, event) -> None:
        # Scrolling the reader scrolls its viewport's children too; the ruler stays over the viewport.
        super().moveEvent(event)
        if not self.pos().isNull():
            self.move(0, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.viewport().rect())
        elif event.type() == QEvent.Type.MouseMove and self.on and not event.buttons():
            self.move_to(self.view.cursorForPosition(event.position().toPoint()).position())
        return False

    def paintEvent(self, event) -> None:
        band = self.band_rect()
        if band.isEmpty():
            return
        colour, mark, page = self.colours()
        darken = luminance(colour) <= luminance(page)  # a band darker than the page darkens only the page
        painter = QPainter(self)
        mode = QPainter.CompositionMode
        painter.setCompositionMode(mode.CompositionMode_Darken if darken else mode.CompositionMode_Lighten)
        painter.fillRect(band, QColor(colour))
        painter.setCompositionMode(mode.CompositionMode_SourceOver)
        painter.fillRect(QRectF(0, band.top(), MARK_PX, band.height()), QColor(mark))
        painter.end()

    def line_text(self) -> str:
        """The text of the line under the ruler (what a test or a screen reader can check)."""
        rect = line_rect(self.view.document(), self.position)
        block = self.view.document().findBlock(self.position)
        if rect.isEmpty() or not block.isValid():
            return ""
        line = block.layout().lineForTextPosition(self.position - block.position())
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + line.textStart())
        cursor.setPosition(block.position() + line.textStart() + line.textLength(), QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()
