"""One resource as a print-ready QTextDocument: title block, body for an edition, sources; images through the policy."""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QByteArray, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageReader,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
)

from kit.core.i18n import QT_TRANSLATE_NOOP, translate_for
from kit.core.model import Resource
from kit.core.render import links, markup
from kit.core.render.reading_page import figures_checked_html
from kit.printing import styles

# Decoded-size limits, checked from the image header before any pixel is decoded.
MAX_IMAGE_BYTES_DECODED = 64 * 1024 * 1024  # one image: 16 MP at 4 bytes a pixel
MAX_PAGE_PIXELS = 48_000_000  # all images of one document together (twelve 8000² images took 2.8 GB)
PRINT_DPI_CAP = 300  # no point decoding more pixels than a 300 dpi printer can place
IMAGE_FORMATS = {".png": b"png", ".jpg": b"jpeg", ".jpeg": b"jpeg", ".gif": b"gif"}


class PrintDocument(QTextDocument):
    """A QTextDocument that loads only images inside its pack, of allowed types and sizes; everything else is refused.

    Qt's own loadResource reads any local file (file:, absolute and ../ paths), so it is never called.
    """

    def __init__(self, pack_dir: Path | None, max_image_width: float = 0.0, parent=None):
        super().__init__(parent)
        self.pack_dir = pack_dir
        self.max_image_width = max_image_width  # document units; decoded no larger than print resolution needs
        self.loaded: list[Path] = []  # files read, for tests and the report
        self.refused: list[str] = []
        self._pixels = 0

    def loadResource(self, kind: int, url: QUrl):
        if int(getattr(kind, "value", kind)) != QTextDocument.ResourceType.ImageResource.value:
            self.refused.append(url.toString())
            # Style sheets and anything else: never read. An empty value, not None: PySide6 mis-counts a None
            # returned for a QVariant ("none_dealloc" at exit).
            return QByteArray()
        image = self._load_image(url.toString())
        return image if image is not None else self._placeholder(url.toString())

    def _load_image(self, name: str) -> QImage | None:
        target = links.classify(name)
        path = links.pack_file(self.pack_dir, name) if self.pack_dir and target.kind == "refused" else None
        if path is None or ":" in name or links.image_problem(path):
            return None
        reader = QImageReader(str(path), IMAGE_FORMATS[path.suffix.lower()])
        reader.setDecideFormatFromContent(False)  # decode only as the type the name and magic bytes agree on
        size = reader.size()
        pixels = size.width() * size.height()
        if not size.isValid() or pixels <= 0 or pixels * 4 > MAX_IMAGE_BYTES_DECODED:
            return None
        if self._pixels + pixels > MAX_PAGE_PIXELS:
            return None
        cap = int(self.max_image_width / 96 * PRINT_DPI_CAP) if self.max_image_width else 0
        if cap and size.width() > cap:
            reader.setScaledSize(size.scaled(cap, size.height(), Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()  # first frame only for GIFs
        if image.isNull():
            return None
        self._pixels += pixels
        self.loaded.append(path)
        # Remember the natural size (pixels = document units): a scaled decode still prints at the author's size.
        image.setText("kit-width", str(size.width()))
        image.setText("kit-height", str(size.height()))
        return image

    def _placeholder(self, name: str) -> QImage:
        self.refused.append(name)
        image = QImage(48, 32, QImage.Format.Format_RGB32)
        image.fill(QColor("#f2f2f2"))
        painter = QPainter(image)
        painter.setPen(QPen(QColor("#9a9a9a"), 1))
        painter.drawRect(0, 0, 47, 31)
        painter.drawLine(0, 0, 47, 31)
        painter.drawLine(0, 31, 47, 0)
        painter.end()
        return image


MINUTES = QT_TRANSLATE_NOOP("Print", "{count} minutes")
STUDENT_EDITION = QT_TRANSLATE_NOOP("Print", "Student edition")
TEACHER_EDITION = QT_TRANSLATE_NOOP("Print", "Teacher edition")
CONTENT_NOTE = QT_TRANSLATE_NOOP("Print", "Content note: {note}")
SOURCES = QT_TRANSLATE_NOOP("Print", "Sources")


def resource_html(resource: Resource, edition: str, share: tuple[str, str] = ("", "")) -> str:
    """The printed page of a resource: title block, body for the edition, then its sources.

    `share`, when given, is the classroom share's QR code (a floating picture) and its address line
    (kit.printing.share_code): the picture goes before the title so the title block wraps around it."""
    picture, line = share
    rendered = markup.render(resource, edition)
    language = resource.language  # the printed words follow the resource, like its title and text

    def words(text: str) -> str:
        return translate_for(language, "Print", text)

    meta = [resource.kind_label]
    if resource.audience:
        meta.append(resource.audience_label)
    if resource.minutes:
        meta.append(words(MINUTES).format(count=resource.minutes))
    meta.append(words(TEACHER_EDITION if edition == "teacher" else STUDENT_EDITION))
    parts = [
        f"<h1>{picture}{html.escape(resource.title)}</h1>",
        f'<p class="meta">{html.escape(" · ".join(meta))}</p>',
    ]
    if line:
        parts.append(line)
    if resource.content_warning:
        note = words(CONTENT_NOTE).format(note=resource.content_warning)
        parts.append(f'<p class="content-note">{html.escape(note)}</p>')
    parts.append(styles.print_html(rendered.html, language))
    parts.append(figures_checked_html(resource))
    if resource.sources:
        parts.append(f'<h2 class="sources">{html.escape(words(SOURCES))}</h2><ol class="sources">')
        parts.extend(f"<li>{html.escape(source.citation(resource.language))}</li>" for source in resource.sources)
        parts.append("</ol>")
    # The licence and date are in every page's footer, so the end of the text need not repeat them.
    return "\n".join(parts)


def make_document(
    body_html: str, pack_dir: Path | None, page: QSizeF, pictures: Mapping[str, QImage] | None = None
) -> PrintDocument:
    """A laid-out document for a body area of `page` (document units): print styles, images fitted, headings kept.

    `pictures` are images the kit made itself (a QR code), by the name the HTML uses; they are given to the
    document before the HTML is read, so PrintDocument.loadResource never sees their names."""
    document = PrintDocument(pack_dir, max_image_width=page.width())
    for name, picture in (pictures or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), picture)
    document.setUseDesignMetrics(True)  # the same line breaks at 96 dpi layout and 1200 dpi PDF
    document.setDocumentMargin(0)
    document.setDefaultFont(styles.body_font())
    document.setDefaultStyleSheet(styles.PRINT_CSS)
    document.setHtml(body_html)
    document.setPageSize(page)
    fit_images(document, page)
    # Each pass's breaks push later text down and can make new work for the other; a few rounds settle it.
    for _ in range(KEEP_ROUNDS):
        if not (keep_tables_whole(document) | keep_headings_with_next(document)):
            break
    return document


def fit_images(document: PrintDocument, page: QSizeF) -> None:
    """Scale every image down to the body width (and most of a page's height), keeping its shape."""
    max_width, max_height = page.width(), page.height() * 0.9
    found = []  # collected first: changing a format while iterating would split the fragments under the iterator
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isImageFormat():
                found.append((fragment.position(), fragment.length(), fragment.charFormat().toImageFormat()))
            iterator += 1
        block = block.next()
    for position, length, image_format in found:
        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image_format.name()))
        if not isinstance(image, QImage) or image.isNull():
            continue
        width = image_format.width() or float(image.text("kit-width") or image.width())
        height = image_format.height() or float(image.text("kit-height") or image.height())
        scale = min(1.0, max_width / width if width else 1.0, max_height / height if height else 1.0)
        image_format.setWidth(width * scale)
        image_format.setHeight(height * scale)
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(image_format)


