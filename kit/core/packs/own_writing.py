"""Writing one resource into the teacher's own pack: its id, default front matter, a validated atomic write.

Shared by adding Markdown files (own_pack) and converted documents (own_documents).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kit.core.atomic import atomic_write_text
from kit.core.content import markdown_lines
from kit.core.content.loader import load_pack_info, load_resource
from kit.core.errors import KitError
from kit.core.model import Resource
from kit.core.names import slug as slug  # re-exported: own_pack and own_documents import it from here
from kit.core.packs.manifest import OWN_PACK_ID

OWN_PACK_YAML = (
    "id: own\ntitle: My material\nversion: '1'\nlanguage: en\n"
    "description: Resources I added to the kit or copied from it to adapt.\nlicense: ''\n"
)
FRENCH_WORDS = {"le", "la", "les", "des", "une", "est", "et", "du", "dans", "pour", "que", "qui", "pas", "sur", "au"}
ENGLISH_WORDS = {"the", "and", "is", "of", "to", "in", "that", "for", "with", "are", "this", "on", "it", "be"}


class MaterialError(KitError):
    """A file that could not be added; the message names it and says why, in one line."""


@dataclass(frozen=True)
class Added:
    """One resource added to the own pack: `warnings` has every note for the author (validation included);
    `simplified` only what converting a document left out or changed (for the teacher's summary)."""

    resource_id: str
    path: Path
    warnings: tuple[str, ...] = ()
    resource: Resource | None = None
    simplified: tuple[str, ...] = ()


def own_pack_dir(packs_dir: Path) -> Path:
    """The teacher's own pack folder, created (with its pack.yaml) the first time it is needed."""
    folder = Path(packs_dir) / OWN_PACK_ID
    if not (folder / "pack.yaml").is_file():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_text(folder / "pack.yaml", OWN_PACK_YAML)
        except OSError as exc:
            raise MaterialError(f"cannot create your pack in {folder}: {exc.strerror or exc}") from None
    return folder


def with_fields(yaml_text: str, fields: dict[str, str]) -> str | None:
    """The author's front matter with one-line fields changed in place (keeping their layout), or None."""
    lines = yaml_text.split("\n")
    for key, value in fields.items():
        line = f"{key}: {yaml.safe_dump(value, allow_unicode=True, width=10_000).strip().removesuffix('...').strip()}"
        found = [i for i, text in enumerate(lines) if text.startswith(f"{key}:")]
        if not found:
            lines.append(line)
            continue
        at = found[0]
        if at + 1 < len(lines) and lines[at + 1][:1] in (" ", "\t"):
            return None  # a value over several lines: let the caller write the fields afresh
        lines[at] = line
    return "\n".join(lines).strip("\n") + "\n"


def with_sources_added(yaml_text: str, extra: list[dict[str, str]]) -> str:
    """The author's front matter with `extra` sources added at the end of its `sources:` list (layout kept)."""
    items = yaml.safe_dump(extra, allow_unicode=True, sort_keys=False, width=10_000)
    indented = [f"  {line}" for line in items.rstrip("\n").split("\n")]
    lines = yaml_text.rstrip("\n").split("\n")
    starts = [i for i, text in enumerate(lines) if text.startswith("sources:")]
    if not starts:
        return "\n".join([*lines, "sources:", *indented]) + "\n"
    end = starts[0] + 1
    while end < len(lines) and lines[end][:1] in (" ", "-"):
        end += 1
    return "\n".join([*lines[:end], *indented, *lines[end:]]) + "\n"


def unique_id(wanted: str, taken: Collection[str]) -> str:
    wanted = wanted[:70].strip("-") or "my-resource"
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def guess_language(text: str) -> str:
    words = re.findall(r"[a-zà-ÿ']+", text.lower())[:2000]
    french = sum(w in FRENCH_WORDS for w in words) + sum(w.startswith(("l'", "d'", "qu'")) for w in words)
    english = sum(w in ENGLISH_WORDS for w in words)
    return "fr" if french > english else "en"


def write_resource(
    packs_dir: Path, resource_id: str, meta: dict[str, Any], body: str, front: str | None = None
) -> Added:
    folder = own_pack_dir(packs_dir)
    path = folder / f"{resource_id}.md"
    front = front or yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    try:
        atomic_write_text(path, f"---\n{front}---\n\n{body.strip()}\n")
    except OSError as exc:
        raise MaterialError(f"cannot save {path}: {exc.strerror or exc}") from None
    pack, _ = load_pack_info(folder)
    resource, problems = load_resource(path, pack) if pack else (None, [])
    if resource is None:
        path.unlink(missing_ok=True)  # our own file, just written: it must not linger half-valid
        first = problems[0].message if problems else "pack.yaml of your pack cannot be read"
        raise MaterialError(f"{path.name}: {first}")
    return Added(resource_id, path, tuple(p.message for p in problems), resource)


def filled(
    meta: dict[str, Any], body: str, stem: str, today: dt.date, audience: Sequence[str] = ()
) -> tuple[dict[str, Any], str]:
    """The front matter with what is missing filled in; `audience` where the file names none (else educators)."""
    meta = dict(meta)
    if not isinstance(meta.get("title"), str) or not meta["title"].strip():
        blank = len(body) - len(body.lstrip(" \t\r\n"))
        first, _, rest = body[body.rfind("\n", 0, blank) + 1 :].partition("\n")  # the first line with text
        heading = markdown_lines.atx_heading(first)  # a line scan: the old pattern was cubic in blanks
        if heading and heading[0] == 1 and heading[1]:
            meta["title"] = heading[1]
            body = rest  # the reader shows the title; do not show it twice
        else:
            meta["title"] = title_from_stem(stem)
    meta.setdefault("kind", "article")
    if not meta.get("audience"):
        meta["audience"] = list(audience) or ["educators"]
    if meta.get("language") not in ("en", "fr"):
        meta["language"] = guess_language(body)
    meta["updated"] = today.isoformat()
    order = ["title", "kind", "summary", "audience", "minutes", "topics", "language", "updated"]
    return {k: meta[k] for k in order if k in meta} | {k: v for k, v in meta.items() if k not in order}, body


def title_from_stem(stem: str) -> str:
    words = re.sub(r"[_\-]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "My resource"
