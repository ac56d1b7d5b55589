"""Pages as a word processor prints them: margins, a header and footer on every page, the body clipped per page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
)

from kit.core.i18n import QT_TRANSLATE_NOOP, translate_for
from kit.printing import styles
from kit.printing.paper import BAND_HEIGHT, BAND_TOP, DOC_DPI, MARGIN_SIDE, PageGeometry

# Printed words follow the resource's language, not the interface's (kit.core.i18n.translate_for): a French
# handout prints « page 1 sur 2 » in an English session.
KIT_NAME = QT_TRANSLATE_NOOP("Print", "Classroom Kit")
PAGE_OF = QT_TRANSLATE_NOOP("Print", "page {number} of {total}")
HEADER_PX = 11
RULE_COLOUR = QColor("#9a9a9a")
TEXT_COLOUR = QColor("#333333")
# Every page of a teacher copy carries this band at its top and bottom edge, so a copy picked up from the printer
# tray, or a single loose page, cannot pass for a student handout.
TEACHER_BAND = QT_TRANSLATE_NOOP("Print", "Teacher copy — not for students")
BAND_COLOUR = QColor("#000000")  # black prints on every printer, colour or not, and survives photocopying
BAND_PX = 13


class Cancelled(Exception):
    """The person asked to stop; nothing was written."""


@dataclass
class Section:
    """A run of pages from one document, with the header title and footer source line its pages show."""

    title: str
    source_line: str
    make: Callable[[QSizeF], QTextDocument]  # builds the document for a body size, so any paper size works
    language: str = "en"  # of the printed words on its pages (header, footer, band)
    document: QTextDocument | None = field(default=None, repr=False)

    def layout_for(self, body: QSizeF) -> QTextDocument:
        if self.document is None or self.document.pageSize() != body:
            self.document = self.make(body)
        return self.document

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0


class PagedDocument:
    """Sections laid out on pages of one paper size; paints onto a QPdfWriter or QPrinter, page by page."""

    def __init__(
        self,
        sections: list[Section],
        geometry: PageGeometry,
        header_left: str | Callable[[str], str] = KIT_NAME,
        after_layout: Callable[[PagedDocument], None] | None = None,
        band: str = "",
    ):
        self.sections = sections
        self.header_left = header_left  # or, given a language, the words in it
        self.band = band  # e.g. TEACHER_BAND (in English; each page says it in its section's language)
        self.geometry = geometry
        self._after_layout = after_layout  # e.g. a packet numbers its contents once page counts are known
        self.relayout(geometry)

    def relayout(self, geometry: PageGeometry) -> None:
        self.geometry = geometry
        body = geometry.body.size()
        for section in self.sections:
            section.layout_for(body)
        if self._after_layout is not None:
            self._after_layout(self)

    @property
    def page_count(self) -> int:
        return sum(section.page_count for section in self.sections)

    def start_pages(self) -> list[int]:
        """The 1-based page each section starts on."""
        starts, page = [], 1
        for section in self.sections:
            starts.append(page)
            page += section.page_count
        return starts

    def paint(
        self,
        device: QPagedPaintDevice,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Paint every page on `device` (its page layout must have zero margins, or be a full-page QPrinter).

        Lays out again if the device's paper differs (the print preview lets the person change it). Returns pages.
        """
        geometry = PageGeometry.from_points(device.pageLayout().fullRect(QPageLayout.Unit.Point).size())
        if geometry != self.geometry:
            self.relayout(geometry)
        total = self.page_count
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("the printer or PDF file could not be opened for painting")
        try:
            scale = device.resolution() / DOC_DPI
            painter.scale(scale, scale)
            number = 0
            for section in self.sections:
                for index in range(section.page_count):
                    if cancelled is not None and cancelled():
                        raise Cancelled()
                    if number and not device.newPage():
                        raise OSError("the printer refused a new page")
                    number += 1
                    self._paint_page(painter, section, index, number, total)
                    if progress is not None:
                        progress(number, total)
        finally:
            painter.end()
        return total

    def _paint_page(self, painter: QPainter, section: Section, index: int, number: int, total: int) -> None:
        page = self.geometry
        body = page.body
        document = section.document
        painter.save()
        painter.translate(body.topLeft())
        clip = QRectF(0, index * body.height(), body.width(), body.height())
        painter.translate(0, -clip.top())
        painter.setClipRect(clip)
        # Not drawContents: that takes text colours from the app palette, so a dark screen theme would print
        # white text. Paper always gets the light print palette.
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        context.palette = _print_palette()
        document.documentLayout().draw(painter, context)
        painter.restore()
        language = section.language
        left = (
            self.header_left(language)
            if callable(self.header_left)
            else translate_for(language, "Print", self.header_left)
        )
        self._paint_header(painter, left, section.title)
        page_text = translate_for(language, "Print", PAGE_OF).format(number=number, total=total)
        self._paint_footer(painter, section.source_line, page_text)
        if self.band:
            band = translate_for(language, "Print", self.band)
            self._paint_band(painter, BAND_TOP, band)
            self._paint_band(painter, self.geometry.height - BAND_TOP - BAND_HEIGHT, band)

    def _paint_band(self, painter: QPainter, top: float, band: str) -> None:
        """A black strip with the band's words in white, the width of the body, inside any printer's margin."""
        page = self.geometry
        rect = QRectF(MARGIN_SIDE, top, page.width - 2 * MARGIN_SIDE, BAND_HEIGHT)
        font = _font(bold=True)
        font.setPixelSize(BAND_PX)
        painter.save()
        painter.fillRect(rect, BAND_COLOUR)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, band.upper())
        painter.restore()

    def _paint_header(self, painter: QPainter, header_left: str, title: str) -> None:
        page = self.geometry
        y = page.header_line_y
        font = _font(bold=False)
        metrics = QFontMetricsF(font)
        width = page.width - 2 * MARGIN_SIDE
        painter.save()
        painter.setFont(font)
        painter.setPen(TEXT_COLOUR)
        left = metrics.elidedText(header_left, Qt.TextElideMode.ElideRight, width * 0.4)
        painter.drawText(QPointF(MARGIN_SIDE, y - metrics.descent() - 3), left)
        bold = _font(bold=True)
        bold_metrics = QFontMetricsF(bold)
        room = width - metrics.horizontalAdvance(left) - 24
        shown = bold_metrics.elidedText(title, Qt.TextElideMode.ElideMiddle, room)
        painter.setFont(bold)
        painter.drawText(
            QPointF(MARGIN_SIDE + width - bold_metrics.horizontalAdvance(shown), y - bold_metrics.descent() - 3), shown
        )
        painter.setPen(QPen(RULE_COLOUR, 0.75))
        painter.drawLine(QPointF(MARGIN_SIDE, y), QPointF(page.width - MARGIN_SIDE, y))
        painter.restore()

    def _paint_footer(self, painter: QPainter, source_line: str, page_text: str) -> None:
        page = self.geometry
        y = page.footer_line_y
        font = _font(bold=False)
        metrics = QFontMetricsF(font)
        width = page.width - 2 * MARGIN_SIDE
        painter.save()
        painter.setPen(QPen(RULE_COLOUR, 0.75))
        painter.drawLine(QPointF(MARGIN_SIDE, y), QPointF(page.width - MARGIN_SIDE, y))
        painter.setFont(font)
        painter.setPen(TEXT_COLOUR)
        baseline = y + metrics.ascent() + 4
        number_width = metrics.horizontalAdvance(page_text)
        painter.drawText(QPointF(page.width - MARGIN_SIDE - number_width, baseline), page_text)
        shown = _fitted_source(source_line, metrics, width - number_width - 24)
        painter.drawText(QPointF(MARGIN_SIDE, baseline), shown)
        painter.restore()


def _fitted_source(line: str, metrics: QFontMetricsF, room: float) -> str:
    """The footer's source line in `room`: the source's name is shortened first, so its licence and its date
    (« mis à jour le 6 décembre 2026 », longer than 2026-12-06) stay whole."""
    name, dot, rest = line.partition(" · ")
    if not dot or metrics.horizontalAdvance(line) <= room:
        return metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
    tail = dot + rest
    left = room - metrics.horizontalAdvance(tail)
    if left < room / 3:  # no room for a recognisable name: cut the whole line at its end as before
        return metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, left) + tail


def _print_palette() -> QPalette:
    palette = QPalette(QColor("#000000"), QColor("#ffffff"))
    for role, colour in (
        (QPalette.ColorRole.Text, "#000000"),
        (QPalette.ColorRole.WindowText, "#000000"),
        (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.Window, "#ffffff"),
        (QPalette.ColorRole.Link, "#000000"),
        (QPalette.ColorRole.LinkVisited, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def _font(bold: bool) -> QFont:
    font = QFont()
    font.setFamilies(styles.SANS_FAMILIES)
    font.setPixelSize(HEADER_PX)
    font.setBold(bold)
    return font
