"""A pack's concept map (`synonyms.yaml`): the words people type for what the kit calls something else.

    same:                       # each group: words that mean the same; any one finds the others
      - [labour trafficking, labor trafficking, forced labour, travail forcé]
    words_for:                  # the kit's word: what people type for it (one way: typing it finds the kit's word)
      social media: [instagram, snapchat, tiktok, discord]

Expansion happens at query time, so editing the file needs no re-indexing: `SearchIndex.open` and `update`
read it again (a few small files, ~1 ms). Expanded words score below the words typed
(`query.SYNONYM_WEIGHT`), and every word of the file counts as a known word, never "corrected" as a typo
(`minecraft`, `romeo`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kit.core.content.synonyms_file import FILE_NAME, MAX_PHRASES, read_groups
from kit.core.model import Pack, Problem
from kit.core.search.analysis import clean, plain_tokens

__all__ = ["EMPTY", "FILE_NAME", "ConceptMap", "load", "read"]

Phrase = tuple[str, ...]  # folded words


@dataclass(frozen=True)
class ConceptMap:
    expansions: dict[Phrase, tuple[Phrase, ...]] = field(default_factory=dict)  # typed → also searched
    words: frozenset[str] = frozenset()  # every word of the file: terms and names, not typos
    longest: int = 0

    def find(self, tokens: list[str]) -> list[tuple[int, int, tuple[Phrase, ...]]]:
        """(start, end, phrases to search as well) for each phrase of the map in the typed words, longest first
        where two overlap ("romeo pimp" before "pimp")."""
        found: list[tuple[int, int, tuple[Phrase, ...]]] = []
        taken: set[int] = set()
        for size in range(min(self.longest, len(tokens)), 0, -1):
            for start in range(len(tokens) - size + 1):
                span = range(start, start + size)
                extra = self.expansions.get(tuple(tokens[start : start + size]))
                if extra and not taken.intersection(span):
                    found.append((start, start + size, extra))
                    taken.update(span)
        return sorted(found)


EMPTY = ConceptMap()


def _fold(phrase: str) -> Phrase:
    return tuple(plain_tokens(clean(phrase)))


def read(pack_dir: Path) -> tuple[ConceptMap, list[Problem]]:
    """The pack's concept map and what is wrong with its file (no file: an empty map, no problem)."""
    groups, problems = read_groups(pack_dir)
    folded = [([_fold(p) for p in typed], [_fold(p) for p in finds]) for typed, finds in groups]
    return _build(folded), problems


def _build(groups: Iterable[tuple[list[Phrase], list[Phrase]]]) -> ConceptMap:
    expansions: dict[Phrase, list[Phrase]] = {}
    for typed, finds in groups:
        for phrase in typed:
            if not phrase:
                continue
            extra = expansions.setdefault(phrase, [])
            extra += [f for f in finds if f and f != phrase and f not in extra]
    kept = dict(list(expansions.items())[:MAX_PHRASES])
    return ConceptMap(
        {k: tuple(v) for k, v in kept.items() if v},
        frozenset(w for phrase in kept for w in phrase),
        max((len(k) for k in kept), default=0),
    )


def load(packs: Iterable[Pack]) -> ConceptMap:
    """The concept maps of all packs as one (problems are `kit validate`'s to report)."""
    expansions: dict[Phrase, tuple[Phrase, ...]] = {}
    words: set[str] = set()
    for pack in packs:
        concept_map, _problems = read(pack.path)
        for phrase, extra in concept_map.expansions.items():
            expansions[phrase] = tuple(dict.fromkeys([*expansions.get(phrase, ()), *extra]))
        words |= concept_map.words
    return ConceptMap(expansions, frozenset(words), max((len(k) for k in expansions), default=0))
