"""The teacher's own pack: files added to the kit, and editable copies of kit resources.

Markdown and plain text are handled here; documents (Word, PDF...) are converted by kit.core.packs.own_documents.

Missing front matter is filled with defaults the teacher can edit later (title from the first heading
or the file name, kind article, audience educators, language guessed from the words, updated today);
each file is written atomically and checked with the same loader as the bundled kit.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kit.core import importers
from kit.core.atomic import atomic_write_bytes, atomic_write_text
from kit.core.content.frontmatter import ReadError, parse_front_matter, read_text, split_front_matter
from kit.core.content.loader import ID_PATTERN, KNOWN_FIELDS, Library, load_pack_info, load_resource
from kit.core.model import EDITIONS, Resource
from kit.core.packs.manifest import OWN_PACK_ID
from kit.core.render import links, markup

OWN_PACK_YAML = (
    "id: own\ntitle: My material\nversion: '1'\nlanguage: en\n"
    "description: Resources I added to the kit or copied from it to adapt.\nlicense: ''\n"
)
TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text")
DOCUMENT_SUFFIXES = importers.SUFFIXES
ADDABLE = "Markdown, text, Word (.docx), PowerPoint (.pptx), OpenDocument (.odt, .odp), PDF and web page (.html)"
FRENCH_WORDS = {"le", "la", "les", "des", "une", "est", "et", "du", "dans", "pour", "que", "qui", "pas", "sur", "au"}
ENGLISH_WORDS = {"the", "and", "is", "of", "to", "in", "that", "for", "with", "are", "this", "on", "it", "be"}


class MaterialError(Exception):
    """A file that could not be added; the message names it and says why, in one line."""


@dataclass(frozen=True)
class Added:
    resource_id: str
    path: Path
    warnings: tuple[str, ...] = ()
    resource: Resource | None = None


def with_added(library: Library, added: Iterable[Added], packs_dir: Path) -> Library:
    """`library` plus newly added own resources, without reloading every pack (shown at once)."""
    new = tuple(a.resource for a in added if a.resource is not None and library.get(a.resource_id) is None)
    pack_list = library.packs
    if new and library.pack(OWN_PACK_ID) is None:
        own, _ = load_pack_info(Path(packs_dir) / OWN_PACK_ID)
        pack_list = (*pack_list, own) if own is not None else pack_list
    return Library(pack_list, library.resources + new, library.problems)


def with_replaced(library: Library, resource: Resource) -> Library:
    """`library` with one (edited) resource swapped in place."""
    resources = tuple(resource if r.id == resource.id else r for r in library.resources)
    return Library(library.packs, resources, library.problems)


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


def add_paths(
    sources: Iterable[Path], packs_dir: Path, taken_ids: Collection[str], today: dt.date | None = None
) -> tuple[list[Added], list[str]]:
    """Add files (and the text files in folders); returns what was added and one line per refusal."""
    added: list[Added] = []
    refused: list[str] = []
    taken = set(taken_ids)
    for source in sources:
        source = Path(source)
        files = sorted(_text_files(source)) if source.is_dir() else [source]
        if source.is_dir() and not files:
            refused.append(f"{source}: no files that can be added in this folder ({ADDABLE})")
        for path in files:
            try:
                result = add_file(path, packs_dir, taken, today)
            except MaterialError as exc:
                refused.append(str(exc))
                continue
            taken.add(result.resource_id)
            added.append(result)
    return added, refused


def add_file(source: Path, packs_dir: Path, taken_ids: Collection[str], today: dt.date | None = None) -> Added:
    """Add one Markdown or text file to the own pack, filling in missing front matter; validated."""
    source = Path(source)
    if source.suffix.lower() in DOCUMENT_SUFFIXES:
        from kit.core.packs.own_documents import add_document  # it builds on this module

        return add_document(source, packs_dir, taken_ids, today)
    if source.suffix.lower() not in TEXT_SUFFIXES:
        raise MaterialError(f"{source}: only {ADDABLE} files can be added")
    if not source.is_file():
        raise MaterialError(f"{source}: no such file")
    try:
        text, _ = read_text(source)
        meta, body = _split(text, source)
    except ReadError as exc:
        raise MaterialError(f"{source}: {exc.message}" + (f" — {exc.hint}" if exc.hint else "")) from None
    if source.suffix.lower() in (".txt", ".text"):
        body = _plain_text_as_markdown(body)
    meta, body = _filled(meta, body, source.stem, today or dt.date.today())
    resource_id = unique_id(_slug(source.stem) or "my-resource", taken_ids)
    return _write_resource(packs_dir, resource_id, meta, body)


def make_copy(resource: Resource, packs_dir: Path, taken_ids: Collection[str], today: dt.date | None = None) -> Added:
    """An editable copy of a (read-only) kit resource in the own pack, with the images it shows."""
    text, _ = read_text(resource.path)
    meta, body = _split(text, resource.path)
    meta["title"] = f"{resource.title} (my copy)"
    meta["updated"] = (today or dt.date.today()).isoformat()
    resource_id = unique_id(f"{resource.id}-copy", taken_ids)
    yaml_text, _, _ = split_front_matter(text)
    kept = _with_fields(yaml_text, {"title": meta["title"], "updated": meta["updated"]})
    folder = own_pack_dir(packs_dir)
    for edition in EDITIONS:
        for relative in markup.render(resource, edition).images:
            image = links.pack_file(resource.pack_dir, relative)
            target = links.pack_file(folder, relative)
            if image is not None and target is not None and not target.exists() and image.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(target, image.read_bytes())
    return _write_resource(packs_dir, resource_id, meta, body, front=kept)


def _with_fields(yaml_text: str, fields: dict[str, str]) -> str | None:
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


def _write_resource(
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


def _split(text: str, source: Path) -> tuple[dict[str, Any], str]:
    """Front matter (if any) and body; front matter that cannot be read is an error, not guessed around."""
    if text.lstrip("\ufeff").startswith("---\n"):
        yaml_text, body, _ = split_front_matter(text)
        meta, _, _ = parse_front_matter(yaml_text)
        return {k: v for k, v in meta.items() if str(k) in KNOWN_FIELDS}, body
    return {}, text


def _filled(meta: dict[str, Any], body: str, stem: str, today: dt.date) -> tuple[dict[str, Any], str]:
    meta = dict(meta)
    if not isinstance(meta.get("title"), str) or not meta["title"].strip():
        heading = re.search(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", body, re.MULTILINE)
        if heading and not body[: heading.start()].strip():
            meta["title"] = heading.group(1).strip()
            body = body[heading.end() :]  # the reader shows the title; do not show it twice
        else:
            meta["title"] = _title_from_stem(stem)
    meta.setdefault("kind", "article")
    if not meta.get("audience"):
        meta["audience"] = ["educators"]
    if meta.get("language") not in ("en", "fr"):
        meta["language"] = guess_language(body)
    meta["updated"] = today.isoformat()
    order = ["title", "kind", "summary", "audience", "minutes", "topics", "language", "updated"]
    return {k: meta[k] for k in order if k in meta} | {k: v for k, v in meta.items() if k not in order}, body


def _plain_text_as_markdown(text: str) -> str:
    """Plain text keeps its line breaks (Markdown would join them) and its characters (no markup)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = re.sub(r"([\\`*_{}\[\]#+!|-])", r"\\\1", escaped)
    escaped = re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", escaped, flags=re.MULTILINE)  # "1." is not a list here
    return "\n".join(line + "  " if line.strip() else line for line in escaped.split("\n"))


def _title_from_stem(stem: str) -> str:
    words = re.sub(r"[_\-]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "My resource"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug if ID_PATTERN.match(slug or "-") else ""


def _text_files(folder: Path) -> Iterable[Path]:
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        hidden = any(part.startswith(".") for part in relative.parts)
        if path.is_file() and path.suffix.lower() in (*TEXT_SUFFIXES, *DOCUMENT_SUFFIXES) and not hidden:
            yield path
