"""Markdown line shapes (ATX headings, rules) recognised by string scans that are linear in the line's length.

Backtracking regexes for these shapes were cubic on ordinary-looking lines: "# a", 3,000 spaces and a letter took
the index 59 s, and `re` holds the interpreter lock, so one such page froze the whole app (docs/bounded-work.md).
"""

from __future__ import annotations

MAX_ATTR_LIST = 200  # a trailing "{#id .class}" longer than this is text, as in the index's old pattern
RULE_MARKS = "-*_="
TABLE_RULE_CHARS = " \t|:-"


def atx_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line such as "## Title ##" or "# Title {#anchor}", else None."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3:
        return None
    rest = stripped.lstrip("#")
    level = len(stripped) - len(rest)
    if not 1 <= level <= 6 or not rest or rest[0] not in " \t":
        return None
    return level, heading_text(rest)


def heading_text(rest: str) -> str:
    """A heading's words: closing hashes and a trailing attribute list dropped."""
    text = rest.strip(" \t")
    if text.endswith("}"):
        # The list opens at the first "{" after any other "}", within MAX_ATTR_LIST characters of the end.
        earliest = max(text.rfind("}", 0, len(text) - 1) + 1, len(text) - MAX_ATTR_LIST - 2)
        start = text.find("{", earliest)
        if start >= 0:
            text = text[:start].rstrip(" \t")
    return text.rstrip(" \t#")


def is_rule(line: str) -> bool:
    """A thematic break or setext underline: three or more of - * _ = with only blanks between."""
    marks = line.replace(" ", "").replace("\t", "")
    return len(marks) >= 3 and not marks.strip(RULE_MARKS)


def is_table_rule(line: str) -> bool:
    """A table's header separator such as "|---|:--:|"."""
    return "---" in line and not line.strip(TABLE_RULE_CHARS)
