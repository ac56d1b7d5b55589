"""Which language a word belongs to: the everyday vocabularies of English and French, beyond the kit's own text.

The word lists are the frequency lists pyspellchecker ships (MIT; counts from subtitles and Wikipedia), read
from its package data, never downloaded. Only words common enough to be trusted are kept (a rare list entry
like "waring" is more often a typo of "warning" than the surname), folded like the index folds (`réalités` →
`realites`). Loaded on first use: about 0.3 s, in the speller's background warm-up.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import json
import unicodedata
from collections.abc import Iterable

from kit.core.search.analysis import LANGS

# A word at least this common (occurrences per million words of its list) is a known word of the language:
# the kit never "corrects" it. "discord" (0.46) and "kink" (0.5) are words; "waring" (0.14) is a typo.
KNOWN_PER_MILLION = 0.3
# A word known in both lists belongs to one language only when it is this many times commoner there
# ("les" is 14,500 per million in French and 2.7 in English subtitles: French).
CLEAR_MARGIN = 10.0
# A list is one flat JSON object of 2.7 MB (English) or 2.5 MB (French). One json.loads of it holds the
# interpreter lock for 100-340 ms (measured on a shared 2-core machine), and the lists load on the search
# thread while the window shows its first page, so the window could not repaint for that long (issue 15).
# Parsed about 64 K characters at a time, the lock is handed over every few milliseconds.
SLICE_CHARS = 1 << 16


def _fold(word: str) -> str:
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@functools.cache
def frequencies(lang: str) -> dict[str, float]:
    """Folded word → occurrences per million, for the known words of `lang` (empty when the list is missing)."""
    try:
        data = (importlib.resources.files("spellchecker") / "resources" / f"{lang}.json.gz").read_bytes()
        counts = parse_counts(gzip.decompress(data).decode("utf-8"))
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return {}  # no list: corrections fall back to the kit's own vocabulary only
    total = sum(counts.values()) or 1
    floor = KNOWN_PER_MILLION * total / 1e6
    known: dict[str, float] = {}
    for word, count in counts.items():
        if count >= floor:
            folded = _fold(word.lower())
            if folded.isalpha():
                known[folded] = max(known.get(folded, 0.0), count * 1e6 / total)
    return known


def parse_counts(text: str) -> dict[str, int]:
    """What `json.loads(text)` gives for a list's one flat object {word: count}, parsed a slice at a time.

    Slices are cut at commas that look like the end of an entry (a digit before, a quote after). Such a comma
    inside a key or a nested value leaves its slice with an open string or bracket, which json refuses; then
    the whole text is parsed at once, so the result is always json's."""
    body = text.strip()
    if not (body.startswith("{") and body.endswith("}")):
        return json.loads(text)
    counts: dict[str, int] = {}
    start, end = 1, len(body) - 1
    try:
        while start < end:
            cut = _entry_end(body, start + SLICE_CHARS, end)
            counts.update(json.loads("{" + body[start:cut] + "}"))
            start = cut + 1
    except ValueError:
        return json.loads(text)
    return counts


def _entry_end(body: str, at: int, end: int) -> int:
    """The first comma from `at` with a digit before it and a quote after it (spaces aside), or `end`."""
    while True:
        comma = body.find(",", at, end)
        if comma < 0:
            return end
        before, after = comma - 1, comma + 1
        while before > 0 and body[before].isspace():
            before -= 1
        while after < end and body[after].isspace():
            after += 1
        if body[before].isdigit() and after < end and body[after] == '"':
            return comma
        at = comma + 1


def prepare() -> None:
    for lang in LANGS:
        frequencies(lang)


def is_known(word: str) -> bool:
    """A common word of English or French."""
    return any(word in frequencies(lang) for lang in LANGS)


def languages_of(word: str) -> set[str]:
    """The languages a word clearly belongs to: where it is known and not far rarer than in the other."""
    found = {lang: frequencies(lang).get(word, 0.0) for lang in LANGS}
    top = max(found.values())
    return {lang for lang, share in found.items() if share and share * CLEAR_MARGIN >= top}


def query_languages(votes: Iterable[set[str]], allowed: tuple[str, ...]) -> tuple[str, ...]:
    """The language(s) of a query from each word's languages: those most words belong to, among `allowed`.
    A query with no telling word (all typos, names) may be in any allowed language."""
    tally = dict.fromkeys(allowed, 0)
    for langs in votes:
        for lang in langs & set(allowed):
            tally[lang] += 1
    best = max(tally.values(), default=0)
    return tuple(lang for lang in allowed if tally[lang] == best) if best else allowed
