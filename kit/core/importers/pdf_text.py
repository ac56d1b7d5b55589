"""A PDF's text layer as Markdown: lines (from PDFium's characters, with their font size and position) become
headings (larger than the document's body text), list items (a bullet or box first) and paragraphs (split
where the gap between lines is wider than a line's own spacing). Running heads and feet — a line repeated
on most pages in small type, page numbers aside — are left out."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kit.core.importers.text import escape_inline

HEADING_RATIO = 1.2  # a line this much larger than the body text is a heading
MAX_HEADING_CHARS = 120
PARAGRAPH_GAP = 0.6  # a gap above a line wider than this share of its height starts a new paragraph
_BULLET = re.compile(r"^\s*([•◦▪‣●○■□☐☑☒✓✔➢►–-]|\d{1,3}[.)])\s*")
_HYPHEN_MARKS = ("\ufffe", "\u00ad")  # PDFium's mark for a word hyphenated at the end of a line, a soft hyphen


@dataclass(frozen=True)
class Line:
    text: str
    size: float  # the largest font size of its characters, in points
    top: float  # page coordinates: y grows upwards
    bottom: float


def page_lines(page) -> list[Line]:
    """The page's lines in PDFium's reading order."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []
        text = textpage.get_text_range(0, count)
        lines: list[Line] = []
        chars: list[str] = []
        size, top, bottom = 0.0, float("-inf"), float("inf")
        for index, char in enumerate(text[:count]):
            if char in "\r\n":
                if "".join(chars).strip():
                    lines.append(Line("".join(chars), size, top, bottom))
                chars, size, top, bottom = [], 0.0, float("-inf"), float("inf")
                continue
            chars.append(char)
            if not char.isspace() and char not in _HYPHEN_MARKS:
                size = max(size, pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
                _, low, _, high = textpage.get_charbox(index)
                top, bottom = max(top, high), min(bottom, low)
        if "".join(chars).strip():
            lines.append(Line("".join(chars), size, top, bottom))
        return lines
    finally:
        textpage.close()


def pages_markdown(pages: list[list[Line]]) -> list[str]:
    """Each page's Markdown, judged against the whole document (body size, repeated heads and feet)."""
    weights: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            weights[round(line.size, 1)] += len(line.text)
    body = (weights.most_common(1)[0][0] if weights else 0.0) or 1.0
    largest = max((line.size for lines in pages for line in lines), default=body)
    repeated = _running_heads(pages, body)
    return [_page(lines, body, largest, repeated) for lines in pages]


def _running_heads(pages: list[list[Line]], body: float) -> set[str]:
    """Lines at the top or foot of most pages, no larger than the body text (a repeated chapter heading, or a
    "Name: ____" line on every worksheet page, is kept)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        depth = 2 if len(lines) >= 6 else 1  # a header and a footer may each take two lines
        edges = [line for line in lines[:depth] + lines[-depth:] if line.size <= body + 0.5]
        seen.update({_shape(line.text) for line in edges})
    return {text for text, count in seen.items() if count > len(pages) / 2}


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _page(lines: list[Line], body: float, largest: float, repeated: set[str]) -> str:
    blocks: list[str] = []
    paragraph: list[str] = []
    previous: Line | None = None
    heading_open = False

    def flush() -> None:
        if paragraph:
            blocks.append("".join(paragraph).strip())
            paragraph.clear()

    for line in lines:
        if _shape(line.text) in repeated:
            continue
        text = " ".join(line.text.split())
        if _is_heading(text, line.size, body):
            flush()
            level = "##" if line.size >= largest * 0.95 else "###"
            if heading_open and blocks[-1].startswith(level + " ") and len(blocks[-1]) + len(text) < MAX_HEADING_CHARS:
                blocks[-1] += " " + escape_inline(text)
            else:
                blocks.append(f"{level} {escape_inline(text)}")
            heading_open, previous = True, line
            continue
        heading_open = False
        gap = previous is not None and (previous.bottom - line.top) > PARAGRAPH_GAP * max(1.0, line.top - line.bottom)
        if bullet := _BULLET.match(text):
            flush()
            paragraph.append("- " + _joinable(escape_inline(text[bullet.end() :])))
        else:
            if gap or (previous is not None and abs(previous.size - line.size) > 0.5):
                flush()
            paragraph.append(_joinable(escape_inline(text)))
        previous = line
    flush()
    return "\n\n".join(_tidy(block) for block in blocks)


def _is_heading(text: str, size: float, body: float) -> bool:
    return size >= body * HEADING_RATIO and len(text) <= MAX_HEADING_CHARS and not text.endswith((".", ",", ";"))


def _joinable(text: str) -> str:
    """A line ready to be followed by the next: a word hyphenated at the line's end joins without a space."""
    if text.endswith(_HYPHEN_MARKS):
        return text[:-1]
    return text + " "


def _tidy(block: str) -> str:
    for mark in _HYPHEN_MARKS:
        block = block.replace(mark, "")
    return re.sub(r" +\n", "\n", block).strip()
