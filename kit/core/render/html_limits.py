"""Structure limits checked on sanitised HTML before it can reach Qt, whose layout is exponential in table nesting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

MAX_HTML_CHARS = 2_000_000
MAX_DEPTH = 48  # element nesting; 20,000 nested <div> take QTextDocument 12 s
MAX_TABLE_DEPTH = 3  # tables inside tables; 18 levels take 4 s, 40 more than a minute
MAX_IMAGES = 200  # per page; 20,000 images in one paragraph take 46 s
MAX_LIST_ITEMS = 2_000  # Qt lays out list items in quadratic time: 2,000 take 0.07 s, 10,000 take 3.5 s
MAX_TABLES = 1_000  # 6,000 small tables take 1.2 s
LONG_WORD = 60  # characters before a word gets break opportunities
VOID_TAGS = {"br", "hr", "img", "col", "wbr", "input", "meta", "link", "area", "base", "source"}


@dataclass(frozen=True)
class Verdict:
    problem: str | None  # None when the page is within every limit


class _Counter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = self.max_depth = 0
        self.table_depth = self.max_table_depth = 0
        self.images = 0
        self.list_items = 0
        self.tables = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "img":
            self.images += 1
        elif tag == "li":
            self.list_items += 1
        if tag in VOID_TAGS:
            return
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        if tag == "table":
            self.tables += 1
            self.table_depth += 1
            self.max_table_depth = max(self.max_table_depth, self.table_depth)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        self.depth = max(0, self.depth - 1)
        if tag == "table":
            self.table_depth = max(0, self.table_depth - 1)


def check(html_text: str) -> Verdict:
    """Say whether sanitised HTML is within the limits Qt can lay out quickly."""
    if len(html_text) > MAX_HTML_CHARS:
        return Verdict(f"the page is {len(html_text):,} characters of HTML (limit {MAX_HTML_CHARS:,})")
    counter = _Counter()
    counter.feed(html_text)
    counter.close()
    if counter.max_table_depth > MAX_TABLE_DEPTH:
        return Verdict(f"tables are nested {counter.max_table_depth} deep (limit {MAX_TABLE_DEPTH})")
    if counter.max_depth > MAX_DEPTH:
        return Verdict(f"elements are nested {counter.max_depth} deep (limit {MAX_DEPTH})")
    if counter.images > MAX_IMAGES:
        return Verdict(f"the page has {counter.images} images (limit {MAX_IMAGES})")
    if counter.list_items > MAX_LIST_ITEMS:
        return Verdict(f"the page has {counter.list_items:,} list items (limit {MAX_LIST_ITEMS:,})")
    if counter.tables > MAX_TABLES:
        return Verdict(f"the page has {counter.tables:,} tables (limit {MAX_TABLES:,})")
    return Verdict(None)


_TEXT_RUN = re.compile(r">([^<]+)<")
# A run with no break opportunity, found only from its first character (the look-behind), so each character is
# looked at once; then split into characters, an entity counting as one, so `&amp;` and `&#x3b;` are never cut.
# The atomic group commits to an entity (a name of at most 32) or to one character: no backtracking.
_LONG = re.compile(rf"(?<![^\s<>])[^\s<>]{{{LONG_WORD},}}")
_CHARS = re.compile(r"(?>&#?[0-9A-Za-z]{1,32};|[^\s<>])")
BREAK_EVERY = 30  # characters between the break opportunities put into a long word


def break_long_words(html_text: str) -> str:
    """Give very long words break opportunities (zero-width spaces) so one word cannot stall layout.

    Qt lays out a paragraph as a whole; a run it may not break (no space, or characters such as `;`, `&amp;`
    and control codes that Unicode forbids a break beside) costs tens of milliseconds per 20 KB on the GUI thread.
    """

    def split_word(match: re.Match[str]) -> str:
        chars = _CHARS.findall(match.group(0))
        if len(chars) < LONG_WORD:
            return match.group(0)
        return "\u200b".join("".join(chars[i : i + BREAK_EVERY]) for i in range(0, len(chars), BREAK_EVERY))

    return _TEXT_RUN.sub(lambda m: ">" + _LONG.sub(split_word, m.group(1)) + "<", html_text)
