"""A pack's figures register (`figures.yaml`): every figure its text cites, with what it counts, its data year,
its source and the day it was checked, and the one way `{{fig:id}}` in a resource becomes that figure in words.

The register is read with the limits of every other pack file (size, YAML anchors and tags refused, bounded
nesting); a bad entry is a warning and is left out, so one typo never hides a pack. A pack without a register
still loads: its `{{fig:...}}` tokens stay as written and are reported. The format is in resources/README.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from kit.core.content.frontmatter import ReadError, read_yaml_file
from kit.core.dates_numbers import long_date
from kit.core.i18n import QT_TRANSLATE_NOOP, translate_for
from kit.core.model import LANGUAGES, Problem, Source
from kit.core.names import is_valid_id

FILE_NAME = "figures.yaml"
MAX_REGISTER_BYTES = 256_000  # ~70 figures with their sources take 25 KB; room for a large pack, not for 50 MB
MAX_FIGURES = 2_000
MAX_SHORT_TEXT = 60  # a value or a source's short name: it is printed inside a sentence
MAX_LONG_TEXT = 400  # what a figure counts, a title, an address
MAX_UNKNOWN_REPORTED = 50  # unknown ids listed per page; a page of 100,000 typos gets 50 warnings and a count
OLDEST_YEAR = 1900

# `{{fig:id}}`: the id part is bounded so a stray `{{fig:` in a long line is a short scan, never a slow one.
TOKEN = re.compile(r"\{\{fig:([^{}\s]{1,80})\}\}")
# What a value or a short name may hold: words, digits and the punctuation of numbers in English and French
# ("49.6 million", "4 500", "1 in 150", "95 %"). No brackets, tags or line breaks reach the Markdown.
_INLINE_TEXT = re.compile(r"[\w .,%$€£+\-–−/:'’\u00a0\u202f]+")
# Printed in the page's language (translate_for), never the interface's: the catalogue holds the French.
AS_OF = QT_TRANSLATE_NOOP("Figures", "as of {year}")
CHECKED = QT_TRANSLATE_NOOP("Figures", "Figures checked on {date}")


@dataclass(frozen=True)
class FigureSource:
    """Where figures come from: named once in the register, cited by every figure from it."""

    key: str
    title: str
    publisher: str
    date: str  # as the publisher dates it: "2024-11-01", "2024-11" or "2024"
    url: str
    short: Mapping[str, str]  # the name shown beside a figure, per language
    checked_via: str = ""  # the copy it was checked in, when the publisher's own page was not available
    max_age_years: int | None = None  # the freshness rule for its figures, when it publishes less often than yearly

    def short_name(self, language: str) -> str:
        return self.short.get(language) or self.short.get("en") or self.publisher


@dataclass(frozen=True)
class Figure:
    id: str
    value: Mapping[str, str]  # the figure as printed, per language ("49.6 million" / "49,6 millions")
    counts: str  # what the figure counts, for the author and the teacher
    as_of: int  # the data year (the year counted, not the year published)
    source: FigureSource
    checked: dt.date  # the day someone compared the figure with its source
    line: int  # where it is in figures.yaml
    max_age_years: int | None = None  # this figure's own freshness rule (a baseline year, a past event)

    def value_in(self, language: str) -> str:
        return self.value.get(language) or self.value["en"]

    def note(self, language: str) -> str:
        """'as of 2023, Statistics Canada' in the page's language."""
        as_of = translate_for(language, "Figures", AS_OF).format(year=self.as_of)
        return f"{as_of}, {self.source.short_name(language)}"

    def age(self, today: dt.date) -> int:
        return today.year - self.as_of


@dataclass(frozen=True)
class Register:
    path: Path
    figures: Mapping[str, Figure] = field(default_factory=dict)

    def get(self, figure_id: str) -> Figure | None:
        return self.figures.get(figure_id)


