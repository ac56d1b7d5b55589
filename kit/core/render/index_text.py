"""A page's Markdown as plain text for the search index: a fast, linear regex and line pass, not the full render.

python-markdown + nh3 cost ~5 ms a page; this pass ~0.1 ms, so building stays well above 1,000 documents a
second. It drops what the reader never shows as text: HTML comments, scripts and styles, tags, link targets and
image addresses. Here, below kit.core.validate, so validation runs the very pass indexing runs
(docs/bounded-work.md); kit.core.search.documents builds the index's documents from it.
"""

from __future__ import annotations

import html
import re

from kit.core.content import markdown_lines

MAX_INDEXED_CHARS = 200_000  # the reader refuses bigger pages anyway

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_HIDDEN_ELEMENTS = re.compile(
    r"<(script|style|iframe|object|embed|template|svg|math|noscript|textarea)\b.*?(?:</\1\s*>|\Z)", re.S | re.I
)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")
# Link text excludes "[" so 20,000 "[" in a row are scanned once, not 20,000 times (M9).
_IMAGE = re.compile(r"!\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\](?:\([^()\n]{0,2000}\)|\[[^\[\]\n]{0,200}\])")
_AUTOLINK = re.compile(r"<(?:https?|mailto|kit):[^>\s]{0,2000}>")
_REFDEF = re.compile(r"^ {0,3}\[[^\[\]\n]{1,200}\]:[ \t].*$", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^[^\[\]\n]{1,100}\]")
# Candidate lines only; markdown_lines decides with linear string scans. Possessive quantifiers (*+, ++) never give
# back what they matched, so a long line is walked once (the old heading and table-rule patterns were cubic).
_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}[ \t][^\n]*+", re.M)
_RULE_LINE = re.compile(r"^[ \t|:*_=-]++$", re.M)
_ADMONITION = re.compile(r'^!!!?[ \t]+[\w-]+(?:[ \t]+"([^"\n]*)")?.*$', re.M)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~).*$", re.M)
_LINE_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?", re.M)
_EMPHASIS = re.compile(r"~~|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_SPACES = re.compile(r"[ \t]{2,}|\t")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def markdown_to_text(markdown: str) -> tuple[str, list[str]]:
    """Readable text of a Markdown body, and its heading texts."""
    text = markdown[:MAX_INDEXED_CHARS]
    # Each pass only runs when its trigger character is there: most pages have no HTML, fences or tables.
    if "<" in text:
        text = _COMMENT.sub(" ", text)
        text = _HIDDEN_ELEMENTS.sub(" ", text)
        text = _AUTOLINK.sub(" ", text)
        text = _TAG.sub(" ", text)
    if "[" in text:
        text = _REFDEF.sub("", text)
        text = _FOOTNOTE_REF.sub("", text)
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
    if "```" in text or "~~~" in text:
        text = _FENCE.sub("", text)
    if "---" in text or "***" in text or "___" in text or "===" in text:
        text = _RULE_LINE.sub(_drop_rule, text)
    if "!!" in text:
        text = _ADMONITION.sub(lambda m: m.group(1) or "", text)
    headings = []
    if "#" in text:
        found: list[str] = []
        text = _HEADING_LINE.sub(lambda m: _heading(m.group(0), found), text)
        headings = [_inline(h) for h in found]
    if "|" in text:
        text = _table_cells(text)
    text = _LINE_MARKERS.sub("", text)
    text = _inline(text)
    text = _BLANK_LINES.sub("\n", text).strip()
    return text, [h for h in headings if h]


def _drop_rule(match: re.Match[str]) -> str:
    line = match.group(0)
    return "" if markdown_lines.is_table_rule(line) or markdown_lines.is_rule(line) else line


def _heading(line: str, found: list[str]) -> str:
    parsed = markdown_lines.atx_heading(line)
    if parsed is None:  # "####### x": seven hashes are text
        return line
    found.append(parsed[1])
    return parsed[1]


def _table_cells(text: str) -> str:
    """Table rows read as "cell — cell." (not "Part What it means Examples Act"): a snippet joins lines, so
    each row ends as a sentence. Line by line, no regex."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if "|" in line:
            row = " — ".join(c for c in (c.strip() for c in line.strip().strip("|").split("|")) if c)
            lines[n] = row if not row or row.endswith((".", "!", "?", ":", ";")) else row + "."
    return "\n".join(lines)


def _inline(text: str) -> str:
    # str.replace skips ahead with memchr; str.translate and regexes walk every character (10x slower here).
    text = text.replace("*", "").replace("`", "").replace("|", " ")
    if "_" in text or "~~" in text:
        text = _EMPHASIS.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()
