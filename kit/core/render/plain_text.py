"""Sanitised HTML to readable plain text, for the command line, reading-level checks and search."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre", "table", "dt", "dd", "hr"}


class _TextMaker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.list_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("ul", "ol"):
            self.list_depth += 1
        if tag in _BLOCKS or tag == "br":
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("  " * max(0, self.list_depth - 1) + "- ")
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f"[{alt}]")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.list_depth = max(0, self.list_depth - 1)
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag in ("h1", "h2", "h3", "p", "table", "ul", "ol", "blockquote", "div"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html_text: str) -> str:
    maker = _TextMaker()
    maker.feed(html_text)
    maker.close()
    text = "".join(maker.parts).replace("\u200b", "")
    lines = [line.strip() if not line.lstrip().startswith("- ") else line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