@dataclass(frozen=True)
class Expansion:
    """A body with its figures filled in, and what it cited."""

    text: str
    cited: tuple[str, ...]  # ids found in the register, in order of first use
    unknown: tuple[tuple[str, int], ...]  # (id, line offset in the body) of tokens the register does not have
    unknown_count: int = 0  # all such tokens; only the first MAX_UNKNOWN_REPORTED are listed


def read_register(pack_dir: Path) -> tuple[Register | None, list[Problem]]:
    """The pack's register and its problems (no file: no register, no problems). A file that cannot be read is an
    error and gives no register; a bad entry is a warning and is left out."""
    path = Path(pack_dir) / FILE_NAME
    if not path.is_file():
        return None, []
    try:
        if path.stat().st_size > MAX_REGISTER_BYTES:
            return None, [
                Problem(path, 1, f"{FILE_NAME} is larger than {MAX_REGISTER_BYTES // 1000} KB", "split the pack")
            ]
        data, _, warnings = read_yaml_file(path, max_bytes=MAX_REGISTER_BYTES)
    except (OSError, ReadError) as exc:
        line, message, hint = (exc.line, exc.message, exc.hint) if isinstance(exc, ReadError) else (1, str(exc), "")
        return None, [Problem(path, line, message, hint)]
    problems = [Problem(path, w.line, w.message, w.hint, "warning") for w in warnings]
    lines = _entry_lines(path)

    def warner(section: str) -> Warn:
        """Warnings about an entry of `section` point at that entry's line (a source and a figure may share an id)."""

        def warn(key: str, message: str, hint: str) -> None:
            line = lines.get((section, key)) or lines.get(("", key)) or 1
            problems.append(Problem(path, line, message, hint, "warning"))

        return warn

    for key in data:
        if key not in ("sources", "figures"):
            warner("")(str(key), f"unknown section '{key}'", "use 'sources:' and 'figures:' (see resources/README.md)")
    sources = {}
    for key, entry in _mapping(data.get("sources"), "sources", warner("")).items():
        if (source := _source(str(key), entry, warner("sources"))) is not None:
            sources[str(key)] = source
    figures: dict[str, Figure] = {}
    for key, entry in _mapping(data.get("figures"), "figures", warner("")).items():
        if len(figures) >= MAX_FIGURES:
            warner("")("figures", f"more than {MAX_FIGURES} figures; the rest are left out", "split the pack")
            break
        line = lines.get(("figures", str(key)), 1)
        if (figure := _figure(str(key), entry, sources, line, warner("figures"))) is not None:
            figures[figure.id] = figure
    return Register(path, MappingProxyType(figures)), problems


def expand(body: str, register: Register | None, language: str, plain: bool = False) -> Expansion:
    """Fill in each `{{fig:id}}` as 'value (as of YEAR, Source)'; unknown ids stay as written, to be reported.

    The note is marked up to be drawn smaller beside the figure; `plain` leaves it as text a teacher edits."""
    cited: dict[str, None] = {}  # ids in order of first use
    unknown: list[tuple[str, int]] = []
    counted = [0, 0, 0]  # offset lines were counted to, lines so far, unknown tokens in all

    def fill(match: re.Match[str]) -> str:
        figure = register.get(match.group(1)) if register else None
        if figure is None:
            counted[2] += 1
            if len(unknown) < MAX_UNKNOWN_REPORTED:  # counted as we go: never from the start for each token
                counted[1] += body.count("\n", counted[0], match.start())
                counted[0] = match.start()
                unknown.append((match.group(1), counted[1]))
            return match.group(0)
        cited.setdefault(figure.id, None)
        if plain:
            return f"{figure.value_in(language)} ({figure.note(language)})"
        return f'{figure.value_in(language)} <span class="figure-note">({figure.note(language)})</span>'

    text = TOKEN.sub(fill, body) if "{{fig:" in body else body
    return Expansion(text, tuple(cited), tuple(unknown), counted[2])


