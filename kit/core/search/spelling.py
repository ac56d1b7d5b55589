"""Typo tolerance and "did you mean", from the index's own vocabulary.

The vocabulary (every folded word of the kit) is put in a small in-memory tantivy index of one document per
word, so finding the words within one or two edits of a typo is tantivy's Levenshtein automaton walking a
term dictionary (about a millisecond on 200k words), not a Python loop. Among candidates the nearest wins,
then the one in the most documents.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

import tantivy

MIN_WORD = 4  # three letters are more often an abbreviation (dms, ado) than a typo
MAX_WORD = 30
_CANDIDATES = 100


def _spellable(word: str) -> bool:
    return MIN_WORD <= len(word) <= MAX_WORD and word.isalpha()


def max_edits(word: str) -> int:
    return 1 if len(word) <= 5 else 2


class Speller:
    """Built on first use (the first word not in the index), so opening an index stays instant; a caller
    that wants the first typo answered as fast as the rest calls `prepare()` in the background."""

    def __init__(self, vocabulary: Callable[[], Iterable[str]]):
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("term", stored=True, tokenizer_name="raw", index_option="basic")
        self._schema = builder.build()
        self._index = tantivy.Index(self._schema)
        self._known: set[str] = set()
        self._lock = threading.RLock()
        self._vocabulary: Callable[[], Iterable[str]] | None = vocabulary
        self._pending: set[str] = set()

    def prepare(self) -> None:
        with self._lock:
            if self._vocabulary is not None:
                vocabulary, self._vocabulary = self._vocabulary, None
                self._learn({*vocabulary(), *self._pending})
                self._pending.clear()

    def add(self, words: Iterable[str]) -> None:
        """Learn new words (after a file was re-indexed). Words that disappear stay known but are skipped when
        suggesting, because the main index no longer has them."""
        with self._lock:
            if self._vocabulary is not None:
                self._pending.update(words)
            else:
                self._learn(words)

    def _learn(self, words: Iterable[str]) -> None:
        with self._lock:
            new = {w for w in words if _spellable(w) and w not in self._known}
            if not new:
                return
            writer = self._index.writer(heap_size=15_000_000, num_threads=1)
            for word in sorted(new):
                writer.add_document(tantivy.Document(term=word))
            writer.commit()
            writer.wait_merging_threads()
            self._index.reload()
            self._known |= new

    def candidates(
        self, word: str, frequency, accept: Callable[[str], bool] | None = None
    ) -> list[tuple[str, int, int]]:
        """(candidate, edits, documents) for an unknown word, best first. `frequency(word) -> int` reads the
        live main index, so forgotten words (frequency 0) never come back as suggestions; `accept(word)`
        turns away words of the wrong language (then words one edit further are looked at)."""
        if not _spellable(word):
            return []
        self.prepare()
        searcher = self._index.searcher()
        for edits in range(1, max_edits(word) + 1):
            query = tantivy.Query.fuzzy_term_query(self._schema, "term", word, distance=edits)
            found = []
            for _score, address in searcher.search(query, _CANDIDATES, count=False).hits:
                term = searcher.doc(address).get_first("term")
                if term and term != word and (accept is None or accept(term)):
                    docs = frequency(term)
                    if docs > 0:
                        found.append((term, edits, docs))
            if found:
                # Nearest first (every candidate of this pass is at `edits`), then the most common.
                return sorted(found, key=lambda c: (-c[2], c[0]))
        return []
