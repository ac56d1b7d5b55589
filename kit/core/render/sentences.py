"""Splitting a page's text into the sentences read aloud one at a time (kit.ui.read_aloud highlights each).

Works on the text as the reader holds it (Qt's plain text of the page: one line per paragraph, heading, list item
or table cell), so each sentence is a (start, end) span of that text. A line break always ends a sentence (a
heading or a list item has no full stop); inside a line, a sentence ends at . ! ? or … followed by a space and
what can start a sentence, except after an abbreviation (e.g., Dr., M., p. ex.), an initial or a number.
Bounded work: one pass over the text, and a sentence never grows past MAX_SENTENCE_CHARS (a voice would read
an unbroken 50 000-character line for many minutes with nothing highlighted moving)."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SENTENCE_CHARS = 600  # a very long run is cut at a space after this many characters
# Words that end with a full stop without ending the sentence; lowercase, without the stop.
ABBREVIATIONS = {
    "en": {"e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "st", "approx", "cf"},
    "fr": {"p. ex", "ex", "etc", "m", "mm", "mme", "mmes", "mlle", "dr", "st", "ste", "env", "cf", "c.-à-d", "al"},
}
# Abbreviations only before a number ("No. 5", "p. 12", "art. 279"): "and no. Then" still ends a sentence.
BEFORE_NUMBERS = {"no", "n", "p", "pp", "fig", "ch", "sec", "art", "vol"}
# A run of stops is matched once, from its first character, without backtracking (linear on "......").
_END = re.compile(r"(?<![.!?…])([.!?…]++)((?:\s?[»”’\"')\]])*+)(\s+)")  # French puts a (non-breaking) space before »
_OPENS = re.compile(r"[\"«“‘'(\[¿¡]*\s*[A-ZÀ-ÖØ-Þ0-9]")  # what a new sentence can start with


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # exclusive; the span has no leading or trailing space
    text: str


def _ends_with_word(head: str, word: str) -> bool:
    return head.endswith(word) and (len(head) == len(word) or not head[-len(word) - 1].isalnum())


def _abbreviation_before(text: str, stop: int, after: str, language: str) -> bool:
    """Whether the full stop at `stop` ends an abbreviation, an initial (J. Smith) or "No." before a number."""
    words = ABBREVIATIONS.get(language, set()) | ABBREVIATIONS["en"]
    head = text[max(0, stop - 12) : stop].lower()
    if any(_ends_with_word(head, word) for word in words):
        return True
    if after[:1].isdigit() and any(_ends_with_word(head, word) for word in BEFORE_NUMBERS):
        return True
    last = re.search(r"(\w+)$", head)
    return bool(last) and len(last.group(1)) == 1 and last.group(1).isalpha()  # an initial: "J." "A."


def _cut_long(start: int, end: int, text: str) -> list[tuple[int, int]]:
    spans = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def split_sentences(text: str, language: str = "en", offset: int = 0) -> list[Sentence]:
    """The sentences of `text` in order; positions are `offset` + the index in `text`."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        begin = line_start
        for match in _END.finditer(line):
            stop = match.start(1)
            after = line[match.end() : match.end() + 1]  # never a copy of the rest: that would be quadratic
            if not _OPENS.match(line, match.end()):
                continue  # "3.5 km", "e.g. this", "…and then": not an end
            if match.group(1) == "." and _abbreviation_before(line, stop, after, language):
                continue
            spans.append((begin, line_start + match.end(2)))
            begin = line_start + match.end()
        spans.append((begin, line_start + len(line)))
        line_start += len(line) + 1
    sentences = []
    for start, end in spans:
        # Trim spaces (and the non-breaking ones French puts before ? and !) at both ends.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and any(character.isalnum() for character in text[start:end]):
            for piece_start, piece_end in _cut_long(start, end, text):
                piece = text[piece_start:piece_end].strip()
                if piece:
                    lead = len(text[piece_start:piece_end]) - len(text[piece_start:piece_end].lstrip())
                    first = piece_start + lead
                    sentences.append(Sentence(offset + first, offset + first + len(piece), piece))
    return sentences


_NOT_SPOKEN = re.compile(r"^[^\w\"«“‘(]+(?=\w)|[\ufffc☐☑☒✓✔]")  # a leading bullet, tick boxes, pictures


def speakable(text: str) -> str:
    """What the voice is given for a sentence: without the list bullet, tick boxes or pictures it starts with."""
    return _NOT_SPOKEN.sub(" ", text).strip() or text


def sentence_at(sentences: list[Sentence], position: int) -> int:
    """The index of the sentence holding `position`, or of the first one after it (the reading starts there)."""
    for index, sentence in enumerate(sentences):
        if position < sentence.end:
            return index
    return max(0, len(sentences) - 1)