def sources_of(register: Register | None, ids: Iterable[str], listed: Iterable[Source] = ()) -> tuple[Source, ...]:
    """The sources of the cited figures not already `listed` (by address), as the page's Sources list shows them."""
    seen = {s.url for s in listed}
    result = []
    for figure_id in ids:
        figure = register.get(figure_id) if register else None
        if figure is None or figure.source.url in seen:
            continue
        seen.add(figure.source.url)
        source = figure.source
        result.append(
            Source(source.title, source.publisher, source.date[:4], source.url, figure.checked, source.checked_via)
        )
    return tuple(result)


def register_yaml(chosen: Iterable[Figure]) -> str:
    """A figures.yaml holding `chosen` and their sources: what a pack of a few shared resources carries along."""
    sources: dict[str, dict] = {}
    entries: dict[str, dict] = {}
    for figure in chosen:
        source = figure.source
        sources[source.key] = {
            "title": source.title,
            "publisher": source.publisher,
            "short": dict(source.short),
            "date": source.date,
            "url": source.url,
            **({"checked_via": source.checked_via} if source.checked_via else {}),
            **({"max_age_years": source.max_age_years} if source.max_age_years is not None else {}),
        }
        entries[figure.id] = {
            "value": dict(figure.value),
            "counts": figure.counts,
            "as_of": figure.as_of,
            "source": source.key,
            "checked": figure.checked.isoformat(),
            **({"max_age_years": figure.max_age_years} if figure.max_age_years is not None else {}),
        }
    return yaml.safe_dump({"sources": sources, "figures": entries}, allow_unicode=True, sort_keys=False, width=120)


def checked_on(register: Register | None, ids: Iterable[str]) -> dt.date | None:
    """The day the page's figures were checked: the earliest check among them, so no figure claims a later one."""
    dates = [f.checked for i in ids if register and (f := register.get(i))]
    return min(dates) if dates else None


def checked_line(date: dt.date, language: str) -> str:
    """'Figures checked on 6 December 2026' in the page's language."""
    return translate_for(language, "Figures", CHECKED).format(date=long_date(date, language))


def stale(register: Register, max_age_years: int, today: dt.date) -> list[Problem]:
    """A warning for each figure whose data year is older than its rule (its own, or the pack's)."""
    problems = []
    for figure in register.figures.values():
        limit = next((n for n in (figure.max_age_years, figure.source.max_age_years) if n is not None), max_age_years)
        if figure.age(today) > limit:
            problems.append(
                Problem(
                    register.path,
                    figure.line,
                    f"figure '{figure.id}' counts {figure.as_of}, {figure.age(today)} years ago; "
                    f"the freshness rule is {limit} years",
                    "look for newer data from the source and update the value, as_of and checked",
                    "warning",
                )
            )
    return problems


def _entry_lines(path: Path) -> dict[tuple[str, str], int]:
    """The line of each section, ("", "figures"), and of each entry in it, ("figures", "ca-incidents-2023")."""
    lines: dict[tuple[str, str], int] = {}
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return lines
    section = ""
    for number, line in enumerate(text.split("\n"), start=1):
        match = re.match(r"^( {2})?([a-z0-9][a-z0-9_-]{0,79}):", line)  # sections at 0, entries at 2 spaces
        if match and not match.group(1):
            section = match.group(2)
            lines.setdefault(("", section), number)
        elif match:
            lines.setdefault((section, match.group(2)), number)
    return lines


Warn = Callable[[str, str, str], None]


def _mapping(value: Any, key: str, warn: Warn) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        warn(key, f"'{key}' is not a list of 'id: fields' entries", "see resources/README.md")
        return {}
    return value


