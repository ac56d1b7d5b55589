"""Finding numbers in a resource's text that read as statistics (a share, a count of people or incidents, a rate),
so `kit validate` can ask that each come from the figures register instead of being typed into the page.

A heuristic on purpose: it looks for digits followed by what a statistic counts, in English and French, and
ignores `{{fig:...}}` tokens, link addresses, section numbers of the law, phone numbers and years. Every pattern is
a plain alternation with bounded repeats, so one pass over a 1 MB page stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kit.core.content.figures import TOKEN

# Not after "$": an amount of money ("$20 million in assets") is a threshold or a budget, not a statistic.
_NUMBER = r"(?<![\w.,/:$-])\d{1,3}(?:(?:[,\u00a0\u202f ]\d{3})+|\d{0,6})(?:[.,]\d{1,3})?"
_GAP = r"[ \u00a0\u202f]{0,2}"
_NOT_MONEY = r"(?!\s{0,8}(?:\$|dollars|de\s{1,8}dollars))"  # French puts the dollars after: "20 millions $"
_WORD_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
_MOT_NOMBRE = r"(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)"
_SUR = r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix)"  # "sur un" is a place, never a share
_COUNTED = (
    r"incidents?|victims?|cases|people|persons|children|girls|boys|women|men|countries|"
    r"victimes?|cas|personnes|enfants|filles|garçons|femmes|hommes|pays"
)
STATISTIC = re.compile(
    rf"{_NUMBER}{_GAP}(?:%|per ?cent\b|pour ?cent\b)"  # 38%, 95 %, 25 per cent
    rf"|{_NUMBER}{_GAP}(?:million|millions|billion|milliards?)\b{_NOT_MONEY}"  # 49.6 million, not 20 millions $
    rf"|{_NUMBER} (?:in|out of|sur) \d{{1,6}}\b"  # 9 in 10, 95 out of 100, 1 sur 3
    rf"|\b{_WORD_NUMBER}[ -](?:in|out of) (?:{_WORD_NUMBER}|\d{{1,6}})\b"  # nine in ten
    rf"|\b(?:one|two)[ -]thirds?\b|\bone[ -]quarter\b|\ba quarter of\b"  # one-third of victims
    rf"|\b{_MOT_NOMBRE}(?: [a-zé]{{1,12}}){{0,2}} sur (?:{_SUR}|\d{{1,6}})\b"  # neuf victimes sur dix
    rf"|\b(?:{_WORD_NUMBER}|\d{{1,3}}) times (?:as|more)\b|\b(?:{_SUR}|\d{{1,3}}) fois plus\b"  # three times as likely
    rf"|{_NUMBER} (?:per|pour) 100[,\u00a0\u202f ]?000\b"  # 1.4 per 100,000
    rf"|{_NUMBER}(?: [a-zé-]{{1,20}}){{0,2}} (?:{_COUNTED})\b",  # 570 incidents, 336 victims, 200,000 detected victims
    re.IGNORECASE,
)
_IGNORED = re.compile(r"\]\([^()\n]{0,2000}\)|https?://\S{1,2000}|\bs\. ?\d[\d.()a-z]{0,20}", re.IGNORECASE)


@dataclass(frozen=True)
class Statistic:
    text: str
    line_offset: int  # lines after the start of the body


def find(body: str) -> Iterator[Statistic]:
    """Each statistic-like number in `body` (the Markdown as written) that is not a `{{fig:...}}` token."""
    blanked = _IGNORED.sub(_blank, TOKEN.sub(_blank, body))
    for match in STATISTIC.finditer(blanked):
        if _is_year(match.group(0)):
            continue
        yield Statistic(" ".join(match.group(0).split()), body.count("\n", 0, match.start()))


def _blank(match: re.Match[str]) -> str:
    """Spaces of the same length keep every later offset (and so every line number) where it was."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _is_year(text: str) -> bool:
    """'In 2022 people ...' counts nothing: a four-digit year directly before the counted word is not a statistic."""
    first = text.split()[0] if text.split() else ""
    return len(first) == 4 and first.isdigit() and 1900 <= int(first) <= 2100 and "%" not in text
