"""Markdown shapes python-markdown handles in quadratic time, found by one linear scan before it sees the page.

Measured on python-markdown 3.x (benchmarks/bounded_work_bench.py): 2,000 references to one footnote take 10 s,
8,000 headings 13 s (duplicates or not: the table of contents and its unique anchors), a [TOC] marker per
heading 155 s for 29 KB. A page past any cap below is not given to python-markdown at all; the author gets a
problem naming the line (docs/bounded-work.md).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from kit.core.content import markdown_lines
from kit.core.model import Problem

MAX_HEADINGS = 500  # 500 headings render in ~0.1 s; 1,000 in 0.4 s, 2,000 in 1.6 s
MAX_REFS_PER_FOOTNOTE = 50  # 500 references to one footnote take 1.1 s; 50 take ~0.01 s
MAX_TOC_MARKERS = 1  # each [TOC] copies every heading; a second one adds nothing for a reader
TOC_MARKER = "[TOC]"
# A reference, not a definition ("[^1]: text" at the start of a line). The label stops at "]", so linear.
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\n]{1,100})\](?!:)")


def too_complex(text: str, file_path: Path, body_line: int) -> Problem | None:
    """The first cap the page breaks, as a problem at the line where it is broken; None if within every cap."""
    headings = tocs = 0
    refs: Counter[str] = Counter()
    previous = ""
    for offset, line in enumerate(text.split("\n")):
        where = body_line + offset
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


def _is_setext_underline(line: str, previous: str) -> bool:
    marks = line.strip(" \t")
    return bool(marks and previous.strip()) and (not marks.strip("=") or not marks.strip("-"))
