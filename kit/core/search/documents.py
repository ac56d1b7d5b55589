"""What the index holds for a resource: the schema, a fast Markdown-to-text pass, and a content fingerprint.

Search text comes from a light regex pass, not the full render (python-markdown + nh3 cost ~5 ms a page;
this pass ~0.1 ms), so building stays well above 1,000 documents a second. It drops what the reader never
shows as text: HTML comments, scripts and styles, tags, link targets and image addresses. Teacher-only
blocks go to their own field, which is searched but never stored, so no snippet can show them.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass

import tantivy

from kit.core.content.editions import split_teacher_blocks
from kit.core.model import Resource
from kit.core.search.analysis import LANGS, clean, title_key, tokenizer_name

MAX_INDEXED_CHARS = 200_000  # the reader refuses bigger pages anyway

# Searched text fields, per language, and how much a match in each counts (BM25 per field, weighted and
# summed). A title is short, so BM25 already scores a word there high: weighting it more swamped the body
# (tuned with benchmarks/ir_eval_bench.py).
FIELD_BOOSTS = {"title": 1.0, "headings": 2.0, "summary": 2.0, "body": 1.0, "teacher": 0.5}
STORED_TEXT = {"title", "summary", "body"}
EXACT_FIELD = "exact_fr"


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in ("id", "kind", "language", "audience", "pack"):
        builder.add_text_field(name, stored=name != "pack", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("title_key", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("title_part", tokenizer_name="raw", index_option="basic")
    for lang in LANGS:
        for field in FIELD_BOOSTS:
            builder.add_text_field(f"{field}_{lang}", stored=field in STORED_TEXT, tokenizer_name=tokenizer_name(lang))
    # Every word as written (folded, not stemmed): the vocabulary for prefixes, typos and "did you mean".
    builder.add_text_field("words", tokenizer_name="kit_plain", index_option="freq")
    # French text with its accents, so `traite` ranks la traite above un traité (English needs no such field).
    builder.add_text_field(EXACT_FIELD, tokenizer_name="kit_exact", index_option="freq")
    return builder.build()


@dataclass(frozen=True)
class Extracted:
    headings: list[str]
    body: str  # student text
    teacher: str  # teacher-only text


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
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*(?:\{[^}\n]{0,200}\})?[ \t]*$", re.M)
_ADMONITION = re.compile(r'^!!!?[ \t]+[\w-]+(?:[ \t]+"([^"\n]*)")?.*$', re.M)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~).*$", re.M)
_RULE = re.compile(r"^[ \t]*(?:[-*_=][ \t]*){3,}$", re.M)
_TABLE_RULE = re.compile(r"^[ \t|:-]*-{3,}[ \t|:-]*$", re.M)
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
        text = _TABLE_RULE.sub("", text)
        text = _RULE.sub("", text)
    if "!!" in text:
        text = _ADMONITION.sub(lambda m: m.group(1) or "", text)
    headings = []
    if "#" in text:
        headings = [_inline(h) for h in _HEADING.findall(text)]
        text = _HEADING.sub(r"\1", text)
    if "|" in text:
        text = _table_cells(text)
    text = _LINE_MARKERS.sub("", text)
    text = _inline(text)
    text = _BLANK_LINES.sub("\n", text).strip()
    return text, [h for h in headings if h]


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


def extract(resource: Resource) -> Extracted:
    student, blocks = split_teacher_blocks(resource.body)
    body, headings = markdown_to_text(student)
    teacher = "\n".join(markdown_to_text(block)[0] for block in blocks)
    return Extracted(headings, clean(body), clean(teacher))


def title_parts(title: str) -> set[str]:
    """The sides of a colon, which someone might type as the title: "Glossary: words to know" → "glossary",
    "words to know"."""
    if ":" not in title:
        return set()
    head, _, tail = title.partition(":")
    return {k for k in (title_key(head), title_key(tail)) if k}


def make_document(resource: Resource) -> tantivy.Document:
    lang = resource.language if resource.language in LANGS else "en"
    extracted = extract(resource)
    title = clean(resource.title)
    summary = clean(resource.summary)
    # Topics are keywords like headings: they count as much, and like headings they are never shown.
    # The id is an author's slug of the subject (teacher-self-care): a keyword too.
    keywords = [*(t.replace("-", " ") for t in resource.topics), title_key(resource.id)]
    headings = "\n".join([*extracted.headings, *keywords])
    doc = tantivy.Document()
    doc.add_text("id", resource.id)
    doc.add_text("kind", resource.kind)
    doc.add_text("language", lang)
    doc.add_text("pack", resource.pack)
    for audience in resource.audience:
        doc.add_text("audience", audience)
    doc.add_text("title_key", title_key(title))
    # The id is an author's slug of the title (where-does-trafficking-happen): typed in full, it is the title.
    for part in title_parts(title) | {title_key(resource.id)}:
        doc.add_text("title_part", part)
    doc.add_text(f"title_{lang}", title)
    doc.add_text(f"summary_{lang}", summary)
    doc.add_text(f"headings_{lang}", headings)
    doc.add_text(f"body_{lang}", extracted.body)
    doc.add_text(f"teacher_{lang}", extracted.teacher)
    doc.add_text("words", "\n".join([title, summary, headings, extracted.body, extracted.teacher]))
    if lang == "fr":
        doc.add_text(EXACT_FIELD, "\n".join([title, summary, headings, extracted.body]))
    return doc


def fingerprint(resource: Resource) -> str:
    """Changes whenever anything the index holds for this resource changes."""
    parts = (
        resource.pack,
        resource.title,
        resource.kind,
        resource.summary,
        resource.language,
        "\x1e".join(resource.audience),
        "\x1e".join(resource.topics),
        resource.body,
    )
    data = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=12).hexdigest()