def first_line_bottom(document: QTextDocument, block) -> float:
    """Where the first line of `block` ends, in document units. Qt moves a line that would cross a page edge
    down by giving it an offset inside its block, so the block's own top is not enough."""
    rect = document.documentLayout().blockBoundingRect(block)
    layout = block.layout()
    if not layout.lineCount():
        return rect.bottom()
    line = layout.lineAt(0)
    return rect.top() + line.y() + line.height()


def keep_headings_with_next(document: QTextDocument) -> bool:
    """No heading alone at the bottom of a page: move it to the next page when the first line after it is not
    on the same page. Qt has no keep-with-next, so check the laid-out positions and add page breaks, in order."""
    page_height = document.pageSize().height()
    layout = document.documentLayout()
    changed = False
    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid():
            rect = layout.blockBoundingRect(block)
            page = int(rect.top() // page_height)
            starts_page = rect.top() - page * page_height < 1.0
            if not starts_page and int((first_line_bottom(document, following) - 0.5) // page_height) != page:
                _break_before(block)
                changed = True
        block = following
    return changed


# A box, table or answer space up to this share of a page moves whole to the next page rather than split; a
# cut-out card (dashed border) up to a whole page. Longer ones split at rows, as Qt does.
KEEP_WHOLE_SHARE = 0.5
KEEP_ROUNDS = 4
LEAD_IN_SHARE = 0.25  # the paragraph and heading just above a table (a question, a title) go with it


def _page_of(y: float, page_height: float) -> int:
    return int(y // page_height)


def _break_before(target) -> None:
    """A page break before a block (a QTextBlock) or a table (a QTextFrame)."""
    if isinstance(target, QTextFrame):
        fmt = target.frameFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        target.setFrameFormat(fmt)
        return
    fmt = QTextBlockFormat()
    fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(target).mergeBlockFormat(fmt)


def keep_tables_whole(document: QTextDocument) -> bool:
    """Move each top-level table (answer space, box, card, data table) that would straddle a page edge to the next
    page, with its lead-in (the question or heading just above it), when it fits on a page. Qt paginates tables
    between rows and has no keep-together, so the laid-out positions are checked in order and breaks added."""
    page_height = document.pageSize().height()
    layout = document.documentLayout()
    changed = False
    for frame in document.rootFrame().childFrames():
        rect = layout.frameBoundingRect(frame)
        dashed = frame.frameFormat().borderStyle() == QTextFrameFormat.BorderStyle.BorderStyle_Dashed
        limit = page_height * (0.95 if dashed else KEEP_WHOLE_SHARE)
        lead = _lead_in(document, frame, page_height)
        top = layout.blockBoundingRect(lead).top() if lead is not None else rect.top()
        if rect.height() > limit or _page_of(top, page_height) == _page_of(rect.bottom() - 1, page_height):
            continue
        if top - _page_of(top, page_height) * page_height < 1.0:
            continue  # already at the top of a page: nothing to gain
        _break_before(lead if lead is not None else frame)
        changed = True
    return changed


def _lead_in(document: QTextDocument, frame: QTextFrame, page_height: float):
    """The first block of what introduces `frame`: the short paragraph (or heading) just above it, and the heading
    above that paragraph, if there is one. Never two paragraphs: a break between them would orphan a heading."""
    layout = document.documentLayout()
    block = document.findBlock(frame.firstPosition() - 1)
    chosen = None
    for _ in range(2):
        inside_other_frame = document.frameAt(block.position()) is not document.rootFrame()
        if not block.isValid() or not block.text().strip() or inside_other_frame:
            break
        if layout.blockBoundingRect(block).height() > page_height * LEAD_IN_SHARE:
            break
        if chosen is not None and not block.blockFormat().headingLevel():
            break  # above the lead-in paragraph only a heading comes along
        chosen = block
        if block.blockFormat().headingLevel():
            break  # a heading starts what the table belongs to
        block = block.previous()
    return chosen
