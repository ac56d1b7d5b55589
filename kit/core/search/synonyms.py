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

from kit.core.content.frontmatter import ReadError, read_yaml_file
from kit.core.model import Pack, Problem
from kit.core.search.analysis import clean, plain_tokens

FILE_NAME = "synonyms.yaml"
MAX_PHRASE_WORDS = 6
MAX_PHRASES = 2_000
_KEYS = ("same", "words_for")

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


def _phrase(value) -> Phrase | None:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None
    words = tuple(plain_tokens(clean(str(value))))
    return words if 0 < len(words) <= MAX_PHRASE_WORDS else None


def read(pack_dir: Path) -> tuple[ConceptMap, list[Problem]]:
    """The pack's concept map and what is wrong with its file (no file: an empty map, no problem)."""
    path = Path(pack_dir) / FILE_NAME
    if not path.is_file():
        return EMPTY, []
    try:
        data, lines, warnings = read_yaml_file(path)
    except ReadError as exc:
        return EMPTY, [Problem(path, exc.line, exc.message, exc.hint)]
    problems = [Problem(path, w.line, w.message, w.hint, "warning") for w in warnings]

    def warn(key: str, message: str, hint: str) -> None:
        problems.append(Problem(path, lines.get(key, 1), message, hint, "warning"))

    for key in data:
        if key not in _KEYS:
            warn(str(key), f"unknown section '{key}'", "use 'same:' and 'words_for:' (see resources/README.md)")
    groups: list[tuple[list[Phrase], list[Phrase]]] = []  # (typed phrases, phrases they find)
    same = data.get("same") or []
    if not isinstance(same, list):
        warn("same", "'same' is not a list of groups", "write each group as - [word, other word]")
        same = []
    for group in same:
        phrases = _phrases(group, "same", warn)
        if len(phrases) < 2:
            warn("same", f"a group in 'same' needs two or more words: {group!r}", "add the other words or remove it")
        else:
            groups.append((phrases, phrases))
    words_for = data.get("words_for") or {}
    if not isinstance(words_for, dict):
        warn("words_for", "'words_for' is not a list of 'kit word: [what people type]'", "see resources/README.md")
        words_for = {}
    for target, typed in words_for.items():
        kit_word = _phrase(target)
        phrases = _phrases(typed if isinstance(typed, list) else [typed], "words_for", warn)
        if kit_word is None:
            warn("words_for", f"{target!r} is not a word or a phrase of at most {MAX_PHRASE_WORDS} words", "fix it")
        elif phrases:
            groups.append((phrases, [kit_word]))
    concept_map = _build(groups)
    if len(concept_map.expansions) > MAX_PHRASES:
        warn("same", f"more than {MAX_PHRASES} phrases; the rest are ignored", "keep the map to real synonyms")
    return concept_map, problems


def _phrases(values, key: str, warn) -> list[Phrase]:
    if not isinstance(values, list):
        warn(key, f"expected a list like [word, other word], found {values!r}", "put the words in [ ]")
        return []
    phrases = []
    for value in values:
        phrase = _phrase(value)
        if phrase is None:
            warn(key, f"{value!r} is not a word or a phrase of at most {MAX_PHRASE_WORDS} words", "fix or remove it")
        elif phrase not in phrases:
            phrases.append(phrase)
    return phrases


def _build(groups: Iterable[tuple[list[Phrase], list[Phrase]]]) -> ConceptMap:
    expansions: dict[Phrase, list[Phrase]] = {}
    for typed, finds in groups:
        for phrase in typed:
            extra = expansions.setdefault(phrase, [])
            extra += [f for f in finds if f != phrase and f not in extra]
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
