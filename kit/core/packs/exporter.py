"""Writing `.kitpack` files: a whole pack, chosen resources with their images, or a lesson's resources."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kit.core.atomic import atomic_open
from kit.core.content import figures
from kit.core.content.loader import Library
from kit.core.dates_numbers import long_date
from kit.core.i18n import QT_TRANSLATE_NOOP, is_singular, translate_for
from kit.core.model import EDITIONS, Resource
from kit.core.names import is_valid_id, slug
from kit.core.packs import file_names
from kit.core.packs.manifest import (
    INSTALLED_MANIFEST,
    MANIFEST,
    MAX_FILE_BYTES,
    OWN_PACK_ID,
    Manifest,
    PackError,
)
from kit.core.render import links, markup

# A shared pack's own words, in its resources' language (the colleague who imports it reads them in the library).
SHARED_FROM = QT_TRANSLATE_NOOP("Packs", "Shared from {pack}")
SHARED_MATERIAL = QT_TRANSLATE_NOOP("Packs", "Shared material")
SHARED_ONE = QT_TRANSLATE_NOOP("Packs", "{count} resource shared with Classroom Kit on {date}.")
SHARED_MANY = QT_TRANSLATE_NOOP("Packs", "{count} resources shared with Classroom Kit on {date}.")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pack_id: str
    files: int
    resources: int


def export_pack(
    library: Library,
    ids: Sequence[str],
    out_path: Path,
    *,
    pack_id: str | None = None,
    title: str | None = None,
    lessons: Sequence[dict[str, Any]] = (),
) -> ExportResult:
    """Export `ids` (resource ids, or pack ids meaning the whole pack) to `out_path`, written atomically.

    One whole pack keeps its pack.yaml (the teacher's own pack gets a new id, so it never replaces a
    colleague's own material); anything else becomes a new pack named `pack_id` / `title`.
    """
    if not ids:
        raise PackError("nothing to export; give resource or pack ids")
    whole = [library.pack(i) for i in ids if library.pack(i) is not None and library.get(i) is None]
    if len(whole) == 1 and len(ids) == 1 and not pack_id and whole[0].id != OWN_PACK_ID:
        pack = whole[0]
        files = dict(_pack_folder_files(pack.path))
        resources = [r for r in library.resources if r.pack == pack.id]
        return _write(out_path, pack.id, files, resources, lessons)
    resources = _chosen(library, ids)
    today = dt.date.today()
    # A default id that two different exports on one day do not share (an import would ask to replace).
    single = f"shared-{resources[0].id}"[:80] if len(resources) == 1 else ""
    new_id = pack_id or slug(title or "") or single or f"shared-{dt.datetime.now():%Y%m%d-%H%M%S}"
    if not is_valid_id(new_id):
        raise PackError(f"pack id '{new_id}' is not valid; use lowercase letters, digits and hyphens")
    source_packs = sorted({r.pack for r in resources})
    nested = len(source_packs) > 1
    files: dict[str, Path | bytes] = {}
    for resource in resources:
        prefix = f"{resource.pack}/" if nested else ""
        files[prefix + resource.path.relative_to(resource.pack_dir).as_posix()] = resource.path
        for image in _images(resource):
            files[prefix + image.relative_to(resource.pack_dir.resolve()).as_posix()] = image
    first = library.pack(source_packs[0])
    language = resources[0].language  # the new pack's words are in its resources' language, like its pages

    def words(text: str) -> str:
        return translate_for(language, "Packs", text)

    shared = words(SHARED_ONE if is_singular(len(resources), language) else SHARED_MANY)
    meta = {
        "id": new_id,
        "title": title
        or (
            words(SHARED_FROM).format(pack=first.title_in(language))
            if first and first.id != OWN_PACK_ID
            else words(SHARED_MATERIAL)
        ),
        "version": today.isoformat(),
        "language": language,
        "description": shared.format(count=len(resources), date=long_date(today, language)),
        "license": resources[0].license or (first.license if first else ""),
    }
    files["pack.yaml"] = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).encode("utf-8")
    if cited := _cited_figures(resources):  # the files still say {{fig:id}}: the new pack needs those figures
        files[figures.FILE_NAME] = figures.register_yaml(cited).encode("utf-8")
    return _write(out_path, new_id, files, resources, lessons)


def _cited_figures(resources: Sequence[Resource]) -> list[figures.Figure]:
    """The register entries the chosen resources cite, from each one's own pack (first pack wins on an id)."""
    registers: dict[Path, figures.Register | None] = {}
    chosen: dict[str, figures.Figure] = {}
    for resource in resources:
        if resource.pack_dir not in registers:
            registers[resource.pack_dir] = figures.read_register(resource.pack_dir)[0]
        register = registers[resource.pack_dir]
        for figure_id in resource.figures:
            if register is not None and (figure := register.get(figure_id)) is not None:
                chosen.setdefault(figure_id, figure)
    return list(chosen.values())


def _chosen(library: Library, ids: Sequence[str]) -> list[Resource]:
    chosen: dict[str, Resource] = {}
    for wanted in ids:
        resource = library.get(wanted)
        if resource is not None:
            chosen.setdefault(resource.id, resource)
        elif library.pack(wanted) is not None:
            for r in library.resources:
                if r.pack == wanted:
                    chosen.setdefault(r.id, r)
        else:
            raise PackError(f"no resource or pack with id '{wanted}' (see 'kit list')")
    if not chosen:
        raise PackError("the chosen packs hold no resources")
    return list(chosen.values())


def _pack_folder_files(pack_dir: Path) -> Iterable[tuple[str, Path]]:
    """Every file of a pack folder a pack may carry (skipping dot-files and our installed manifest)."""
    for path in sorted(pack_dir.rglob("*")):
        relative = path.relative_to(pack_dir)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file() or path.is_symlink():
            continue
        if relative.as_posix() == INSTALLED_MANIFEST or path.suffix.lower() not in file_names.ALLOWED_EXTENSIONS:
            continue
        yield relative.as_posix(), path


def _images(resource: Resource) -> list[Path]:
    """The images a resource shows (either edition), only those inside its pack that pass the image policy."""
    found = []
    for edition in EDITIONS:
        for relative in markup.render(resource, edition).images:
            path = links.pack_file(resource.pack_dir, relative)
            if path is not None and path.is_file() and links.image_problem(path) is None and path not in found:
                found.append(path)
    return found


def _write(
    out_path: Path,
    pack_id: str,
    files: dict[str, Path | bytes],
    resources: Sequence[Resource],
    lessons: Sequence[dict[str, Any]],
) -> ExportResult:
    out_path = Path(out_path)
    if not out_path.parent.is_dir():
        raise PackError(f"the folder {out_path.parent} does not exist")
    contents: dict[str, bytes] = {}
    for name, source in sorted(files.items()):
        if problem := file_names.name_problem(name):
            raise PackError(f"cannot export: {problem}; rename the file first")
        data = source if isinstance(source, bytes) else _read(source)
        if len(data) > MAX_FILE_BYTES:
            raise PackError(f"cannot export: '{name}' is larger than {MAX_FILE_BYTES // 1_000_000} MB")
        contents[name] = data
    if problem := file_names.collision_problem(contents):
        raise PackError(f"cannot export: {problem}")
    if pack_id == OWN_PACK_ID:
        raise PackError("give the shared pack its own id (--pack-id)")
    meta = yaml.safe_load(contents["pack.yaml"].decode("utf-8-sig")) or {}
    pack = {k: str(meta[k]) for k in ("title", "version", "language", "description", "license") if meta.get(k)}
    manifest = Manifest(
        {"id": pack_id, **pack},
        {name: (len(data), hashlib.sha256(data).hexdigest()) for name, data in contents.items()},
        tuple(lessons),
    )
    try:
        with atomic_open(out_path) as stream, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, manifest.to_json())
            for name, data in contents.items():
                zf.writestr(name, data)
    except OSError as exc:
        if exc.errno == 28:
            raise PackError(f"not enough space in {out_path.parent}; nothing was written") from None
        raise PackError(f"cannot write {out_path}: {exc.strerror or exc}") from None
    return ExportResult(out_path, pack_id, len(contents), len(resources))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PackError(f"cannot read {path}: {exc.strerror or exc}") from None
