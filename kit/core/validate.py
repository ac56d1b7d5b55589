"""Checking packs the way an author needs before sharing: load, index and render both editions, resolve every link.

It runs the same passes as indexing and rendering (docs/bounded-work.md), so what validates also indexes and
renders in bounded time; a page with no teacher blocks is rendered once for both editions (markup's cache).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kit.core.content import figures, statistics
from kit.core.content.loader import Library, load_library
from kit.core.content.synonyms_file import read_groups
from kit.core.dates_numbers import number_style
from kit.core.model import EDITIONS, LANGUAGES, Problem
from kit.core.render import answer_space, markup
from kit.core.render.index_text import markdown_to_text

MAX_STATISTICS_REPORTED = 50  # per page: a page of 30,000 percentages gets 50 warnings and a count


@dataclass(frozen=True)
class Report:
    library: Library
    problems: tuple[Problem, ...]

    @property
    def clean(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        packs, resources = len(self.library.packs), len(self.library.resources)
        counted = f"{packs} pack{'s' if packs != 1 else ''}, {resources} resource{'s' if resources != 1 else ''}"
        if self.clean:
            return f"{counted}: no problems"
        errors = sum(1 for p in self.problems if p.severity == "error")
        return f"{counted}: {errors} error(s), {len(self.problems) - errors} warning(s)"


def validate(roots: Sequence[Path], today: dt.date | None = None) -> Report:
    """Every problem in the packs under `roots`; figures are judged fresh or stale as of `today` (default: now)."""
    library = load_library(list(roots))
    problems = list(library.problems)
    with_register = set()
    for pack in library.packs:
        problems += read_groups(pack.path)[1]
        register, _ = figures.read_register(pack.path)  # its own problems came with the library
        if register is not None:
            with_register.add(pack.id)
            problems += figures.stale(register, pack.figures_max_age_years, today or dt.date.today())
            problems += _numbers_miswritten(register)
    ids = {r.id for r in library.resources}
    for resource in library.resources:
        markdown_to_text(resource.body)  # the index's text pass: linear, and any future slip shows up here first
        problems.extend(_rules_meant_for_writing(resource))
        if resource.pack in with_register:
            problems.extend(_statistics_not_in_register(resource))
        seen: set[str] = set()
        for edition in EDITIONS:
            rendered = markup.render(resource, edition)
            for problem in rendered.problems:
                if str(problem) not in seen:
                    seen.add(str(problem))
                    problems.append(problem)
            for target in rendered.internal_links:
                message = f"link to 'kit:{target}', which does not exist"
                if target not in ids and message not in seen:
                    seen.add(message)
                    problems.append(
                        Problem(resource.path, _line_of(resource, f"kit:{target}"), message, "fix the id", "warning")
                    )
    problems.sort(key=lambda p: (str(p.path), p.line))
    return Report(library, tuple(problems))


def _numbers_miswritten(register: figures.Register) -> list[Problem]:
    """A figure printed with another language's number marks: « 1,500 » is one and a half to a French reader."""
    problems = []
    per_language = "; give it as value: {en: ..., fr: ...}"
    for figure in register.figures.values():
        for language in LANGUAGES:
            text = figure.value_in(language)
            if advice := number_style(text, language):
                problems.append(
                    Problem(
                        register.path,
                        figure.line,
                        f"figure '{figure.id}' reads '{text}' in {language}",
                        f"write {advice}" + ("" if language in figure.value else per_language),
                        "warning",
                    )
                )
    return problems


def _rules_meant_for_writing(resource) -> list[Problem]:
    """A line of underscores looks like a line to write on in the source, but Markdown prints it as a thin rule."""
    return [
        Problem(
            resource.path,
            resource.body_line + index,
            "this line of underscores (or dashes) prints as a thin rule, with no room to write",
            "for space to write in, use '!!! answer-lines N' (see resources/README.md)",
            "warning",
        )
        for index in answer_space.rule_lines(resource.body)
    ]


def _statistics_not_in_register(resource) -> list[Problem]:
    """A pack with a register promises every figure comes from it: a statistic typed into the text breaks that."""
    problems, more = [], 0
    for found in statistics.find(resource.written_body or resource.body):
        if len(problems) >= MAX_STATISTICS_REPORTED:
            more += 1
            continue
        problems.append(
            Problem(
                resource.path,
                resource.body_line + found.line_offset,
                f"'{found.text}' looks like a statistic but is not from {figures.FILE_NAME}",
                "add it to the register and write {{fig:id}} instead (see resources/README.md)",
                "warning",
            )
        )
    if more:
        message = f"{more} more numbers look like statistics not from {figures.FILE_NAME}"
        problems.append(Problem(resource.path, resource.body_line, message, "cite them from the register", "warning"))
    return problems


def _line_of(resource, needle: str) -> int:
    index = resource.body.find(needle)
    return resource.body_line + (resource.body.count("\n", 0, index) if index >= 0 else 0)
