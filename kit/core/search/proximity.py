"""A bonus for query words that a page holds side by side, unquoted: `immigration law` ranks the page on the law
(which says "immigration law") above the page on victims' rights, which says "immigration" and "law" apart.

Each pair of consecutive content words becomes a phrase query on the body (grammar words typed between them
keep their places: `plan on online` pairs `plan` and `online` two words apart), scored by tantivy's BM25 for
the phrase and scaled like the words' own queries (IDF among the language's own pages, search/idf.py) and by
PROXIMITY_WEIGHT. It is a should-clause beside the words' own queries: it reorders what the words found and
never lets a page in. The per-language fields are indexed with positions (documents.build_schema).

Tuned with benchmarks/ir_eval_bench.py on Cranfield and the judged set together (weights 0.25-4, slop 0-3,
body, title, headings, summary, teacher notes; a constant bonus per pair; the whole query as one phrase):
only the body, words exactly side by side, half weight gained on both. More weight or more fields lost on
both: pairs of common words ("trafficking in canada") are everywhere, and a phrase repeated in one page
outweighed what the words themselves said. A pair whose rarer word is on more than a tenth of the language's
pages is not built: such pairs ranked no better on either collection (a quarter and a tenth measured), and
each pair built is one more phrase query to match.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import tantivy

from kit.core.search.analysis import stems
from kit.core.search.idf import LanguageIdf

PROXIMITY_WEIGHT = 0.5
PROXIMITY_SLOP = 0
PROXIMITY_FIELD = "body"
MAX_PAIRS = 8  # a long question's first pairs: each pair is one phrase query per language searched
# A pair counts when its rarer word is on at most this share of the language's pages (or this few pages).
COMMON_SHARE = 0.1
FEW_PAGES = 3


@dataclass(frozen=True)
class Word:
    """A content word of the query as it is searched (its correction, when one was made), and how many grammar
    words were typed between it and the content word before it."""

    text: str
    gap: int = 0


def adjacent(
    words: Sequence[Word],
    langs: Sequence[str],
    schema: tantivy.Schema,
    doc_freq: Callable[[str, str], int],
    idf: LanguageIdf,
) -> list[tantivy.Query]:
    """Phrase queries for the pairs of consecutive content words, in each of `langs`."""
    queries: list[tantivy.Query] = []
    pairs = list(itertools.pairwise(words))[:MAX_PAIRS]
    for lang in langs:
        name = f"{PROXIMITY_FIELD}_{lang}"
        for first, second in pairs:
            head, tail = stems(lang, first.text), stems(lang, second.text)
            if not head or not tail or head[-1] == tail[0]:
                continue  # `trafficking trafficked`: one stem twice is no pair
            counts = [doc_freq(name, head[-1]), doc_freq(name, tail[0])]
            if not all(counts):
                continue  # a word no page's body holds: the phrase cannot match, the query is not built
            if min(counts) > max(FEW_PAGES, COMMON_SHARE * idf.pages(lang)):
                continue  # two common words ("trafficking in canada"): side by side everywhere, and the slowest
            key = [(0, head[-1]), (1 + second.gap, tail[0])]
            phrase = tantivy.Query.phrase_query(schema, name, key, slop=PROXIMITY_SLOP)
            queries.append(tantivy.Query.boost_query(phrase, PROXIMITY_WEIGHT * idf.phrase(lang, counts)))
    return queries
