"""IDF among the pages of one language, for the per-language fields of a mixed-language index.

Each language has its own fields (body_en, body_fr...), but tantivy's BM25 counts every page in N, whatever its
language. Seven French pages in a kit of 34 made every English word look rarer, and common words ("online",
"help": in most English pages) far more so than rare ones, so English results reordered when French pages were
installed. The planner scales each term query by the ratio of the IDF among the field language's pages to
tantivy's (IDF = log(1 + (N - n + 0.5) / (n + 0.5)), a phrase's the sum of its words').
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import tantivy

from kit.core.search.analysis import LANGS


class LanguageIdf:
    """For one searcher: pages per language, read once."""

    def __init__(self, searcher: tantivy.Searcher):
        total = searcher.num_docs
        # doc_freq counts deleted pages until segments merge: never more than the live total.
        self._pages = {lang: min(total, searcher.doc_freq("language", lang)) for lang in LANGS}
        self._total = total
        self._words: dict[tuple[str, int], float] = {}  # (language, n) → ratio for one word: worked out once

    def pages(self, lang: str) -> int:
        """How many pages are in `lang` (every page, when the index holds one language only)."""
        return self._pages.get(lang) or self._total

    def word(self, lang: str, n: int) -> float:
        """The factor for a word found in `n` (> 0) pages' field of `lang` (the common case, asked per field)."""
        factor = self._words.get((lang, n))
        if factor is None:
            factor = self._words[(lang, n)] = self.phrase(lang, (n,))
        return factor

    def phrase(self, lang: str, counts: Sequence[int]) -> float:
        """The factor for words (a phrase) found in `counts` pages' field of `lang`, each count > 0."""
        own, total = self._pages.get(lang, 0), self._total
        if not 0 < own < total:
            return 1.0  # one language only (or none of this one): tantivy's N is already the language's
        ours = sum(max(0.0, math.log(1 + (own - n + 0.5) / (n + 0.5))) for n in counts)
        theirs = sum(math.log(1 + (total - n + 0.5) / (n + 0.5)) for n in counts)
        return ours / theirs if theirs > 0 else 1.0
