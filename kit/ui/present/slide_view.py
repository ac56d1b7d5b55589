"""One slide drawn in the projector theme, scaled as a whole so it always fits: long slides shrink, nothing clips."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QWidget

from kit.core.render import links

# The slide is laid out as if on a 1080-line screen with BASE_PX body text, then scaled to the
# widget: 44 px on 1080 lines is about 4% of the screen height, legible from the back of a classroom
# (the usual "nothing under 24 pt" projector rule; 44 px ≈ 33 pt).
DESIGN_HEIGHT = 1080
BASE_PX = 44
MIN_SCALE = 0.02  # only against a pathological slide; shrinking is always preferred to clipping

BACKGROUND = QColor("#000000")
TEXT = QColor("#ffffff")
HEADING = "#ffd54f"  # amber on black: contrast about 15:1
LINK = "#9cc9ff"
MUTED = QColor("#c8c8c8")  # footer; about 12:1 on black
LETTERBOX = QColor("#3a3a3a")


def projector_style(base: int = BASE_PX) -> str:
    """Qt rich-text CSS for slides: large type, high contrast, generous spacing."""

    def px(factor: float) -> int:
        return round(base * factor)

    return f"""
        h1 {{ font-size: {px(1.45)}px; color: {HEADING}; font-weight: 700; margin-bottom: {px(0.5)}px; }}
        h2 {{ font-size: {px(1.3)}px; color: {HEADING}; font-weight: 700; margin-bottom: {px(0.45)}px; }}
        h3 {{ font-size: {px(1.1)}px; color: {HEADING}; font-weight: 700; }}
        h4, h5, h6 {{ font-size: {px(1.0)}px; color: {HEADING}; font-weight: 700; }}
        p {{ margin-top: 0px; margin-bottom: {px(0.45)}px; line-height: 118%; }}
        li {{ margin-bottom: {px(0.2)}px; line-height: 115%; }}
        ul, ol {{ margin-top: 0px; margin-bottom: {px(0.45)}px; }}
        a {{ color: {LINK}; text-decoration: none; }}
        strong, b {{ color: #ffffff; }}
        table {{ border-collapse: collapse; margin-bottom: {px(0.45)}px; }}
        th {{ color: {HEADING}; }}
        td, th {{ border: 1px solid #9a9a9a; padding: {px(0.2)}px; }}
        code, pre {{ font-family: monospace; }}
        blockquote {{ margin-left: {px(0.8)}px; }}
    """


def spoken_selection(document: QTextDocument, start: int, end: int) -> QAbstractTextDocumentLayout.Selection:
    """The sentence being read aloud, in the projector's colours reversed (black on amber: about 15:1)."""
    selection = QAbstractTextDocumentLayout.Selection()
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    selection.format.setBackground(QColor(HEADING))
    selection.format.setForeground(BACKGROUND)
    return selection


class SlideDocument(QTextDocument):
    """A slide's HTML; images load only from inside the slide's own pack, by the kit's image policy."""

    def __init__(self, pack_dir: Path | None = None, parent=None):
        super().__init__(parent)
        self.pack_dir = pack_dir

    def loadResource(self, kind: int, url: QUrl):
        image_kinds = (QTextDocument.ResourceType.ImageResource, QTextDocument.ResourceType.ImageResource.value)
        path = links.pack_file(self.pack_dir, url.toString()) if self.pack_dir is not None else None
        if kind not in image_kinds or path is None or links.image_problem(path) is not None:
            # An empty QImage, never None: returning None from this override corrupts None's refcount
            # in PySide6 (a "none_dealloc" crash at exit).
            return QImage()
        return QImage(str(path))


class SlideView(QWidget):
    """Paints one slide's HTML scaled to fit; optional footer (title, counter) and black/white screens.

    With `aspect` set (the audience screen's width/height), the slide is drawn letterboxed at that
    shape, so the presenter sees the same line breaks and scale as the room does.
    """

    def __init__(self, *, footer: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.footer = footer
        self.aspect: float | None = None
        self.blank: str | None = None  # None, "black" or "white"
        self.footer_left = ""
        self.footer_right = ""
        self._html = ""
        self._document = SlideDocument()
        self._document.setDocumentMargin(0)
        self._document.setDefaultStyleSheet(projector_style())
        font = QFont(QApplication.font())
        font.setPixelSize(BASE_PX)
        self._document.setDefaultFont(font)
        self._fitted_for: tuple | None = None
        self.spoken: tuple[int, int] | None = None  # the sentence read aloud now (kit.ui.read_aloud), marked
        self.scale = 1.0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(QSize(80, 45))

    # -- content --------------------------------------------------------------------------------
    def set_slide(self, html: str, pack_dir: Path | None = None) -> None:
        if html == self._html and pack_dir == self._document.pack_dir:
            return
        self._html = html
        self._document.pack_dir = pack_dir
        self._document.setHtml(html)
        self._fitted_for = None
        self.spoken = None
        self.update()

    def set_footer(self, left: str, right: str) -> None:
        if (left, right) != (self.footer_left, self.footer_right):
            self.footer_left, self.footer_right = left, right
            self.update()

    def set_blank(self, blank: str | None) -> None:
        if blank != self.blank:
            self.blank = blank
            self.update()

    def document(self) -> QTextDocument:
        return self._document

    def set_spoken(self, span: tuple[int, int] | None) -> None:
        if span != self.spoken:
            self.spoken = span
            self.update()

    def html(self) -> str:
        return self._html

    # -- geometry -------------------------------------------------------------------------------
    def frame_rect(self) -> QRectF:
        """The area standing for the audience screen: the whole widget, or letterboxed to `aspect`."""
        width, height = float(self.width()), float(self.height())
        if not self.aspect or width <= 0 or height <= 0:
            return QRectF(0, 0, width, height)
        if width / height > self.aspect:
            shown = height * self.aspect
            return QRectF((width - shown) / 2, 0, shown, height)
        shown = width / self.aspect
        return QRectF(0, (height - shown) / 2, width, shown)

    def content_rect(self) -> QRectF:
        """Where slide text may go inside the frame: margins all round, the footer strip kept free."""
        frame = self.frame_rect()
        side = frame.width() * 0.055
        top = frame.height() * 0.05
        bottom = frame.height() * (0.09 if self.footer else 0.05)
        return frame.adjusted(side, top, -side, -bottom)

    def fit(self) -> float:
        """Lay the document out at the largest scale that fits the content rect, and return that scale."""
        area = self.content_rect()
        key = (round(area.width()), round(area.height()), self._html)
        if key == self._fitted_for:
            return self.scale
        largest = max(MIN_SCALE, self.frame_rect().height() / DESIGN_HEIGHT)
        if area.width() <= 1 or area.height() <= 1 or self._fits(largest, area):
            self.scale = largest
        else:
            low, high = MIN_SCALE, largest
            for _ in range(18):  # bisection to well under a pixel of text size
                middle = (low + high) / 2
                if self._fits(middle, area):
                    low = middle
                else:
                    high = middle
            self.scale = low
            self._fits(low, area)  # leave the document laid out at the chosen scale
        self._fitted_for = key
        return self.scale

    def _fits(self, scale: float, area: QRectF) -> bool:
        self._document.setTextWidth(area.width() / scale)
        size = self._document.size()
        return size.height() * scale <= area.height() and size.width() * scale <= area.width() + 0.5

    def scaled_content_size(self) -> tuple[float, float]:
        """The slide's drawn width and height in widget pixels (after fitting)."""
        scale = self.fit()
        size = self._document.size()
        return size.width() * scale, size.height() * scale

    def body_text_px(self) -> float:
        """Body text height as drawn, in pixels: what a reader at the back of the room gets."""
        return BASE_PX * self.fit()

    # -- painting -------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        frame = self.frame_rect()
        if self.aspect:
            painter.fillRect(self.rect(), LETTERBOX)
        if self.blank:
            painter.fillRect(frame, QColor("#000000") if self.blank == "black" else QColor("#ffffff"))
            return
        painter.fillRect(frame, BACKGROUND)
        scale = self.fit()
        area = self.content_rect()
        painter.save()
        painter.setClipRect(frame)
        painter.translate(area.topLeft())
        painter.scale(scale, scale)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, TEXT)
        if self.spoken is not None:
            context.selections = [spoken_selection(self._document, *self.spoken)]
        self._document.documentLayout().draw(painter, context)
        painter.restore()
        if self.footer:
            self._paint_footer(painter, frame)

    def _paint_footer(self, painter: QPainter, frame: QRectF) -> None:
        font = QFont(QApplication.font())
        font.setPixelSize(max(12, round(frame.height() * 0.03)))
        painter.setFont(font)
        painter.setPen(MUTED)
        side = frame.width() * 0.055
        strip = QRectF(frame.left() + side, frame.bottom() - frame.height() * 0.075, frame.width() - 2 * side, 0)
        strip.setHeight(frame.height() * 0.06)
        right_width = painter.fontMetrics().horizontalAdvance(self.footer_right) + 8
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(strip, align | Qt.AlignmentFlag.AlignRight, self.footer_right)
        left = strip.adjusted(0, 0, -right_width - side, 0)
        shown = painter.fontMetrics().elidedText(self.footer_left, Qt.TextElideMode.ElideRight, round(left.width()))
        painter.drawText(left, align | Qt.AlignmentFlag.AlignLeft, shown)
