"""Documents (Word, PowerPoint, OpenDocument, PDF, saved pages) added to the teacher's own pack.

A document is converted whole in memory (kit.core.importers), then written: its images into
`images/<id>/`, the original file into `originals/<id>.<ext>` (so "Update from original" can convert
it again after the teacher edits it in Word), and the Markdown last, checked by the kit's loader. Any
failure removes what this import wrote, so nothing half-imported stays in the pack.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
import time
from collections.abc import Collection, Sequence
from pathlib import Path

from kit.core.atomic import atomic_write_bytes, atomic_write_text
from kit.core.content.frontmatter import (
    ReadError,
    parse_front_matter,
    read_text,
    split_front_matter,
)
from kit.core.importers import IMAGE_DIR, Converted, ConvertError, convert
from kit.core.importers.converted import pixel_size
from kit.core.packs.manifest import OWN_PACK_ID
from kit.core.packs.own_writing import (
    Added,
    MaterialError,
    filled,
    own_pack_dir,
    slug,
    unique_id,
    with_fields,
    write_resource,
)
from kit.core.render import markdown_shapes, markup

IMAGES = "images"
ORIGINALS = "originals"
# The reader shows a picture at its pixel size; a wider one (a PDF page is 1240 px) is given this width.
SHOWN_WIDTH = 720
HANDOUT_MAX_WORDS = 600  # about two printed pages
_BLANKS = re.compile(r"_{4,}|\.{6,}|…{3,}|\\_(?:\\_){3,}")


def add_document(
    source: Path,
    packs_dir: Path,
    taken_ids: Collection[str],
    today: dt.date | None = None,
    *,
    audience: Sequence[str] = (),
) -> Added:
    """Convert `source` and add it (with its images and the original) as a new own resource."""
    source = Path(source)
    converted = _converted(source)
    folder = own_pack_dir(packs_dir)
    taken = {*taken_ids, *_names(folder / IMAGES), *(p.stem for p in _files(folder / ORIGINALS))}
    resource_id = unique_id(slug(source.stem) or "my-resource", taken)
    meta, body = _front_matter(converted, source.stem, resource_id, today or dt.date.today(), audience)
    _check_size(source, body)
    # The original first, the images, the Markdown last: a kill part-way leaves an original with no
    # Markdown beside it, which marks the leftovers as ours (remove_unfinished).
    written: list[Path] = [folder / ORIGINALS / f"{resource_id}{source.suffix.lower()}", folder / IMAGES / resource_id]
    try:
        _keep_original(folder, resource_id, source)
        _write_images(folder, resource_id, converted.images)
        added = write_resource(packs_dir, resource_id, meta, body)
    except (MaterialError, OSError) as exc:
        _remove(written)
        why = str(exc) if isinstance(exc, MaterialError) else f"cannot save it in your pack: {exc.strerror or exc}"
        raise MaterialError(f"{source}: {why}") from None  # the teacher's file is named, whatever failed
    return Added(added.resource_id, added.path, (*converted.notes, *added.warnings), added.resource, converted.notes)


def remove_unfinished(own_dir: Path, older_than_s: float) -> list[str]:
    """Remove what an import killed part-way left (a kept original with no resource, and its images)."""
    done = []
    for original in _files(Path(own_dir) / ORIGINALS):
        resource_id = original.stem
        try:
            stale = time.time() - original.stat().st_mtime > older_than_s
        except OSError:
            continue
        if stale and not (Path(own_dir) / f"{resource_id}.md").exists():
            _remove([original, Path(own_dir) / IMAGES / resource_id])
            done.append(f"removed an unfinished import ({original.name})")
    return done


def original_of(packs_dir: Path, resource_id: str) -> Path | None:
    """The original document an own resource was imported from, if it was and is still kept."""
    found = [p for p in _files(Path(packs_dir) / OWN_PACK_ID / ORIGINALS) if p.stem == resource_id]
    return found[0] if found else None


def update_from_original(
    packs_dir: Path, resource_id: str, today: dt.date | None = None, source: Path | None = None
) -> Added:
    """Convert the original again — the kept copy (which the teacher may have opened and edited), or `source`,
    an edited version that then becomes the kept copy. The body and images are replaced; the front matter
    the teacher edited (title, audience, summary...) is kept, with `updated` today."""
    folder = own_pack_dir(packs_dir)
    path = folder / f"{resource_id}.md"
    original = original_of(packs_dir, resource_id)
    if original is None or not path.is_file():
        raise MaterialError(f"'{resource_id}' was not imported from a document kept in your pack")
    converted = _converted(Path(source) if source else original)
    try:
        text, _ = read_text(path)
    except ReadError as exc:
        raise MaterialError(f"{path}: {exc.message}") from None
    yaml_text, _, _ = split_front_matter(text)
    day = (today or dt.date.today()).isoformat()
    meta, body = _front_matter(converted, original.stem, resource_id, today or dt.date.today())
    _check_size(original, body)
    images, fresh, old = (
        folder / IMAGES / name for name in (resource_id, f".{resource_id}-new", f".{resource_id}-old")
    )
    _remove([fresh, old])
    try:
        _write_images(folder, fresh.name, converted.images)
        if images.exists():
            images.rename(old)
        if fresh.exists():
            fresh.rename(images)
        front = with_fields(yaml_text, {"updated": day})
        if front is None:  # a value over several lines: the teacher's fields are written afresh, all kept
            meta = {**parse_front_matter(yaml_text)[0], "updated": day}
        added = write_resource(packs_dir, resource_id, meta, body, front=front)
    except (MaterialError, OSError) as exc:
        # The teacher's resource stays as it was: its text and its images are put back.
        atomic_write_text(path, text)
        if old.exists():
            _remove([images])
            old.rename(images)
        if isinstance(exc, MaterialError):
            raise
        raise MaterialError(f"{path}: cannot save the update: {exc.strerror or exc}") from None
    finally:
        _remove([fresh, old])
    if source:
        _keep_original(folder, resource_id, Path(source), replacing=original)
    return Added(added.resource_id, added.path, (*converted.notes, *added.warnings), added.resource, converted.notes)


def guess_kind(body: str) -> str:
    """A short sheet with blanks to fill in is a handout; anything else an article (the teacher can change it)."""
    words = len(re.findall(r"\w+", body))
    return "handout" if words <= HANDOUT_MAX_WORDS and _BLANKS.search(body) else "article"


def _converted(source: Path) -> Converted:
    try:
        converted = convert(source)
        if not converted.body.strip() and not converted.images:
            notes = f" ({'; '.join(converted.notes)})" if converted.notes else ""
            raise ConvertError(f"the document has no text or pictures the kit can show{notes}")
        return converted
    except ConvertError as exc:
        raise MaterialError(f"{source}: {exc}") from None
    except (MemoryError, RecursionError):
        raise MaterialError(f"{source}: the document is too large or too deeply nested to import") from None


def _front_matter(
    converted: Converted, stem: str, resource_id: str, today: dt.date, audience: Sequence[str] = ()
) -> tuple[dict, str]:
    body = converted.body
    for name, data in converted.images.items():
        size = pixel_size(data)
        if size is not None and size[0] > SHOWN_WIDTH:
            height = round(size[1] * SHOWN_WIDTH / size[0])  # both, or Qt stretches the picture out of shape
            body = body.replace(
                f"({IMAGE_DIR}/{name})", f'({IMAGE_DIR}/{name}){{width="{SHOWN_WIDTH}" height="{height}"}}'
            )
    body = body.replace(f"({IMAGE_DIR}/", f"({IMAGES}/{resource_id}/")
    title = converted.title.strip()
    first = re.match(r"\s*#\s+(.+?)\s*\n", body)
    if first and (not title or first.group(1).replace("\\", "").strip() == title):
        title, body = first.group(1).replace("\\", "").strip(), body[first.end() :]  # shown once, as the title
    meta = {"title": title} if title else {}
    meta["kind"] = converted.kind or guess_kind(body)
    if summary := first_sentence(body):
        meta["summary"] = summary
    return filled(meta, body, stem, today, audience)


def first_sentence(body: str) -> str:
    """The document's first sentence of ordinary text (not a heading, list, table, picture or block), for
    the summary lists and search results show; the teacher can rewrite it."""
    for block in re.split(r"\n\s*\n", body):
        text = block.strip()
        if not text or text[0] in "#-*|!<>[" or text[:1].isdigit() or block.startswith((" ", "\t")):
            continue
        plain = " ".join(re.sub(r"[*_`\\]|\[\^e?\d+\]|<[^>]*>", "", text).split())
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", plain)  # a link's words, not its address
        sentence = re.match(r"(.{20,200}?[.!?])(\s|$)", plain)
        return sentence.group(1) if sentence else plain[:200].rsplit(" ", 1)[0] if len(plain) > 200 else plain
    return ""


def _check_size(source: Path, body: str) -> None:
    """Refuse, before anything is written, a document the reader would only show as "too large" or "too complex"."""
    # MAX_BODY_CHARS characters are at most 800 KB of UTF-8, within the loader's MAX_FILE_BYTES with the front matter.
    if len(body) > markup.MAX_BODY_CHARS:
        raise MaterialError(
            f"{source}: the document's text is {len(body):,} characters as Markdown and one page of the kit holds "
            f"{markup.MAX_BODY_CHARS:,}; split it into smaller documents"
        )
    if shape := markdown_shapes.too_complex(body, source, 1):
        raise MaterialError(f"{source}: {shape.message}; split it into smaller documents")


def _write_images(folder: Path, name: str, images: dict[str, bytes]) -> Path:
    target = folder / IMAGES / name
    if images:
        target.mkdir(parents=True, exist_ok=True)
        for file_name, data in images.items():
            atomic_write_bytes(target / file_name, data)
    return target


def _keep_original(folder: Path, resource_id: str, source: Path, replacing: Path | None = None) -> None:
    target = folder / ORIGINALS / f"{resource_id}{source.suffix.lower()}"
    target.parent.mkdir(exist_ok=True)
    atomic_write_bytes(target, source.read_bytes())
    if replacing is not None and replacing != target:
        replacing.unlink(missing_ok=True)


def _remove(paths: list[Path]) -> None:
    """Remove files and folders this import wrote, and the images/ or originals/ folder they leave empty."""
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        if path.parent.name in (IMAGES, ORIGINALS):
            with contextlib.suppress(OSError):
                path.parent.rmdir()  # only when empty


def _names(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir()] if folder.is_dir() else []


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
