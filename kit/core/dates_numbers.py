"""Dates and numbers as each of the kit's languages writes them: the one place the app, the printouts, the command
line and the classroom share take them from.

"6 December 2026" / « 6 décembre 2026 », "1,500.5" / « 1 500,5 », "23%" / « 23 % ». French puts a no-break space
(U+00A0) between thousands and before %, so a line never breaks inside a number; the figures register writes its
French values the same way (`number_style`, checked by `kit validate`). Printouts and the reading page pass the
resource's language, the interface passes its own (`kit.core.i18n.current_language`). No Qt, no `locale` module:
the system's C library may have no French locale installed, and the words must not depend on it.
"""

from __future__ import annotations

import datetime as dt
import re

NO_BREAK_SPACE = "\u00a0"
_MONTHS = {  # one string each keeps the two calendars side by side
    "en": "January February March April May June July August September October November December".split(),  # noqa: SIM905
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),  # noqa: SIM905
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def long_date(date: dt.date, language: str) -> str:
    """'6 December 2026', « 6 décembre 2026 » (« 1er janvier 2027 »: French writes the first as an ordinal), with a
    no-break space after the day."""
    months = _MONTHS.get(language, _MONTHS["en"])
    day = "1er" if language == "fr" and date.day == 1 else str(date.day)
    return f"{day}{NO_BREAK_SPACE}{months[date.month - 1]} {date.year}"  # « 6 / décembre » never split by a line


def typed_date(text: str, language: str) -> str:
    """A date a teacher typed (a packet's cover, `kit export-pdf --date`): one like 2026-12-06 written out in
    `language`, anything else ("Week 3", « lundi ») as typed."""
    text = text.strip()
    if _ISO_DATE.fullmatch(text):
        try:
            return long_date(dt.date.fromisoformat(text), language)
        except ValueError:  # 2026-02-30: not a day, so it is the teacher's text
            return text
    return text


def number(value: float, language: str, decimals: int | None = None) -> str:
    """`value` with the language's marks: '1,500.5' / « 1 500,5 ». `decimals` None: as many as the value has
    (1.5 → « 1,5 », 2.0 → « 2 »); else exactly that many (2.345, 2 → « 2,35 »)."""
    if decimals is None:
        written = format(int(value), ",") if float(value).is_integer() else format(value, ",")
    else:
        written = format(value, f",.{decimals}f")
    if language != "fr":
        return written
    return written.replace(",", NO_BREAK_SPACE).replace(".", ",")


def percent(value: float, language: str, decimals: int | None = None) -> str:
    """'23%' / « 23 % »."""
    return number(value, language, decimals) + (NO_BREAK_SPACE + "%" if language == "fr" else "%")


# How a number in a figure's text is miswritten for its language, and how to write it instead (a narrow no-break
# space, U+202F, is right in French too).
_MISWRITTEN = {
    "fr": (
        (re.compile(r"\d\.\d"), "a decimal comma: 1,5"),
        (re.compile(r"\d,\d{3}(?!\d)"), "a no-break space for thousands (1,500 is 1.5 in French): 1\\u00a0500"),
        (re.compile(r"\d \d"), "a no-break space between thousands, so the line never breaks: 1\\u00a0500"),
        (re.compile(r"\d ?%"), "a no-break space before %: 23\\u00a0%"),
    ),
    "en": ((re.compile(r"\d\s%"), "no space before %: 23%"),),
}


def number_style(text: str, language: str) -> str | None:
    """What is wrong with the numbers in `text` as `language` writes them (None: nothing)."""
    for pattern, advice in _MISWRITTEN.get(language, ()):
        if pattern.search(text):
            return advice
    return None
