"""Checking packs the way an author needs before sharing: load, index and render both editions, resolve every link.

It runs the same passes as indexing and rendering (docs/bounded-work.md), so what validates also indexes and
renders in bounded time; a page with no teacher blocks is rendered once for both editions (markup's cache).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kit.core.content.loader import Library, load_library
from kit.core.content.synonyms_file import read_groups
from kit.core.model import EDITIONS, Problem
from kit.core.render import answer_space, markup
from kit.core.render.index_text import markdown_to_text


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


def validate(roots: Sequence[Path]) -> Report:
    library = load_library(list(roots))
    problems = list(library.problems)
    for pack in library.packs:
        problems += read_groups(pack.path)[1]
    ids = {r.id for r in library.resources}
    for resource in library.resources:
        markdown_to_text(resource.body)  # the index's text pass: linear, and any future slip shows up here first
        problems.extend(_rules_meant_for_writing(resource))
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


def _line_of(resource, needle: str) -> int:
    index = resource.body.find(needle)
    return resource.body_line + (resource.body.count("\n", 0, index) if index >= 0 else 0)
