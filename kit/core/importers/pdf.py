"""PDF with pypdfium2: each page kept as an image (as it was designed) and its text (for search and editing).

The page image is the page's content in the body: a designed or scanned handout prints and presents as
it looks, one slide per page. The page's text (headings found by font size) goes in a `!!! teacher`
block under it: searchable, shown in the teacher edition and on the presenter's screen, and ready to be
moved into the body by a teacher who wants an editable version — never printed twice for students.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

from kit.core.importers.container import file_size
from kit.core.importers.converted import Converted, ConvertError, ImageBox
from kit.core.importers.text import escape_inline, indent_block

MAX_PAGES = 100
PAGE_DPI = 150  # readable on paper and on a projector; an A4 page is 1240 x 1754 px, ~2 MP
HEADING_RATIO = 1.2  # a line this much larger than the body text is a heading
_BULLET = re.compile(r"^\s*([•◦▪‣●○■–-]|\d{1,3}[.)])\s+")


def convert(path: Path) -> Converted:
    file_size(path)
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ConvertError("the PDF is password-protected; save a copy without the password and add it") from None
        raise ConvertError("the file is damaged or not a PDF") from None
    try:
        count = len(document)
        if count > MAX_PAGES:
            raise ConvertError(
                f"the PDF has {count} pages (limit {MAX_PAGES}); add the pages you need as a shorter PDF"
            )
        if count == 0:
            raise ConvertError("the PDF has no pages")
        title = " ".join((document.get_metadata_dict().get("Title") or "").split())[:200]
        box, pages, empty = ImageBox(), [], 0
        for number in range(count):
            page = document[number]
            try:
                image = box.add(_page_png(page), f"page-{number + 1}")
                text = _page_text(page)
            finally:
                page.close()
            empty += not text.strip()
            pages.append(_page_markdown(number + 1, image, text))
    except pdfium.PdfiumError:
        raise ConvertError("the PDF is damaged; open and save it again in a PDF reader") from None
    finally:
        document.close()
    notes = box.notes()
    if empty:
        notes.append(f"{empty} page(s) have no text layer (scanned?): kept as images only, not searchable")
    if not title:
        title = _first_heading("\n".join(pages))
    kind = "handout" if count <= 2 else "article"
    return Converted("\n\n---\n\n".join(pages), title, kind=kind, images=box.images, notes=notes)


def _page_png(page) -> bytes:
    bitmap = page.render(scale=PAGE_DPI / 72)
    out = io.BytesIO()
    bitmap.to_pil().save(out, "PNG")
    return out.getvalue()


def _page_markdown(number: int, image: str | None, text: str) -> str:
    parts = [f"![Page {number}]({image})"] if image else []
    if text.strip():
        parts.append(f'!!! teacher "Text of page {number}"\n' + indent_block(text.strip()))
    return "\n\n".join(parts)


def _page_text(page) -> str:
    """The page's text as Markdown: lines larger than the body text become headings, lines join into paragraphs."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return ""
        text = textpage.get_text_range(0, count)
        sizes = [pdfium_c.FPDFText_GetFontSize(textpage.raw, i) for i in range(count)]
    finally:
        textpage.close()
    return _as_markdown(_sized_lines(text, sizes))


def _sized_lines(text: str, sizes: list[float]) -> list[tuple[str, float]]:
    """Each line of `text` with the largest font size of its visible characters (sizes are per character)."""
    lines: list[tuple[str, float]] = []
    current, size = [], 0.0
    for index, char in enumerate(text):
        if char in "\r\n":
            if current:
                lines.append(("".join(current), size))
            current, size = [], 0.0
            continue
        current.append(char)
        if not char.isspace() and index < len(sizes):
            size = max(size, sizes[index])
    if current:
        lines.append(("".join(current), size))
    return [(" ".join(line.split()), size) for line, size in lines if line.strip()]


def _as_markdown(lines: list[tuple[str, float]]) -> str:
    weights: Counter[float] = Counter()
    for line, size in lines:
        weights[round(size, 1)] += len(line)
    body = (weights.most_common(1)[0][0] if weights else 0.0) or 1.0
    largest = max((size for _, size in lines), default=0.0)
    blocks: list[str] = []
    paragraph: list[str] = []
    heading_open = False  # the previous line was a heading: a second heading line of the same size joins it

    def flush() -> None:
        if paragraph:
            blocks.append(" ".join(paragraph))
            paragraph.clear()

    for line, size in lines:
        if size >= body * HEADING_RATIO and len(line) <= 120:
            flush()
            level = "##" if size >= largest * 0.95 else "###"
            if heading_open and blocks[-1].startswith(level + " "):
                blocks[-1] += " " + escape_inline(line)
            else:
                blocks.append(f"{level} {escape_inline(line)}")
            heading_open = True
            continue
        heading_open = False
        if bullet := _BULLET.match(line):
            flush()
            blocks.append("- " + escape_inline(line[bullet.end() :]))
            continue
        paragraph.append(escape_inline(line))
        if line.endswith((".", "!", "?", ":")) and len(line) < 60:
            flush()  # a short line that ends a sentence ends its paragraph
    flush()
    return "\n\n".join(blocks)


def _first_heading(body: str) -> str:
    match = re.search(r"^\s*#{2,3} (.+)$", body, re.MULTILINE)
    return match.group(1).replace("\\", "").strip() if match else ""
