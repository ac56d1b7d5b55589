"""PDF with pypdfium2: each page kept as an image (as it was designed) and its text (for search and editing;
see pdf_text).

The page image is the page's content in the body: a designed or scanned handout prints and presents as
it looks, one slide per page. The page's text (headings found by font size) goes in a `!!! teacher`
block under it: searchable, shown in the teacher edition and on the presenter's screen, and ready to be
moved into the body by a teacher who wants an editable version — never printed twice for students.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from kit.core.importers.container import file_size
from kit.core.importers.converted import Converted, ConvertError, ImageBox
from kit.core.importers.pdf_text import page_lines, pages_markdown
from kit.core.importers.text import indent_block

MAX_PAGES = 100
PAGE_DPI = 150  # readable on paper and on a projector; an A4 page is 1240 x 1754 px, ~2 MP


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
        box, images, lines = ImageBox(), [], []
        for number in range(count):
            page = document[number]
            try:
                images.append(box.add(_page_png(page), f"page-{number + 1}"))
                lines.append(page_lines(page))
            finally:
                page.close()
        texts = pages_markdown(lines)
        pages = [_page_markdown(n + 1, image, text) for n, (image, text) in enumerate(zip(images, texts, strict=True))]
        empty = sum(not text.strip() for text in texts)
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


def _first_heading(body: str) -> str:
    match = re.search(r"^\s*#{2,3} (.+)$", body, re.MULTILINE)
    return match.group(1).replace("\\", "").strip() if match else ""