def _inline(value: Any, key: str, what: str, warn: Warn) -> str | None:
    """A value printed inside a sentence: short, one line, plain characters."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        warn(key, f"{what} of '{key}' should be text", 'write it in quotes: "..."')
        return None
    text = str(value).strip()
    if not text or len(text) > MAX_SHORT_TEXT or not _INLINE_TEXT.fullmatch(text):
        warn(key, f"{what} of '{key}' must be 1–{MAX_SHORT_TEXT} plain characters: {text[:80]!r}", "shorten it")
        return None
    return text


def _per_language(value: Any, key: str, what: str, warn: Warn) -> dict[str, str] | None:
    """A text, or one per language: {en: ..., fr: ...}. English is required: it is the fallback."""
    if isinstance(value, dict):
        result = {}
        for language, text in value.items():
            if language not in LANGUAGES:
                warn(key, f"{what} of '{key}' has an unknown language '{language}'", f"use {', '.join(LANGUAGES)}")
            elif (checked := _inline(text, key, what, warn)) is not None:
                result[language] = checked
        if "en" not in result:
            warn(key, f"{what} of '{key}' has no English ('en') text", "add en: ...")
            return None
        return result
    text = _inline(value, key, what, warn)
    return None if text is None else {"en": text}


def _long_text(entry: dict, field_name: str, key: str, warn: Warn, required: bool = True) -> str | None:
    value = entry.get(field_name)
    if value is None and not required:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        warn(key, f"'{key}' needs '{field_name}' (text)", f"add {field_name}: ...")
        return None
    text = " ".join(str(value).split())
    if len(text) > MAX_LONG_TEXT:
        warn(key, f"'{field_name}' of '{key}' is longer than {MAX_LONG_TEXT} characters", "shorten it")
        return None
    return text


def _source(key: str, entry: Any, warn: Warn) -> FigureSource | None:
    if not is_valid_id(key) or not isinstance(entry, dict):
        warn(key, f"source '{key}' should be an id (a-z, 0-9, -) with fields", "see resources/README.md")
        return None
    title = _long_text(entry, "title", key, warn)
    publisher = _long_text(entry, "publisher", key, warn)
    date = _long_text(entry, "date", key, warn)
    url = _long_text(entry, "url", key, warn)
    if url and not url.startswith(("https://", "http://")):
        warn(key, f"the url of source '{key}' is not a web address", "start it with https://")
        url = None
    short = _per_language(entry.get("short", publisher), key, "the short name", warn) if publisher else None
    via = _long_text(entry, "checked_via", key, warn, required=False)
    max_age = _max_age(entry, key, warn)
    if None in (title, publisher, date, url, short, via):
        return None
    return FigureSource(key, title, publisher, date, url, MappingProxyType(short), via, max_age)


def _max_age(entry: dict, key: str, warn: Warn) -> int | None:
    value = entry.get("max_age_years")
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 50):
        warn(key, f"'max_age_years' of '{key}' should be a whole number of years (1-50)", "write max_age_years: 5")
        return None
    return value


def _figure(key: str, entry: Any, sources: dict, line: int, warn: Warn) -> Figure | None:
    if not is_valid_id(key) or not isinstance(entry, dict):
        warn(key, f"figure '{key}' should be an id (a-z, 0-9, -) with fields", "see resources/README.md")
        return None
    value = _per_language(entry.get("value"), key, "the value", warn)
    counts = _long_text(entry, "counts", key, warn)
    as_of = entry.get("as_of")
    this_year = dt.date.today().year
    if isinstance(as_of, bool) or not isinstance(as_of, int) or not OLDEST_YEAR <= as_of <= this_year + 1:
        warn(key, f"'as_of' of '{key}' should be the data year, e.g. 2023", "write as_of: YYYY")
        as_of = None
    source = sources.get(str(entry.get("source")))
    if source is None:
        warn(key, f"figure '{key}' names source {entry.get('source')!r}, which is not under 'sources'", "fix it")
    checked = _checked(entry.get("checked"))
    if checked is None:
        warn(key, f"'checked' of '{key}' should be the date it was checked, YYYY-MM-DD", "write checked: 2026-12-06")
    max_age = _max_age(entry, key, warn)
    if None in (value, counts, as_of, source, checked):
        return None
    return Figure(key, MappingProxyType(value), counts, as_of, source, checked, line, max_age)


def _checked(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value is not None else None
    except ValueError:
        return None
