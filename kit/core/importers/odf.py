"""OpenDocument with odfdo: text documents (.odt) through odfdo's own Markdown export, with their pictures;
presentations (.odp) like PowerPoint decks — one slide per page, titles as `##`, notes as teacher blocks."""

from __future__ import annotations

import re
from pathlib import Path

from kit.core.importers.container import check_zip_document
from kit.core.importers.converted import Converted, ConvertError, ImageBox
from kit.core.importers.pptx import NOTES_LABEL
from kit.core.importers.text import escape_inline, indent_block

_MARK = "KITIMAGEMARK{}X"  # a word no document contains, replaced by the image once odfdo wrote the Markdown


def convert(path: Path) -> Converted:
    kind = "presentation" if path.suffix.lower() == ".odp" else "text"
    what = "LibreOffice Impress file" if kind == "presentation" else "LibreOffice Writer document"
    check_zip_document(path, "content.xml", what)
    from odfdo import Document

    try:
        document = Document(str(path))
        if document.get_type() != kind:
            raise ConvertError(f"the file is not a {what} (it holds a {document.get_type()})")
        title = " ".join((document.meta.title or "").split())[:200]
        box = ImageBox()
        if kind == "presentation":
            body = "\n\n---\n\n".join(p for p in (_page(page, document, box) for page in _pages(document)) if p)
            return Converted(body, title, kind="guide", images=box.images, notes=box.notes())
        body = _text_document(document, box)
    except ConvertError:
        raise
    except Exception as exc:  # odfdo and lxml raise many types on a broken part; the teacher gets one line
        raise ConvertError(f"the {what} could not be read ({type(exc).__name__})") from None
    return Converted(body, title, images=box.images, notes=box.notes())


def _text_document(document, box: ImageBox) -> str:
    from odfdo import Element

    kept: dict[str, str] = {}
    for number, frame in enumerate(document.body.get_frames()):
        image = frame.get_element("draw:image")
        href = image.get_attribute("xlink:href") if image is not None else None
        data = _part(document, href)
        path = box.add(data) if data else None
        mark = _MARK.format(number)
        if path:
            kept[mark] = f"![]({path})"
        span = Element.from_tag(f"<text:span>{mark if path else ''}</text:span>")
        frame.parent.replace_element(frame, span)
    text = document.to_markdown()
    for mark, image in kept.items():
        text = text.replace(mark, image)
    text = re.sub(r"^( *)-  ", r"\1- ", text, flags=re.MULTILINE)  # odfdo writes " -  item"
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _pages(document) -> list:
    return document.body.get_draw_pages()


def _page(page, document, box: ImageBox) -> str:
    parts: list[str] = []
    notes_text = ""
    for child in page.children:
        if child.tag == "presentation:notes":
            notes_text = "\n\n".join(
                escape_inline(" ".join(p.text_recursive.split()))
                for p in child.get_elements("descendant::text:p")
                if p.text_recursive.strip()
            )
            continue
        if child.tag != "draw:frame":
            continue
        image = child.get_element("draw:image")
        if (
            image is not None
            and image.get_element("draw:text-box") is None
            and not child.get_elements("descendant::text:p")
        ):
            data = _part(document, image.get_attribute("xlink:href"))
            path = box.add(data) if data else None
            if path:
                parts.append(f"![]({path})")
            continue
        role = child.get_attribute("presentation:class")
        paragraphs = [
            " ".join(p.text_recursive.split()) for p in child.get_elements("descendant::text:p") if p.text_recursive
        ]
        paragraphs = [escape_inline(p) for p in paragraphs if p]
        if not paragraphs:
            continue
        if role == "title":
            parts.insert(0, "## " + " ".join(paragraphs))
        elif role in ("outline", "subtitle") or child.get_elements("descendant::text:list"):
            parts.append("\n".join(f"- {p}" for p in paragraphs) if role != "subtitle" else "\n\n".join(paragraphs))
        else:
            parts.append("\n\n".join(paragraphs))
    if notes_text:
        parts.append(f'!!! teacher "{NOTES_LABEL}"\n' + indent_block(notes_text))
    return "\n\n".join(parts)


def _part(document, href: str | None) -> bytes | None:
    """An embedded picture's bytes; a linked one (an address outside the file) is never fetched."""
    if not href or ":" in href or href.startswith(("/", "..")):
        return None
    try:
        return document.get_part(href)
    except Exception:
        return None
