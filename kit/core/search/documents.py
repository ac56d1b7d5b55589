"""What the index holds for a resource: the schema, its fields (text from render.index_text, the linear
Markdown-to-text pass), and a content fingerprint. Teacher-only blocks go to their own field, which is searched
but never stored, so no snippet can show them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import tantivy

from kit.core.content.editions import split_teacher_blocks
from kit.core.model import Resource
from kit.core.render.index_text import MAX_INDEXED_CHARS as MAX_INDEXED_CHARS  # re-exported
from kit.core.render.index_text import markdown_to_text
from kit.core.search.analysis import LANGS, clean, title_key, tokenizer_name

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
