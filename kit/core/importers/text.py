"""Small Markdown writers shared by the importers that build Markdown themselves (slides, ODF, PDF)."""

from __future__ import annotations

import re

# Characters that would start Markdown or HTML markup inside a line of the document's own text.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_LINE_START = re.compile(r"^(\s*)([-+]|\d+[.)]|=+|-{3,})(\s|$)")


def escape_inline(text: str) -> str:
    """Document text as literal Markdown: no accidental emphasis, links, HTML, lists or slide breaks."""
    text = text.replace("\x0b", " ").replace("&", "&amp;")
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2) + m.group(3), text)


def indent_block(text: str) -> str:
    """`text` indented four spaces, the body of a `!!! teacher` block."""
    return "\n".join(f"    {line}" if line.strip() else "" for line in text.split("\n"))


def markdown_table(rows: list[list[str]]) -> str:
    """A pipe table; the first row is its header (Markdown tables need one)."""
    width = max(len(row) for row in rows)

    def cell(text: str) -> str:
        return escape_inline(" ".join(text.split())) or " "

    lines = []
    for number, row in enumerate(rows):
        cells = [cell(c) for c in row] + [" "] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if number == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)
