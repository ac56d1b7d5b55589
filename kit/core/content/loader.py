"""Loading packs from disk into frozen Resource values, reporting every problem and skipping bad files.

Roots are loaded in order of precedence and the first pack or resource with an id wins; every later one with
that id is hidden and recorded in `Library.hidden`, so nothing can take the place of another unseen. The kit's
order (paths.Locations.library_roots): the teacher's own material, imported packs in import order, then bundled.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kit.core.content import figures
from kit.core.content.fields import KNOWN_FIELDS, FieldError, validated_fields
from kit.core.content.frontmatter import ReadError, read_resource_file, read_yaml_file
from kit.core.model import FIGURES_MAX_AGE_YEARS, LANGUAGES, Pack, Problem, Resource
from kit.core.names import is_valid_id

MAX_FILES_PER_PACK = 5_000
SKIPPED_NAMES = {"readme.md", "license.md", "changelog.md"}


@dataclass(frozen=True)
class Hidden:
    """A pack or resource not loaded because one earlier in precedence has its id."""

    kind: str  # "pack" or "resource"
    id: str
    path: Path  # the file that was hidden (pack.yaml or the resource's file)
    pack: str  # the hidden one's pack id
    by_path: Path  # the file that is shown instead
    by_pack: str

    def describe(self) -> str:
        """One line for a teacher: which is hidden by which."""
        if self.kind == "pack":
            return f"pack '{self.id}' in {self.path.parent} is hidden by the pack in {self.by_path.parent}"
        return f"resource '{self.id}' of pack '{self.pack}' is hidden by the one in pack '{self.by_pack}'"


@dataclass(frozen=True)
class Library:
    """Everything loaded from a set of resource folders, plus what was wrong with them."""

    packs: tuple[Pack, ...]
    resources: tuple[Resource, ...]
    problems: tuple[Problem, ...]
    hidden: tuple[Hidden, ...] = ()

    def hidden_in(self, pack_id: str) -> tuple[Hidden, ...]:
        """What of pack `pack_id` is hidden by something else."""
        return tuple(h for h in self.hidden if h.pack == pack_id)

    def get(self, resource_id: str) -> Resource | None:
        for resource in self.resources:
            if resource.id == resource_id:
                return resource
        return None

    def pack(self, pack_id: str) -> Pack | None:
        return next((p for p in self.packs if p.id == pack_id), None)

    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


def find_pack_dirs(roots: Iterable[Path]) -> Iterator[Path]:
    """Yield each pack folder: a root that holds pack.yaml, or its sub-folders that do."""
    for root in roots:
        if (root / "pack.yaml").is_file():
            yield root
            continue
        try:
            children = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
        except OSError:
            continue
        for child in children:
            if (child / "pack.yaml").is_file():
                yield child


def load_library(roots: Sequence[Path]) -> Library:
    """Load every pack under `roots`. Never raises for bad content: problems are collected."""
    packs: list[Pack] = []
    resources: list[Resource] = []
    problems: list[Problem] = []
    for root in roots:
        if not root.exists():
            problems.append(Problem(root, 0, "folder does not exist", "check the path"))
        elif not root.is_dir():
            problems.append(Problem(root, 0, "not a folder", "give the folder that holds pack.yaml"))
        elif not (root / "pack.yaml").is_file() and not any(find_pack_dirs([root])):
            problems.append(
                Problem(root, 0, "no pack found here (no pack.yaml)", "add a pack.yaml, see resources/README.md")
            )
    seen: dict[str, Resource] = {}
    hidden: list[Hidden] = []
    for pack_dir in find_pack_dirs(roots):
        pack, pack_problems = load_pack_info(pack_dir)
        problems.extend(pack_problems)
        if pack is None:
            continue
        if first := next((p for p in packs if p.id == pack.id), None):
            hidden.append(Hidden("pack", pack.id, pack_dir / "pack.yaml", pack.id, first.path / "pack.yaml", first.id))
            problems.append(
                Problem(
                    pack_dir / "pack.yaml",
                    1,
                    f"pack id '{pack.id}' is already used by another pack",
                    "give this pack another id",
                )
            )
            continue
        packs.append(pack)
        for resource, file_problems in _load_pack_files(pack):
            problems.extend(file_problems)
            if resource is None:
                continue
            if shown := seen.get(resource.id):
                hidden.append(Hidden("resource", resource.id, resource.path, pack.id, shown.path, shown.pack))
                problems.append(
                    Problem(
                        resource.path,
                        1,
                        f"id '{resource.id}' is already used by {shown.path}",
                        "rename one of the files",
                    )
                )
                continue
            seen[resource.id] = resource
            resources.append(resource)
    problems.extend(_check_references(resources))
    return Library(tuple(packs), tuple(resources), tuple(problems), tuple(hidden))


def load_pack_info(pack_dir: Path) -> tuple[Pack | None, list[Problem]]:
    path = pack_dir / "pack.yaml"
    try:
        meta, lines, warnings = read_yaml_file(path)
    except ReadError as exc:
        return None, [Problem(path, exc.line, exc.message, exc.hint)]
    problems = [Problem(path, w.line, w.message, w.hint, "warning") for w in warnings]
    pack_id = meta.get("id", pack_dir.name)
    if not is_valid_id(pack_id):
        return None, [
            *problems,
            Problem(
                path,
                lines.get("id", 1),
                f"pack id {pack_id!r} is not valid",
                "use lowercase letters, digits and hyphens",
            ),
        ]
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(Problem(path, lines.get("title", 1), "pack has no title", "add 'title: ...'", "warning"))
        title = pack_id
    language = meta.get("language", "en")
    if language not in LANGUAGES:
        problems.append(
            Problem(
                path,
                lines.get("language", 1),
                f"unknown language {language!r}",
                f"use one of {', '.join(LANGUAGES)}",
                "warning",
            )
        )
        language = "en"
    max_age = meta.get("figures_max_age_years", FIGURES_MAX_AGE_YEARS)
    if isinstance(max_age, bool) or not isinstance(max_age, int) or not 0 < max_age <= 50:
        problems.append(
            Problem(
                path,
                lines.get("figures_max_age_years", 1),
                f"figures_max_age_years should be a whole number of years, not {max_age!r}",
                f"write figures_max_age_years: {FIGURES_MAX_AGE_YEARS}",
                "warning",
            )
        )
        max_age = FIGURES_MAX_AGE_YEARS
    pack = Pack(
        id=pack_id,
        title=title.strip(),
        path=pack_dir,
        version=str(meta.get("version", "")),
        language=language,
        description=str(meta.get("description", "") or "").strip(),
        license=str(meta.get("license", "") or ""),
        translations=_pack_translations(
            meta.get("translations"), language, path, lines.get("translations", 1), problems
        ),
        figures_max_age_years=max_age,
    )
    return pack, problems


def _pack_translations(value, own_language: str, path: Path, line: int, problems: list) -> tuple:
    """pack.yaml's `translations: {fr: {title: ..., description: ...}}`; anything else is a warning, not a failure."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        problems.append(
            Problem(path, line, "translations must be a mapping", "use 'translations: {fr: {title: ...}}'", "warning")
        )
        return ()
    found = []
    for language, fields in value.items():
        if language not in LANGUAGES or language == own_language or not isinstance(fields, dict):
            problems.append(
                Problem(
                    path,
                    line,
                    f"translation {language!r} is not used",
                    f"use one of {', '.join(LANGUAGES)} other than the pack's language, with title and description",
                    "warning",
                )
            )
            continue
        title, description = fields.get("title", ""), fields.get("description", "")
        if not isinstance(title, str) or not isinstance(description, str):
            problems.append(
                Problem(
                    path, line, f"translation {language!r}: title and description must be text", "quote them", "warning"
                )
            )
            continue
        found.append((language, title.strip(), description.strip()))
    return tuple(found)


