"""Highlighted snippets: the passage of a resource's student text with the most matched words, HTML-escaped,
matches in <b>…</b>.

Done here rather than with tantivy's SnippetGenerator, which re-runs the stemming analyser over the whole
stored text for every hit (about 0.15 ms each, the largest cost of a query). Here the text is lowercased and
accent-folded character for character and each stem is found with bytes.find (no regex compiled per query);
every form of a word lights up (`recruit` finds `recruiting`), except that a word typed with (or without)
accents lights up only as typed where that form is there (`traite`, not `traité`). Stored text is
already whitespace-normalised at indexing, so only the returned passage is re-spaced.
"""

from __future__ import annotations

import bisect
import functools
import html
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

SNIPPET_CHARS = 180
_LEAD = 40  # context kept before the first match
_MAX_MATCHES = 120  # enough to find a good passage; a page of "the" need not be walked
_MAX_PER_STEM = 40
_SUFFIX = 5  # a stem matches a word with up to this many more letters (recruit → recruiting)


@functools.cache
def _fold_bytes() -> bytes:
    """A 256-byte table for bytes.translate: Latin-1 letters with accents → their plain letter (é → e)."""
    table = bytearray(range(256))
    for code in range(0xC0, 0x100):
        base = unicodedata.normalize("NFKD", chr(code))[:1]
        if base.isascii() and base.isalpha() and base != chr(code):
            table[code] = ord(base)
    return bytes(table)


def _folded(text: str) -> bytes:
    """Lowercased, accent-folded text as one byte per character, so offsets are the text's own: Latin-1
    covers French and English (é ç ô à ...); anything else becomes "?" and cannot match a stem. Encoding and
    bytes.translate run in C; str.translate with a table runs ~50x slower on accented text."""
    lower = text.lower()
    if len(lower) != len(text):  # a rare letter whose lowercase is longer (İ): offsets would drift
        lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return lower.encode("latin-1", "replace").translate(_fold_bytes())


@dataclass(frozen=True)
class Scanned:
    """A text with its words as bytes, made once for a text shown again and again (`stored.StoredDocs`)."""

    text: str
    words: bytes  # " " + the folded text with every byte but ASCII letters and digits a space + " "


def scan(text: str) -> Scanned:
    return Scanned(text, b" " + _folded(text).translate(_word_bytes()) + b" ")


@functools.cache
def _word_bytes() -> bytes:
    """For bytes.translate on folded text: ASCII letters and digits stay (bytes.isalnum), the rest are spaces."""
    keep = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    return bytes(code if code in keep else 0x20 for code in range(256))


def _find(source: Scanned, stems: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the words that start with a stem (and run at most _SUFFIX letters past it), found with
    bytes.find: no regex compiled per query, C-speed scanning. In `source.words` " stem" is found only where a
    word starts, so "to" inside "stop" or "today" costs no Python step, and the next space ends the word."""
    words = source.words
    spans = []
    for stem in stems:
        if not (stem.isascii() and stem.isalnum()):
            continue  # not a Latin-script word: searchable, just not highlighted (the analysers make no other)
        needle = b" " + stem.encode("ascii")
        found, position, limit = 0, 0, len(stem) + (_SUFFIX if len(stem) > 2 else 0)
        while found < _MAX_PER_STEM and len(spans) < _MAX_MATCHES:
            start = words.find(needle, position)  # the space before the word: `words` is one byte ahead
            if start < 0:
                break
            position = start + 1
            end = words.find(b" ", start + len(needle), start + limit + 2)
            if end < 0:
                continue  # a longer word that merely starts the same way
            spans.append((start, end - 1))
            found += 1
    spans.sort()  # two stems found at one place found the same whole word
    merged: list[tuple[int, int]] = []
    for span in spans:  # "traffick" and "traffic" at the same place: keep the longer
        if not merged or span[0] >= merged[-1][1]:
            merged.append(span)
    return merged


def make_snippet(
    text: str | Scanned, stems: Iterable[str], fallback: str | Scanned = "", exact: Iterable[str] = ()
) -> str:
    """The best passage of `text` with the words matching `stems` in <b>. Where `text` matches nothing (only
    the title did), the `fallback` (the summary) with its matches in bold, else the start of `text`.
    `exact`: the words as typed; where a word's accents tell two words apart (`traite`, `traité`) and the
    typed form is there, other forms are not highlighted."""
    stems = sorted(set(stems))
    exact = set(exact)
    for source in (text, fallback) if stems else ():
        scanned = source if isinstance(source, Scanned) else scan(source)
        spans = _prefer_exact(scanned.text, _find(scanned, stems), exact) if scanned.text else []
        if spans:
            return _render(scanned.text, spans)
    return _plain(_plain_text(fallback) or _plain_text(text))


def _plain_text(text: str | Scanned) -> str:
    return text.text if isinstance(text, Scanned) else text


def _prefer_exact(text: str, spans: list[tuple[int, int]], exact: set[str]) -> list[tuple[int, int]]:
    if not exact or text.isascii():  # str.isascii is a flag lookup
        return spans
    accented = {text[a:b].lower() for a, b in spans if not text[a:b].isascii()}
    if not accented:
        return spans  # no word here differs from another by its accents alone
    forms: dict[bytes, set[str]] = {}
    for first, last in spans:
        word = text[first:last].lower()
        forms.setdefault(_folded(word), set()).add(word)
    drop: set[str] = set()
    for word in exact:
        seen = forms.get(_folded(word), set())
        if word in seen:
            drop |= seen - {word}
    return [(a, b) for a, b in spans if text[a:b].lower() not in drop] if drop else spans


def _render(text: str, spans: list[tuple[int, int]]) -> str:
    start, end = _best_window(text, spans)
    start = _word_start(text, max(0, start - _LEAD))
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    parts = ["…" if start > 0 else ""]
    position = start
    # Spans are sorted and apart, so those inside the passage run from the first at or after `start`.
    for first, last in spans[bisect.bisect_left(spans, (start, -1)) :]:
        if last > end:
            break
        parts.append(html.escape(text[position:first]))
        parts.append(f"<b>{html.escape(text[first:last])}</b>")
        position = last
    parts.append(html.escape(text[position:end]))
    parts.append("…" if end < len(text) else "")
    return " ".join("".join(parts).split())


def _best_window(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The span of SNIPPET_CHARS holding the most different matched words (then the most matches)."""
    if len(spans) == 1:  # most hits: one rare word matched once
        return spans[0]
    words = [text[a:b].lower() for a, b in spans]  # once each, not once per window holding it
    best = (0, 0, spans[0][0], spans[0][1])
    right, count, width = 0, len(spans), SNIPPET_CHARS - _LEAD
    for left, (first, _end) in enumerate(spans):
        right = max(right, left)
        while right + 1 < count and spans[right + 1][1] - first <= width:
            right += 1
        score = (len(set(words[left : right + 1])), right + 1 - left)
        if score > best[:2]:
            best = (*score, first, spans[right][1])
    return best[2], best[3]


def _word_start(text: str, index: int) -> int:
    if index == 0:
        return 0
    space = text.rfind(" ", max(0, index - 19), index)  # a space further back is not used: no need to look
    return space + 1 if space >= 0 else index


def _plain(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > SNIPPET_CHARS:
        text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return html.escape(text)
