"""HTML (from mammoth, or a saved web page's main content) to the kit's Markdown.

The HTML is first cleaned with the reader's own nh3 allow-list (kit.core.render.markup), so nothing the
reader would refuse reaches the Markdown: links keep only web and mail addresses, images only the
importer's own extracted files. markdownify then writes the Markdown; footnotes become `[^n]`.
"""

from __future__ import annotations

import re

from kit.core.importers.converted import IMAGE_DIR
from kit.core.render import links
from kit.core.render.markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

_DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "svg", "math", "noscript"}
# mammoth's footnote and endnote marks, notes and links back; endnotes are labelled e1, e2... in Markdown.
_FOOTNOTE = re.compile(r"^#(footnote|endnote)-(\d+)$")
_FOOTNOTE_BACK = re.compile(r"^#(footnote|endnote)-ref-\d+$")
_NOTE_ID = re.compile(r"^(footnote|endnote)-(\d+)$")
_INLINE_IMAGE_PARENTS = ["td", "th", "li", "p", "a", "strong", "em", "b", "i", "span", "sup", "sub", "u"]


def clean_html(html: str) -> str:
    """`html` with only the tags and attributes the reader allows, scripts and their text removed."""
    import nh3

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href":
            wanted = _FOOTNOTE.match(value) or _FOOTNOTE_BACK.match(value) or links.classify(value).kind == "external"
            return value if wanted else None
        if tag == "img" and attribute == "src":
            return value if value.startswith(f"{IMAGE_DIR}/") else None
        if attribute == "id":
            return value if _NOTE_ID.match(value) else None  # other ids mean nothing here
        if attribute in ("width", "height"):
            return None  # sizes were the page's; the reader fits images to its width
        return value

    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=_DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=attribute_filter,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


def html_to_markdown(html: str) -> str:
    """Cleaned Markdown for `html` (already or not yet cleaned: it is cleaned again here)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(clean_html(html), "html.parser")
    for image in soup.find_all("img"):
        if not image.get("src"):
            image.decompose()
            continue
        # The alt text sits inside [...] on one line in Markdown.
        image["alt"] = re.sub(r"[\[\]\s]+", " ", image.get("alt") or "").strip()[:200]
    converter_class = _converter_class()
    footnotes = _take_footnotes(soup, converter_class)
    converter = converter_class(
        heading_style="ATX",
        bullets="-",
        table_infer_header=True,
        keep_inline_images_in=_INLINE_IMAGE_PARENTS,
        escape_misc=False,
    )
    text = converter.convert_soup(soup)
    if footnotes:
        text += "\n\n" + "\n".join(f"[^{number}]: {note}" for number, note in footnotes)
    return tidy_markdown(text)


def tidy_markdown(text: str) -> str:
    """Trailing spaces off (except Markdown's two-space line breaks), at most one blank line in a row."""
    lines = [line if line.endswith("  ") and line.strip() else line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _label(kind: str, number: str) -> str:
    return number if kind == "footnote" else f"e{number}"


def _take_footnotes(soup, converter_class) -> list[tuple[str, str]]:
    """Replace mammoth's note marks by `[^n]` and take the notes out of the page, as (label, Markdown)."""
    notes: list[tuple[str, str]] = []
    for item in soup.find_all("li", id=_NOTE_ID):
        kind, number = _NOTE_ID.match(item["id"]).groups()
        for back in item.find_all("a", href=_FOOTNOTE_BACK):
            back.decompose()
        note = converter_class(escape_misc=False).convert("".join(str(part) for part in item.contents))
        notes.append((_label(kind, number), " ".join(note.split())))
        parent = item.parent
        item.decompose()
        if parent is not None and parent.name == "ol" and not parent.find("li"):
            parent.decompose()
    known = {label for label, _ in notes}
    for anchor in soup.find_all("a", href=_FOOTNOTE):
        label = _label(*_FOOTNOTE.match(anchor["href"]).groups())
        marker = f"[^{label}]" if label in known else ""
        (anchor.parent if anchor.parent is not None and anchor.parent.name == "sup" else anchor).replace_with(marker)
    return notes


def _converter_class():
    from markdownify import MarkdownConverter

    class Converter(MarkdownConverter):
        """markdownify, with struck-out text kept as HTML: the kit's Markdown has no `~~` syntax."""

        def convert_s(self, el, text, parent_tags):
            return f"<s>{text}</s>" if text.strip() else text

        convert_del = convert_strike = convert_s

    return Converter
