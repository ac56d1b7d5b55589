"""Completions of a word being typed: the commonest indexed words that start with it.

tantivy's `terms_with_prefix` walks every term with the prefix to rank them by document count: a few
microseconds for "traff", but 0.2-0.4 ms for a two- or three-letter start that hundreds of words share ("tra",
"con"), the largest cost of such a query. So the answers for those short starts are worked out in one walk of
the vocabulary, off the query path (`SearchIndex.warm`), and looked up; longer starts, or a table not built
yet, are walked as before. The table belongs to one searcher: a new commit starts without one.
"""

from __future__ import annotations

import tantivy

MIN_PREFIX = 2  # a single letter is never completed (query.parse)
SHORT_PREFIX = 3  # starts up to this long are looked up; a longer one has few enough words to walk
KEPT = 5  # completions kept per start: the planner asks for PREFIX_EXPANSIONS + 1


class Completions:
    def __init__(self, searcher: tantivy.Searcher, field: str = "words"):
        self._searcher = searcher
        self._field = field
        self._short: dict[str, list[tuple[str, int]]] | None = None

    def prepare(self) -> None:
        """Build the table of short starts (about 15 ms per 25k words)."""
        if self._short is not None:
            return
        table: dict[str, list[tuple[str, int]]] = {}
        # In tantivy's order (most documents first, then alphabetical), so each start's first KEPT words are
        # exactly what terms_with_prefix(start, limit=KEPT) returns.
        for term, docs in self._searcher.terms_with_prefix(self._field, ""):
            for size in range(MIN_PREFIX, min(SHORT_PREFIX, len(term)) + 1):
                kept = table.setdefault(term[:size], [])
                if len(kept) < KEPT:
                    kept.append((term, docs))
        self._short = table

    def top(self, prefix: str, limit: int) -> list[tuple[str, int]]:
        """The `limit` commonest words starting with `prefix`, with their document counts, commonest first."""
        table = self._short
        if table is not None and MIN_PREFIX <= len(prefix) <= SHORT_PREFIX and limit <= KEPT:
            return table.get(prefix, [])[:limit]
        return self._searcher.terms_with_prefix(self._field, prefix, limit=limit)
