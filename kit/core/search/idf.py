"""IDF among the pages of one language, for the per-language fields of a mixed-language index.

Each language has its own fields (body_en, body_fr...), but tantivy's BM25 counts every page in N, whatever its
language. Seven French pages in a kit of 34 made every English word look rarer, and common words ("online",
"help": in most English pages) far more so than rare ones, so English results reordered when French pages were
installed. The planner scales each term query by the ratio of the IDF among the field language's pages to
tantivy's (IDF = log(1 + (N - n + 0.5) / (n + 0.5)), a phrase's the sum of its words').
"""

from __future__ import annotations

import math

import tantivy

from kit.core.search.analysis import LANGS


class LanguageIdf:
    """For one searcher: pages per language read once, document frequencies read per term."""

    def __init__(self, searcher: tantivy.Searcher):
        self._searcher = searcher
        total = searcher.num_docs
        # doc_freq counts deleted pages until segments merge: never more than the live total.
        self._pages = {lang: min(total, searcher.doc_freq("language", lang)) for lang in LANGS}
        self._total = total

    def scale(self, lang: str, field_name: str, key: tuple[str, ...]) -> float | None:
        """The factor for a query of `key` (stems; several make a phrase) in `field_name`, a field of `lang`;
        None when no page holds every word of it in that field (such a query cannot match: not worth building)."""
        own, total = self._pages.get(lang, 0), self._total
        ours = theirs = 0.0
        for term in key:
            n = self._searcher.doc_freq(field_name, term)
            if not n:
                return None
            if 0 < own < total:
                ours += max(0.0, math.log(1 + (own - n + 0.5) / (n + 0.5)))
                theirs += math.log(1 + (total - n + 0.5) / (n + 0.5))
        return ours / theirs if theirs > 0 else 1.0