def _markdown_files(pack_dir: Path) -> Iterator[Path]:
    """The pack's Markdown files, sorted, never following links out of the pack."""
    real_root = pack_dir.resolve()
    for dirpath, dirnames, filenames in os.walk(pack_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.lower().endswith(".md") or name.lower() in SKIPPED_NAMES or name.startswith("."):
                continue
            path = Path(dirpath) / name
            if path.is_symlink() and not path.resolve().is_relative_to(real_root):
                continue
            yield path


def _load_pack_files(pack: Pack) -> Iterator[tuple[Resource | None, list[Problem]]]:
    register, register_problems = figures.read_register(pack.path)
    if register_problems:
        yield None, register_problems
    for count, path in enumerate(_markdown_files(pack.path)):
        if count >= MAX_FILES_PER_PACK:
            yield (
                None,
                [
                    Problem(
                        pack.path,
                        0,
                        f"pack has more than {MAX_FILES_PER_PACK} files; the rest were skipped",
                        "split it into several packs",
                    )
                ],
            )
            return
        yield load_resource(path, pack, register)


def load_resource(
    path: Path, pack: Pack, register: figures.Register | None = None
) -> tuple[Resource | None, list[Problem]]:
    """Load one file of a pack, its figures filled in from `register`; returns the resource (or None) and the
    problems found."""
    try:
        parsed = read_resource_file(path)
    except ReadError as exc:
        return None, [Problem(path, exc.line, exc.message, exc.hint)]
    problems = [Problem(path, w.line, w.message, w.hint, "warning") for w in parsed.warnings]
    resource_id = path.stem.lower()
    if not is_valid_id(resource_id):
        return None, [
            *problems,
            Problem(
                path,
                1,
                f"file name '{path.name}' cannot be an id",
                "rename it with lowercase letters, digits and hyphens",
            ),
        ]
    meta, lines = parsed.meta, parsed.key_lines
    for key in meta:
        if str(key) not in KNOWN_FIELDS:
            problems.append(
                Problem(
                    path,
                    lines.get(str(key), 1),
                    f"unknown field '{key}'",
                    "check the spelling; see resources/README.md",
                    "warning",
                )
            )
    try:
        fields, warnings = validated_fields(meta, pack)
    except FieldError as exc:
        return None, [*problems, Problem(path, lines.get(exc.key, 1), exc.message, exc.hint)]
    for key, message, hint in warnings:
        problems.append(Problem(path, lines.get(key, 1), message, hint, "warning"))
    filled = figures.expand(parsed.body, register, fields.get("language", pack.language))
    if filled.unknown_count > len(filled.unknown):
        problems.append(
            Problem(
                path,
                parsed.body_line,
                f"{filled.unknown_count - len(filled.unknown)} more figures are not in {figures.FILE_NAME}",
                "fix the ids listed first",
                "warning",
            )
        )
    for figure_id, offset in filled.unknown:
        where = f"{figures.FILE_NAME}" if register else f"a {figures.FILE_NAME} (this pack has none)"
        problems.append(
            Problem(
                path,
                parsed.body_line + offset,
                f"figure '{figure_id}' is not in {where}; it shows as written",
                f"fix the id or add the figure to {figures.FILE_NAME} (see resources/README.md)",
                "warning",
            )
        )
    # A figure's source joins the page's own list, so a page never cites a figure without saying where it is from.
    listed = fields.get("sources", ())
    fields["sources"] = listed + figures.sources_of(register, filled.cited, listed)
    resource = Resource(
        id=resource_id,
        pack=pack.id,
        pack_dir=pack.path,
        path=path,
        body=filled.text,
        body_line=parsed.body_line,
        figures=filled.cited,
        figures_checked=figures.checked_on(register, filled.cited),
        written_body=parsed.body if filled.cited else "",
        **fields,
    )
    return resource, problems


def _check_references(resources: Sequence[Resource]) -> list[Problem]:
    """Related ids and translations must point at resources that loaded."""
    ids = {r.id for r in resources}
    problems = []
    for resource in resources:
        for related in resource.related:
            if related not in ids:
                problems.append(
                    Problem(
                        resource.path, 1, f"related id '{related}' does not exist", "fix the id or remove it", "warning"
                    )
                )
        if resource.translation_of and resource.translation_of not in ids:
            problems.append(
                Problem(
                    resource.path,
                    1,
                    f"translation_of '{resource.translation_of}' does not exist",
                    "fix the id",
                    "warning",
                )
            )
    return problems
