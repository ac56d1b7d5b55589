"""Finding numbers in a resource's text that read as statistics (a share, a count of people or incidents, a rate),
so `kit validate` can ask that each come from the figures register instead of being typed into the page.

A heuristic on purpose: digits followed by what a statistic counts, or a ratio in words, in English and French;
`{{fig:...}}` tokens, link addresses, sections of the law, money and years are left alone.

Linear by construction (docs/bounded-work.md): one pass finds whole numbers with possessive quantifiers and no
start inside a number, so a run of "1 000 000 …" is read once; what follows each number is then matched at that
spot with bounded repeats only. Ratios in words are a second pass of the same kind. Line numbers are counted as
the passes go, never from the start of the text for each find.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kit.core.content.figures import TOKEN

# A number: "570", "4,500", "4 500", "49.6", "1,4". Not after a letter, digit, "$" or separator (so never from
# the middle of another number or of "s. 279.01"), and possessive, so a failed match gives nothing back.
_NUMBER = re.compile(r"(?<![\w.,/:$-])\d{1,3}(?:(?:[,\u00a0\u202f ]\d{3})++|\d{0,6}+)(?:[.,]\d{1,3}+)?+")
_GAP = r"[ \u00a0\u202f]{0,2}"
_NOT_MONEY = r"(?!\s{0,8}(?:\$|dollars|de\s{1,8}dollars))"  # French puts the dollars after: "20 millions $"
_COUNTED = (
    r"incidents?|victims?|cases|people|persons|children|girls|boys|women|men|countries|"
    r"victimes?|cas|personnes|enfants|filles|garçons|femmes|hommes|pays"
)
# What makes the number just found a statistic, matched where the number ends.
_AFTER_NUMBER = re.compile(
    rf"{_GAP}(?:%|per ?cent\b|pour ?cent\b)"  # 38%, 95 %, 25 per cent
    rf"|{_GAP}(?:million|millions|billion|milliards?)\b{_NOT_MONEY}"  # 49.6 million, not 20 millions $
    r"| (?:in|out of|sur) \d{1,6}\b"  # 9 in 10, 95 out of 100, 1 sur 3
    r"| (?:per|pour) 100[,\u00a0\u202f ]?000\b"  # 1.4 per 100,000
    r"| times (?:as|more)\b| fois plus\b"  # 3 times as likely
    rf"|(?: [a-zé-]{{1,20}}){{0,2}} (?:{_COUNTED})\b",  # 570 incidents, 200,000 detected victims
    re.IGNORECASE,
)
_ONE_TO_TEN = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
_UN_A_DIX = r"(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)"
_SUR = r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix)"  # "sur un" is a place, never a share
_IN_WORDS = re.compile(
    rf"\b{_ONE_TO_TEN}[ -](?:in|out of) (?:{_ONE_TO_TEN}|\d{{1,6}})\b"  # nine in ten
    r"|\b(?:one|two)[ -]thirds?\b|\bone[ -]quarter\b|\ba quarter of\b"  # one-third of victims
    rf"|\b{_UN_A_DIX}(?: [a-zé]{{1,12}}){{0,2}} sur (?:{_SUR}|\d{{1,6}})\b"  # neuf victimes sur dix
    rf"|\b(?:{_ONE_TO_TEN}|deux|trois|quatre|cinq) (?:times (?:as|more)|fois plus)\b",  # three times as likely
    re.IGNORECASE,
)
_IGNORED = re.compile(r"\]\([^()\n]{0,2000}\)|https?://[^\s)]{1,2000}|\bs\. ?\d[\d.()a-z]{0,20}", re.IGNORECASE)


@dataclass(frozen=True)
class Statistic:
    text: str
    line_offset: int  # lines after the start of the body


def find(body: str) -> Iterator[Statistic]:
    """Each statistic-like number in `body` (the Markdown as written) that is not a `{{fig:...}}` token, in order."""
    text = _IGNORED.sub(_blank, TOKEN.sub(_blank, body))
    found = sorted([*_numbers(text), *((m.start(), m.end()) for m in _IN_WORDS.finditer(text))])
    line, counted_to, reported_to = 0, 0, 0
    for start, end in found:
        if start < reported_to:
            continue  # inside one already reported: "1,4 pour 100 000 personnes" is one statistic, not two
        reported_to = end
        line += text.count("\n", counted_to, start)
        counted_to = start
        yield Statistic(" ".join(text[start:end].split()), line)


def _numbers(text: str) -> Iterator[tuple[int, int]]:
    for number in _NUMBER.finditer(text):
        after = _AFTER_NUMBER.match(text, number.end())
        if after and not _is_year(number.group(0), after.group(0)):
            yield number.start(), after.end()


def _blank(match: re.Match[str]) -> str:
    """Spaces of the same length keep every later offset (and so every line number) where it was."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _is_year(number: str, after: str) -> bool:
    """'In 2022 people …' counts nothing: a year before the counted word is not a statistic (a share still is)."""
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100 and "%" not in after
