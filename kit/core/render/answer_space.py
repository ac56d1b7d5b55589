"""Write-in space as content: `!!! answer-lines N` in a resource's Markdown becomes N ruled lines to write on.

On paper the lines are a real writing height apart; in the reader they are shown as lines; on a slide they are
left out (a projector is not written on). Lines of underscores, the old way, are reported by `kit validate`:
Markdown turns a line of `___` into a thin rule, so the page had no room to write at all.
"""

from __future__ import annotations

import re

DIRECTIVE = re.compile(r"^!!![ \t]+answer-lines[ \t]+(\d{1,3})[ \t]*$")
MAX_LINES = 20  # a page and a half of lines is already a mistake; more would only waste paper
# The rendered, sanitised form: a marked <div> with one <hr> a line (both survive the sanitiser and plain text).
RENDERED = re.compile(r'<div class="answer-space">\s*((?:<hr\s*/?>\s*)+)</div>')
_HR = re.compile(r"<hr\s*/?>")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# A line holding only underscores (or four or more dashes; exactly `---` is a slide break) is a horizontal rule.
RULE_LINE = re.compile(r"^ {0,3}(?:_[ \t]*){3,}$|^ {0,3}-{4,}[ \t]*$")


def _outside_code(lines: list[str]):
    """(index, line) for each line outside fenced code, where directives and rules mean something."""
    fence = ""
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
        elif match:
            fence = match.group(1)
        else:
            yield index, line


def line_count(line: str) -> int | None:
    """How many lines `line` asks for, when it is an answer-space directive."""
    match = DIRECTIVE.match(line)
    return min(int(match.group(1)), MAX_LINES) if match else None


def expand(markdown_text: str) -> str:
    """The Markdown with each directive replaced by the marked HTML block (blank lines around: an HTML block)."""
    lines = markdown_text.split("\n")
    for index, line in list(_outside_code(lines)):
        count = line_count(line)
        if count:
            lines[index] = '\n<div class="answer-space">' + "<hr>" * count + "</div>\n"
    return "\n".join(lines)


def drop(markdown_text: str) -> str:
    """The Markdown with each directive blanked (for slides; blank, not removed, so line numbers still hold)."""
    lines = markdown_text.split("\n")
    for index, line in list(_outside_code(lines)):
        if line_count(line) is not None:
            lines[index] = ""
    return "\n".join(lines)


def ruled(html_text: str, row_px: float, colour: str) -> str:
    """Each rendered answer space as a table of empty rows `row_px` tall, each ruled at its foot (Qt draws a
    cell's own bottom border in a collapsed table, and never breaks inside a row). A row is its top padding, one
    line of 8 px text (about 9 px) and the 1 px rule: the padding is what is left of `row_px`."""

    def table(match: re.Match) -> str:
        count = match.group(1).count("<hr")
        cell = (
            f'<tr><td style="padding-top: {row_px - 10:.0f}px; font-size: 8px; border-bottom-width: 1px;'
            f" border-bottom-style: solid; border-bottom-color: {colour}; border-top-style: none;"
            f' border-left-style: none; border-right-style: none">&nbsp;</td></tr>'
        )
        return (
            '<table class="answer-space" width="100%" border="0" cellspacing="0" cellpadding="0"'
            f' style="border-collapse: collapse; margin-bottom: 10px">{cell * count}</table>'
        )

    return RENDERED.sub(table, html_text)


def rule_lines(markdown_text: str) -> list[int]:
    """0-based indexes of lines that Markdown renders as a rule although an author meant a line to write on."""
    lines = markdown_text.split("\n")
    return [index for index, line in _outside_code(lines) if RULE_LINE.match(line)]


def without_other_rules(html_text: str) -> str:
    """The HTML with every <hr> removed except the lines of answer spaces (for pages that style those in CSS)."""
    pieces = []
    position = 0
    for match in RENDERED.finditer(html_text):
        pieces.append(_HR.sub("", html_text[position : match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(_HR.sub("", html_text[position:]))
    return "".join(pieces)
