"""Slides that can be read from the back row: a slide with more text than a projector shows at a readable size is
cut into screenfuls, between paragraphs and between table rows (the header row repeated), never inside either.

The budget is measured, not guessed: `benchmarks/slide_fit_bench.py` reports the smallest body text over every
bundled slide at 1024×768; with this budget no slide goes under its floor of 24 px.
"""

from __future__ import annotations

import re

SCREENFUL_CHARS = 700  # of Markdown source, links and emphasis marks included
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]")
_TABLE_ROW = re.compile(r"^ {0,3}\|")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]")


def _blocks(markdown_text: str) -> list[list[str]]:
    """Paragraph-sized blocks: split at blank lines, except before an indented line (a block's continuation)."""
    blocks: list[list[str]] = [[]]
    for line in markdown_text.split("\n"):
        if not line.strip():
            blocks[-1].append(line)
            continue
        if blocks[-1] and not blocks[-1][-1].strip() and not line.startswith(("    ", "\t")):
            blocks.append([])
        blocks[-1].append(line)
    return [block for block in blocks if any(line.strip() for line in block)]


def _split_table(block: list[str]) -> list[list[str]]:
    """A table block as groups of rows that each fit a screenful, every group under the table's header."""
    lines = [line for line in block if line.strip()]
    if len(lines) < 3 or not all(_TABLE_ROW.match(line) for line in lines):
        return [block]
    header, rows = lines[:2], lines[2:]
    groups: list[list[str]] = [[]]
    for row in rows:
        size = sum(len(line) for line in groups[-1]) + len(row)
        if groups[-1] and size > SCREENFUL_CHARS - sum(len(line) for line in header):
            groups.append([])
        groups[-1].append(row)
    return [[*header, *group, ""] for group in groups]


def _split_list(block: list[str]) -> list[list[str]]:
    """A long list block as one block per item (an item's wrapped lines stay with it)."""
    if sum(len(line) for line in block) <= SCREENFUL_CHARS or not _LIST_ITEM.match(block[0]):
        return [block]
    items: list[list[str]] = []
    for line in block:
        if _LIST_ITEM.match(line) or not items:
            items.append([])
        items[-1].append(line)
    return items


def screenfuls(markdown_text: str) -> list[str]:
    """The slide's Markdown as one or more screenfuls; later ones repeat the slide's heading, if it has one."""
    if len(markdown_text) <= SCREENFUL_CHARS:
        return [markdown_text]
    blocks = [
        piece
        for block in _blocks(markdown_text)
        for table_part in _split_table(block)
        for piece in _split_list(table_part)
    ]
    heading = blocks[0][0] if blocks and _HEADING.match(blocks[0][0]) else ""
    pages: list[list[str]] = [[]]
    size = 0
    for block in blocks:
        length = sum(len(line) for line in block)
        if (
            pages[-1]
            and size + length > SCREENFUL_CHARS
            and any(not _HEADING.match(line) for line in pages[-1] if line.strip())
        ):
            pages.append([heading, ""] if heading else [])
            size = len(heading)
        pages[-1].extend(block)
        if block[-1].strip() and not _LIST_ITEM.match(block[0]):
            pages[-1].append("")  # list items stay one list: no blank line between them
        size += length
    return ["\n".join(page) for page in pages]
