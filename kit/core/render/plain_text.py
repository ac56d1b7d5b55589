"""Sanitised HTML to readable plain text, for the command line, reading-level checks and search."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre", "table", "dt", "dd", "hr"}

_LIST_ITEM = re.compile(r"\s*(- |\d+\. )")  # a list item's line keeps its indent: that is its nesting


class _TextMaker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        # One entry per open list: None for a bulleted list, else the number of its next item. Numbers are kept
        # because steps and questions are referred to by number ("do step 3").
        self.lists: list[int | None] = []
        self.after_marker = False  # a loose list's <li><p>: the paragraph goes on the marker's line

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "ul":
            self.lists.append(None)
        elif tag == "ol":
            start = dict(attrs).get("start") or "1"
            self.lists.append(int(start) if start.isdigit() else 1)
        if (tag in _BLOCKS or tag == "br") and not (tag == "p" and self.after_marker):
            self.parts.append("\n")
        self.after_marker = tag == "li"
        if tag == "li":
            number = self.lists[-1] if self.lists else None
            self.parts.append("  " * max(0, len(self.lists) - 1) + ("- " if number is None else f"{number}. "))
            if number is not None:
                self.lists[-1] = number + 1
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f"[{alt}]")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag in ("h1", "h2", "h3", "p", "table", "ul", "ol", "blockquote", "div"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.after_marker and not data.strip():
            return  # the newline between <li> and <p>: the marker already ends in a space
        self.after_marker = False
        self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html_text: str) -> str:
    maker = _TextMaker()
    maker.feed(html_text)
    maker.close()
    text = "".join(maker.parts).replace("\u200b", "")
    lines = [line.rstrip() if _LIST_ITEM.match(line) else line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
