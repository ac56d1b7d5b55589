"""The kit's content as plain, frozen values: packs, resources, sources and problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kit.core.dates_numbers import long_date
from kit.core.i18n import QT_TRANSLATE_NOOP, translate_for

KINDS = ("article", "handout", "guide", "media", "teacher")
KIND_LABELS = {
    "article": QT_TRANSLATE_NOOP("Model", "Article"),
    "handout": QT_TRANSLATE_NOOP("Model", "Handout"),
    "guide": QT_TRANSLATE_NOOP("Model", "Discussion guide"),
    "media": QT_TRANSLATE_NOOP("Model", "Media guide"),
    "teacher": QT_TRANSLATE_NOOP("Model", "Teacher note"),
}
AUDIENCES = ("grades-7-8", "grades-9-10", "grades-11-12", "educators")
AUDIENCE_LABELS = {
    "grades-7-8": QT_TRANSLATE_NOOP("Model", "Grades 7–8"),
    "grades-9-10": QT_TRANSLATE_NOOP("Model", "Grades 9–10"),
    "grades-11-12": QT_TRANSLATE_NOOP("Model", "Grades 11–12"),
    "educators": QT_TRANSLATE_NOOP("Model", "Educators"),
}
LANGUAGES = ("en", "fr")
LANGUAGE_LABELS = {"en": "English", "fr": "Français"}
EDITIONS = ("student", "teacher")
FIGURES_MAX_AGE_YEARS = 3  # a figure's data may be this many years old before `kit validate` warns (pack.yaml)


@dataclass(frozen=True)
class Problem:
    """Something wrong in a pack, said so an author can fix it."""

    path: Path
    line: int
    message: str
    hint: str = ""
    # An error skips the file; a warning lets it load. `kit validate` reports both.
    severity: str = "error"

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    def relative_to(self, base: Path) -> Problem:
        """The same problem with its path shown relative to `base` where it can be."""
        try:
            shown = self.path.resolve().relative_to(base.resolve())
        except ValueError:
            return self
        return Problem(shown, self.line, self.message, self.hint, self.severity)


ACCESSED = QT_TRANSLATE_NOOP("Model", "accessed {date}")
# Only that it was a copy: the address printed is the copy's, and figures.yaml names it in full for the author.
CHECKED_VIA = QT_TRANSLATE_NOOP("Model", "checked in a copy; the publisher's own page was not available")


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str = ""
    year: str = ""
    url: str = ""
    accessed: dt.date | None = None
    via: str = ""  # the copy the claim was checked in, when the publisher's own page was not available

    def citation(self, language: str = "en") -> str:
        """One line a reader can follow up: title, publisher, year, address, in the page's language."""
        parts = [self.title]
        if self.publisher:
            parts.append(self.publisher)
        if self.year:
            parts.append(str(self.year))
        # A part that ends with its own full stop ("n.d.", "Inc.") is not given a second one.
        text = ""
        for part in parts:
            if text:
                text += " " if text.endswith(".") else ". "
            text += part
        if self.url:
            text += f"{'' if text.endswith('.') else '.'} {self.url}"
        if self.via:
            text += " (" + translate_for(language, "Model", CHECKED_VIA) + ")"
        if self.accessed:
            accessed = long_date(self.accessed, language)
            text += " (" + translate_for(language, "Model", ACCESSED).format(date=accessed) + ")"
        return text


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    path: Path
    version: str = ""
    language: str = "en"
    description: str = ""
    license: str = ""
    figures_max_age_years: int = FIGURES_MAX_AGE_YEARS  # its figures register's freshness rule (content/figures.py)
    # (language, title, description) for the pack's other languages, from pack.yaml's `translations:`, so a French
    # session's welcome page and library name the pack in French.
    translations: tuple[tuple[str, str, str], ...] = ()

    def title_in(self, language: str) -> str:
        return next((title for lang, title, _ in self.translations if lang == language and title), self.title)

    def description_in(self, language: str) -> str:
        found = (text for lang, _, text in self.translations if lang == language and text)
        return next(found, self.description)


@dataclass(frozen=True)
class Resource:
    """One article, handout, guide, media guide or teacher note, as loaded and validated."""

    id: str
    title: str
    kind: str
    pack: str
    pack_dir: Path
    path: Path
    body: str
    body_line: int = 1  # line of the file where the Markdown body starts
    summary: str = ""
    audience: tuple[str, ...] = ()
    minutes: int | None = None
    topics: tuple[str, ...] = ()
    language: str = "en"
    content_warning: str | None = None
    sources: tuple[Source, ...] = ()
    updated: dt.date | None = None
    license: str = ""
    related: tuple[str, ...] = ()
    translation_of: str | None = None
    # Figures from the pack's register: `body` has them filled in; `written_body` is the text as the author wrote
    # it ("" when no figure was filled in), which `kit validate` checks for statistics not from the register.
    figures: tuple[str, ...] = ()
    figures_checked: dt.date | None = None
    written_body: str = ""

    @property
    def kind_label(self) -> str:
        """The kind in the resource's own language (a French handout is a « Fiche », whatever the interface)."""
        return translate_for(self.language, "Model", KIND_LABELS.get(self.kind, self.kind.title()))

    @property
    def audience_label(self) -> str:
        return ", ".join(translate_for(self.language, "Model", AUDIENCE_LABELS.get(a, a)) for a in self.audience)

    @property
    def is_for_students(self) -> bool:
        return any(a != "educators" for a in self.audience)
