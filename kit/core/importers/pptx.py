"""PowerPoint (.pptx) with python-pptx: one kit slide per slide (`---` between them), the slide's title as
its `##` heading, text boxes as paragraphs and lists, tables, pictures, and the speaker notes as a
`!!! teacher` block — shown on the presenter's screen and in the teacher edition, never projected."""

from __future__ import annotations

import re
from pathlib import Path

from kit.core.importers.container import check_zip_document
from kit.core.importers.converted import Converted, ConvertError, ImageBox
from kit.core.importers.text import escape_inline, indent_block, markdown_table

NOTES_LABEL = "Speaker notes"
_FILE_NAME = re.compile(r"^[\w\- ]+\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)$", re.IGNORECASE)


def convert(path: Path) -> Converted:
    check_zip_document(path, "ppt/presentation.xml", "PowerPoint file")
    from pptx import Presentation

    try:
        deck = Presentation(str(path))
        box, counts = ImageBox(), {"charts": 0, "other": 0}
        shown = [slide for slide in deck.slides if slide._element.get("show") not in ("0", "false")]
        hidden = len(deck.slides) - len(shown)  # slides hidden in PowerPoint are not presented there either
        slides = [_slide(slide, box, counts) for slide in shown]
        title = (deck.core_properties.title or "").strip()
    except ConvertError:
        raise
    except Exception as exc:  # python-pptx raises many types on a broken part; the teacher gets one line
        raise ConvertError(f"the PowerPoint file could not be read ({type(exc).__name__})") from None
    notes = box.notes() + ([f"{hidden} hidden slide(s) left out"] if hidden else [])
    if counts["charts"]:
        notes.append(f"{counts['charts']} chart(s) not imported (open the original to see them)")
    if counts["other"]:
        notes.append(f"{counts['other']} shape(s) with no text or picture left out")
    body = "\n\n---\n\n".join(s for s in slides if s.strip())
    return Converted(body, title, kind="guide", images=box.images, notes=notes)


def _slide(slide, box: ImageBox, counts: dict[str, int]) -> str:
    parts: list[str] = []
    title_shape = slide.shapes.title
    if title_shape is not None and title_shape.has_text_frame and title_shape.text_frame.text.strip():
        parts.append("## " + escape_inline(" ".join(title_shape.text_frame.text.split())))
    for shape in _reading_order(slide.shapes):
        if title_shape is not None and shape.shape_id == title_shape.shape_id:
            continue
        parts.extend(_shape(shape, box, counts))
    if slide.has_notes_slide:
        text = slide.notes_slide.notes_text_frame.text if slide.notes_slide.notes_text_frame else ""
        if text.strip():
            lines = "\n\n".join(escape_inline(p.strip()) for p in text.splitlines() if p.strip())
            parts.append(f'!!! teacher "{NOTES_LABEL}"\n' + indent_block(lines))
    return "\n\n".join(parts)


def _reading_order(shapes) -> list:
    """Top to bottom, then left to right: the order a class reads a slide (not the order it was drawn)."""
    return sorted(shapes, key=lambda s: ((s.top or 0) // 100_000, s.left or 0))


def _shape(shape, box: ImageBox, counts: dict[str, int]) -> list[str]:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        return [part for inner in _reading_order(shape.shapes) for part in _shape(inner, box, counts)]
    if shape.shape_type == MSO_SHAPE_TYPE.PICTURE or getattr(shape, "image", None) is not None:
        try:
            data = shape.image.blob
        except (AttributeError, ValueError, KeyError):  # a linked (external) picture: never fetched
            counts["other"] += 1
            return []
        kept = box.add(data)
        alt = re.sub(r"[\[\]\s]+", " ", shape._element.xpath("string(.//p:cNvPr/@descr)") or "").strip()[:200]
        alt = "" if _FILE_NAME.match(alt) else alt  # PowerPoint puts the picture's file name where none was written
        return [f"![{alt}]({kept})"] if kept else []
    if getattr(shape, "has_table", False) and shape.has_table:
        rows = [[cell.text for cell in row.cells] for row in shape.table.rows]
        return [markdown_table(rows)] if rows else []
    if getattr(shape, "has_chart", False) and shape.has_chart:
        counts["charts"] += 1
        return []
    if shape.has_text_frame and shape.text_frame.text.strip():
        return [_text_frame(shape)]
    counts["other"] += 0 if shape.has_text_frame else 1
    return []


def _text_frame(shape) -> str:
    """Paragraphs; a content placeholder's paragraphs (bullets in PowerPoint) and indented ones become a list."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    frame, lines = shape.text_frame, []
    kind = shape.placeholder_format.type if shape.is_placeholder else None
    bulleted = kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT) or any(p.level > 0 for p in frame.paragraphs)
    for paragraph in frame.paragraphs:
        text = _runs(paragraph)
        if not text.strip():
            continue
        lines.append(f"{'    ' * paragraph.level}- {text}" if bulleted else text)
    return "\n".join(lines)


def _runs(paragraph) -> str:
    """A paragraph's text with bold, italic and links kept."""
    out = []
    for run in paragraph.runs:
        text = escape_inline(run.text)
        if not text.strip():
            out.append(text)
            continue
        if run.font.bold:
            text = f"**{text.strip()}**"
        if run.font.italic:
            text = f"*{text.strip()}*"
        address = run.hyperlink.address if run.hyperlink is not None else None
        if address and address.lower().startswith(("http://", "https://", "mailto:")):
            text = f"[{text}]({address.replace(')', '%29').replace(' ', '%20')})"
        out.append(text)
    return " ".join("".join(out).split())
