"""The teacher's own pack: files added to the kit, and editable copies of kit resources.

Markdown and plain text are handled here; documents (Word, PDF...) are converted by kit.core.packs.own_documents.

Missing front matter is filled with defaults the teacher can edit later (title from the first heading
or the file name, kind article, audience educators, language guessed from the words, updated today);
each file is written atomically and checked with the same loader as the bundled kit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

from kit.core import importers
from kit.core.atomic import atomic_write_bytes
from kit.core.content import figures
from kit.core.content.fields import KNOWN_FIELDS
from kit.core.content.frontmatter import ReadError, parse_front_matter, read_text, split_front_matter
from kit.core.content.loader import Library, load_pack_info
from kit.core.model import EDITIONS, Resource, Source
from kit.core.packs.manifest import OWN_PACK_ID
from kit.core.packs.own_documents import add_document
from kit.core.packs.own_writing import (
    Added,
    MaterialError,
    filled,
    own_pack_dir,
    slug,
    unique_id,
    with_fields,
    with_sources_added,
    write_resource,
)
from kit.core.packs.own_writing import guess_language as guess_language  # re-exported: callers use own_pack
from kit.core.render import links, markup

TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text")
DOCUMENT_SUFFIXES = importers.SUFFIXES
ADDABLE = "Markdown, text, Word (.docx), PowerPoint (.pptx), OpenDocument (.odt, .odp), PDF and web page (.html)"


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


def add_paths(
    sources: Iterable[Path],
    packs_dir: Path,
    taken_ids: Collection[str],
    today: dt.date | None = None,
    *,
    progress: Callable[[int, int, Path], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    audience: Sequence[str] = (),
) -> tuple[list[Added], list[str]]:
    """Add files (and the addable files in folders); returns what was added and one line per refusal.

    `progress(done, total, next_file)` is called before each file; when `cancelled()` turns true the files
    not started yet are left (what finished stays added). `audience` is given to files whose front matter names
    none (else the teacher's own material is for educators, and a grade filter would hide it).
    """
    added: list[Added] = []
    refused: list[str] = []
    taken = set(taken_ids)
    files: list[Path] = []
    for source in map(Path, sources):
        found = sorted(_addable_files(source)) if source.is_dir() else [source]
        if source.is_dir() and not found:
            refused.append(f"{source}: no files that can be added in this folder ({ADDABLE})")
        files += found
    for number, path in enumerate(files):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(number, len(files), path)
        try:
            result = add_file(path, packs_dir, taken, today, audience=audience)
        except MaterialError as exc:
            refused.append(str(exc))
            continue
        taken.add(result.resource_id)
        added.append(result)
    return added, refused


def add_file(
    source: Path,
    packs_dir: Path,
    taken_ids: Collection[str],
    today: dt.date | None = None,
    *,
    audience: Sequence[str] = (),
) -> Added:
    """Add one Markdown or text file to the own pack, filling in missing front matter; validated."""
    source = Path(source)
    if source.suffix.lower() in DOCUMENT_SUFFIXES:
        return add_document(source, packs_dir, taken_ids, today, audience=audience)
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
    meta, body = filled(meta, body, source.stem, today or dt.date.today(), audience)
    resource_id = unique_id(slug(source.stem) or "my-resource", taken_ids)
    return write_resource(packs_dir, resource_id, meta, body)


def make_copy(resource: Resource, packs_dir: Path, taken_ids: Collection[str], today: dt.date | None = None) -> Added:
    """An editable copy of a (read-only) kit resource in the own pack, with the images it shows."""
    text, _ = read_text(resource.path)
    meta, body = _split(text, resource.path)
    meta["title"] = f"{resource.title} (my copy)"
    meta["updated"] = (today or dt.date.today()).isoformat()
    resource_id = unique_id(f"{resource.id}-copy", taken_ids)
    yaml_text, _, _ = split_front_matter(text)
    kept = with_fields(yaml_text, {"title": meta["title"], "updated": meta["updated"]})
    # The own pack has no figures register: the copy gets the figures as text, and their sources in its list.
    register, _ = figures.read_register(resource.pack_dir)
    written = figures.expand(body, register, resource.language, plain=True)
    if written.cited:
        body = written.text
        listed = [s for s in meta.get("sources") or [] if isinstance(s, dict)]
        extra = [_source_fields(s) for s in resource.sources if s.url not in {str(d.get("url")) for d in listed}]
        meta["sources"] = listed + extra
        kept = with_sources_added(kept, extra) if kept and extra else kept
    folder = own_pack_dir(packs_dir)
    for edition in EDITIONS:
        for relative in markup.render(resource, edition).images:
            image = links.pack_file(resource.pack_dir, relative)
            target = links.pack_file(folder, relative)
            if image is not None and target is not None and not target.exists() and image.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(target, image.read_bytes())
    return write_resource(packs_dir, resource_id, meta, body, front=kept)


def _source_fields(source: Source) -> dict[str, str]:
    fields = {"title": source.title, "publisher": source.publisher, "year": str(source.year), "url": source.url}
    return fields | ({"accessed": source.accessed.isoformat()} if source.accessed else {})


def _split(text: str, source: Path) -> tuple[dict[str, Any], str]:
    """Front matter (if any) and body; front matter that cannot be read is an error, not guessed around."""
    if text.lstrip("\ufeff").startswith("---\n"):
        yaml_text, body, _ = split_front_matter(text)
        meta, _, _ = parse_front_matter(yaml_text)
        return {k: v for k, v in meta.items() if str(k) in KNOWN_FIELDS}, body
    return {}, text


def _plain_text_as_markdown(text: str) -> str:
    """Plain text keeps its line breaks (Markdown would join them) and its characters (no markup)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = re.sub(r"([\\`*_{}\[\]#+!|-])", r"\\\1", escaped)
    escaped = re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", escaped, flags=re.MULTILINE)  # "1." is not a list here
    return "\n".join(line + "  " if line.strip() else line for line in escaped.split("\n"))


def _addable_files(folder: Path) -> Iterable[Path]:
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        hidden = any(part.startswith(".") for part in relative.parts)
        if path.is_file() and path.suffix.lower() in (*TEXT_SUFFIXES, *DOCUMENT_SUFFIXES) and not hidden:
            yield path
