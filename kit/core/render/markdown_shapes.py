"""Markdown shapes python-markdown takes seconds over (quadratic, or one recursion a level), found by one linear scan
before it sees the page.

Measured on python-markdown 3.x (benchmarks/bounded_work_bench.py): 2,000 references to one footnote take 10 s,
8,000 headings 13 s (duplicates or not: the table of contents and its unique anchors), a [TOC] marker per
heading 155 s for 29 KB. Lists (benchmarks/list_shapes_bench.py): python-markdown opens one nested list per
marker, so "1. 1. 1. …" on one line (or "- - -", "* * *", "+ + +", or an item indented 4 spaces deeper on each
line) recurses until Python's recursion limit, 2-8 s for 16-128 KB and 30-46 s at 480 KB; "> > >" nests
quotes the same way (2.7 s for 128 KB); and even a flat list costs ~0.15 ms an item (2.3 s for 18,000 items).
A page past any cap below is not given to python-markdown at all; the author gets a
problem naming the line (docs/bounded-work.md).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from kit.core.content import markdown_lines
from kit.core.model import Problem
from kit.core.render import html_limits

MAX_HEADINGS = 500  # 500 headings render in ~0.1 s; 1,000 in 0.4 s, 2,000 in 1.6 s
MAX_REFS_PER_FOOTNOTE = 50  # 500 references to one footnote take 1.1 s; 50 take ~0.01 s
MAX_TOC_MARKERS = 1  # each [TOC] copies every heading; a second one adds nothing for a reader
TOC_MARKER = "[TOC]"
# Lists and quotes open on one line plus those its indentation (4 columns a level) puts it inside. Word has 9
# outline levels; 10 levels render like any list, 125 took 0.1-0.5 s for 32 KB and ~250 hit the recursion limit.
MAX_NESTING = 10
# Counted before python-markdown at ~0.15 ms an item (18,000 took 2.3 s); the same cap as Qt's, checked after.
MAX_LIST_ITEMS = html_limits.MAX_LIST_ITEMS
# A reference, not a definition ("[^1]: text" at the start of a line). The label stops at "]", so linear.
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\n]{1,100})\](?!:)")


def too_complex(text: str, file_path: Path, body_line: int) -> Problem | None:
    """The first cap the page breaks, as a problem at the line where it is broken; None if within every cap."""
    headings = tocs = items = 0
    refs: Counter[str] = Counter()
    previous = ""
    for offset, line in enumerate(text.split("\n")):
        where = body_line + offset
        # Fenced code is scanned too: an unclosed fence is not code to python-markdown, so skipping it would let
        # a page through. Code indented 40 columns before a "- " is the price.
        first = line.lstrip(" \t")[:1]
        if first and (first in _OPENERS or first.isdigit()) and not _is_thematic_break(line):
            depth, opened = _nesting(line)
            items += opened
            if depth > MAX_NESTING:
                return Problem(
                    file_path,
                    where,
                    f"the line opens lists or quotes more than {MAX_NESTING} levels deep",
                    "use fewer levels, or split it into several pages",
                )
            if items > MAX_LIST_ITEMS:
                return Problem(
                    file_path,
                    where,
                    f"the page has more than {MAX_LIST_ITEMS:,} list items",
                    "split it into several pages",
                )
        if markdown_lines.atx_heading(line) or _is_setext_underline(line, previous):
            headings += 1
            if headings > MAX_HEADINGS:
                return Problem(
                    file_path, where, f"the page has more than {MAX_HEADINGS} headings", "split it into several pages"
                )
        if TOC_MARKER in line:
            tocs += line.count(TOC_MARKER)
            if tocs > MAX_TOC_MARKERS:
                return Problem(
                    file_path,
                    where,
                    f"the page has more than {MAX_TOC_MARKERS} {TOC_MARKER} marker",
                    f"keep one {TOC_MARKER}",
                )
        if "[^" in line:
            for label in _FOOTNOTE_REF.findall(line):
                refs[label] += 1
                if refs[label] > MAX_REFS_PER_FOOTNOTE:
                    return Problem(
                        file_path,
                        where,
                        f"footnote [^{label}] is referred to more than {MAX_REFS_PER_FOOTNOTE} times",
                        "refer to it once and say 'see note' elsewhere",
                    )
        previous = line
    return None


_OPENERS = frozenset("-*+>")  # and any digit: python-markdown's \d is any Unicode digit
_BULLETS = "-*+"


def _nesting(line: str) -> tuple[int, int]:
    """(levels of list and quote the line is inside, list items it opens). Linear: each step consumes a marker,
    and the scan stops one level past MAX_NESTING."""
    width = 0
    position = 0
    while position < len(line) and line[position] in " \t":
        width += 4 - width % 4 if line[position] == "\t" else 1
        position += 1
    depth, items = width // 4, 0
    while depth <= MAX_NESTING and position < len(line):
        char = line[position]
        if char == ">":
            after = position + 1
        elif char in _BULLETS:
            after = position + 1
            if after >= len(line) or line[after] not in " \t":
                break  # "-x" or "**bold**": text, not an item
            items += 1
        elif char.isdigit():
            after = position
            while after < len(line) and line[after].isdigit():
                after += 1
            if after >= len(line) or line[after] != "." or after + 1 >= len(line) or line[after + 1] not in " \t":
                break  # "1999 was" or "3.5": text
            after += 1
            items += 1
        else:
            break
        depth += 1
        while after < len(line) and line[after] in " \t":
            after += 1
        position = after
    return depth, items


def _is_thematic_break(line: str) -> bool:
    """A rule exactly as python-markdown reads one ("* * *", "---"): one mark, at most two spaces between marks.
    Anything looser ("- * - *", "-   -   -") it reads as nested lists, so it is counted as lists here."""
    stripped = line.lstrip(" ")
    marks = stripped.rstrip(" ")
    if len(line) - len(stripped) > 3 or not marks or marks[0] not in "-*_" or "   " in marks:
        return False
    return marks.count(marks[0]) >= 3 and not marks.replace(" ", "").strip(marks[0])


def _is_setext_underline(line: str, previous: str) -> bool:
    marks = line.strip(" \t")
    return bool(marks and previous.strip()) and (not marks.strip("=") or not marks.strip("-"))
