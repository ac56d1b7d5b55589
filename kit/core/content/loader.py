"""Loading packs from disk into frozen Resource values, reporting every problem and skipping bad files."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.core.content.frontmatter import ReadError, read_resource_file, read_yaml_file
from kit.core.model import AUDIENCES, KINDS, LANGUAGES, Pack, Problem, Resource, Source

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
MAX_FILES_PER_PACK = 5_000
KNOWN_FIELDS = {
    "title",
    "kind",
    "summary",
    "audience",
    "minutes",
    "topics",
    "language",
    "content_warning",
    "sources",
    "updated",
    "license",
    "related",
    "translation_of",
}
SKIPPED_NAMES = {"readme.md", "license.md", "changelog.md"}


@dataclass(frozen=True)
class Library:
    """Everything loaded from a set of resource folders, plus what was wrong with them."""

    packs: tuple[Pack, ...]
    resources: tuple[Resource, ...]
    problems: tuple[Problem, ...]

    def get(self, resource_id: str) -> Resource | None:
        for resource in self.resources:
            if resource.id == resource_id:
                return resource
        return None

    def pack(self, pack_id: str) -> Pack | None:
        return next((p for p in self.packs if p.id == pack_id), None)

    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


class _FieldError(Exception):
    def __init__(self, key: str, message: str, hint: str = ""):
        super().__init__(message)
        self.key, self.message, self.hint = key, message, hint


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
    seen: dict[str, Path] = {}
    for pack_dir in find_pack_dirs(roots):
        pack, pack_problems = load_pack_info(pack_dir)
        problems.extend(pack_problems)
        if pack is None:
            continue
        if any(p.id == pack.id for p in packs):
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
            if resource.id in seen:
                problems.append(
                    Problem(
                        resource.path,
                        1,
                        f"id '{resource.id}' is already used by {seen[resource.id]}",
                        "rename one of the files",
                    )
                )
                continue
            seen[resource.id] = resource.path
            resources.append(resource)
    problems.extend(_check_references(resources))
    return Library(tuple(packs), tuple(resources), tuple(problems))


def load_pack_info(pack_dir: Path) -> tuple[Pack | None, list[Problem]]:
    path = pack_dir / "pack.yaml"
    try:
        meta, lines, warnings = read_yaml_file(path)
    except ReadError as exc:
        return None, [Problem(path, exc.line, exc.message, exc.hint)]
    problems = [Problem(path, w.line, w.message, w.hint, "warning") for w in warnings]
    pack_id = meta.get("id", pack_dir.name)
    if not isinstance(pack_id, str) or not ID_PATTERN.match(pack_id):
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
    pack = Pack(
        id=pack_id,
        title=title.strip(),
        path=pack_dir,
        version=str(meta.get("version", "")),
        language=language,
        description=str(meta.get("description", "") or "").strip(),
        license=str(meta.get("license", "") or ""),
    )
    return pack, problems


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
        yield load_resource(path, pack)


def load_resource(path: Path, pack: Pack) -> tuple[Resource | None, list[Problem]]:
    """Load one file of a pack; returns the resource (or None) and the problems found."""
    try:
        parsed = read_resource_file(path)
    except ReadError as exc:
        return None, [Problem(path, exc.line, exc.message, exc.hint)]
    problems = [Problem(path, w.line, w.message, w.hint, "warning") for w in parsed.warnings]
    resource_id = path.stem.lower()
    if not ID_PATTERN.match(resource_id):
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
        fields, warnings = _validated_fields(meta, pack)
    except _FieldError as exc:
        return None, [*problems, Problem(path, lines.get(exc.key, 1), exc.message, exc.hint)]
    for key, message, hint in warnings:
        problems.append(Problem(path, lines.get(key, 1), message, hint, "warning"))
    resource = Resource(
        id=resource_id,
        pack=pack.id,
        pack_dir=pack.path,
        path=path,
        body=parsed.body,
        body_line=parsed.body_line,
        **fields,
    )
    return resource, problems


def _text(meta: dict[str, Any], key: str, *, required: bool = False, default: str = "") -> str:
    value = meta.get(key)
    if value is None:
        if required:
            raise _FieldError(key, f"missing '{key}'", f"add '{key}: ...' to the front matter")
        return default
    if isinstance(value, bool):
        raise _FieldError(key, f"'{key}' is {str(value).lower()}, not text", f'put the value in quotes: {key}: "..."')
    if isinstance(value, (int, float)):
        return str(value)
    if not isinstance(value, str):
        raise _FieldError(key, f"'{key}' should be text, not a {type(value).__name__}", "write it on one line")
    return value.strip()


def _word_list(meta: dict[str, Any], key: str) -> tuple[str, ...]:
    value = meta.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _FieldError(key, f"'{key}' should be a list of words", f"write {key}: [first, second]")
    return tuple(v.strip() for v in value)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _validated_fields(meta: dict[str, Any], pack: Pack) -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    """The Resource fields from front matter, and the warnings (field, message, hint) that do not stop loading."""
    warnings: list[tuple[str, str, str]] = []
    title = _text(meta, "title", required=True)
    if not title:
        raise _FieldError("title", "'title' is empty", "give the resource a title")
    kind = _text(meta, "kind", required=True)
    if kind not in KINDS:
        raise _FieldError("kind", f"unknown kind '{kind}'", f"use one of {', '.join(KINDS)}")
    language = _text(meta, "language", default=pack.language)
    if language not in LANGUAGES:
        raise _FieldError(
            "language", f"unknown language '{language}'", f"use one of {', '.join(LANGUAGES)} (in quotes)"
        )
    audience = _word_list(meta, "audience")
    for value in audience:
        if value not in AUDIENCES:
            raise _FieldError("audience", f"unknown audience '{value}'", f"use {', '.join(AUDIENCES)}")
    if not audience:
        warnings.append(("audience", "no audience given", "add audience: [grades-9-10, ...]"))
    minutes = meta.get("minutes")
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 < minutes <= 600):
        raise _FieldError(
            "minutes", f"'minutes' should be a whole number from 1 to 600, not {minutes!r}", "write minutes: 20"
        )
    summary = _text(meta, "summary")
    if not summary:
        warnings.append(("summary", "no summary", "add a one- or two-sentence summary"))
    warning_text = meta.get("content_warning")
    if warning_text is not None and not isinstance(warning_text, str):
        raise _FieldError("content_warning", "'content_warning' should be text or null", "write it in quotes")
    updated = None
    if meta.get("updated") is not None:
        updated = _date(meta["updated"])
        if updated is None:
            warnings.append(("updated", f"'updated' is not a real date: {meta['updated']!r}", "write it as YYYY-MM-DD"))
    translation_of = meta.get("translation_of")
    if translation_of is not None and not isinstance(translation_of, str):
        raise _FieldError("translation_of", "'translation_of' should be a resource id", "write translation_of: some-id")
    sources, source_warnings = _sources(meta.get("sources"))
    warnings.extend(source_warnings)
    return {
        "title": title,
        "kind": kind,
        "summary": summary,
        "audience": audience,
        "minutes": minutes,
        "topics": _word_list(meta, "topics"),
        "language": language,
        "content_warning": warning_text.strip() if isinstance(warning_text, str) and warning_text.strip() else None,
        "sources": sources,
        "updated": updated,
        "license": _text(meta, "license", default=pack.license),
        "related": _word_list(meta, "related"),
        "translation_of": translation_of,
    }, warnings


def _sources(value: Any) -> tuple[tuple[Source, ...], list[tuple[str, str, str]]]:
    if value is None:
        return (), []
    if not isinstance(value, list):
        raise _FieldError("sources", "'sources' should be a list", "write each source as '- title: ...'")
    sources, warnings = [], []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            raise _FieldError(
                "sources", f"source {number} has no title", "give each source title, publisher, year, url, accessed"
            )
        url = item.get("url") or ""
        if url and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
            warnings.append(
                ("sources", f"source {number} has an address that is not a web link: {url!r}", "use an http(s) address")
            )
            url = ""
        accessed = _date(item.get("accessed"))
        if item.get("accessed") is not None and accessed is None:
            warnings.append(("sources", f"source {number}: 'accessed' is not a real date", "write it as YYYY-MM-DD"))
        sources.append(
            Source(
                title=item["title"].strip(),
                publisher=str(item.get("publisher") or "").strip(),
                year=str(item.get("year") or "").strip(),
                url=url,
                accessed=accessed,
            )
        )
    return tuple(sources), warnings


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
