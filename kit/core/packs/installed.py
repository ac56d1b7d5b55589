"""Putting a verified, staged pack in place, removing one, and tidying after a crash; every step is one rename."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable, Collection, Iterable
from pathlib import Path

from kit.core.atomic import LEFTOVER_AGE_S, clean_stale_temp_files, fsync_dir
from kit.core.content.pack_order import IMPORT_ORDER, import_order, next_import_order
from kit.core.content.pack_order import installed_pack_dirs as installed_pack_dirs  # re-exported for callers
from kit.core.names import is_valid_id
from kit.core.packs.manifest import (
    INSTALLED_MANIFEST,
    LESSONS_PENDING,
    OWN_PACK_ID,
    ImportResult,
    Manifest,
    OwnClash,
    PackError,
)

STAGING, OLD, REMOVING = ".incoming-", ".old-", ".removing-"
ContentCheck = Callable[[Path], tuple[list[str], list[str]]]


def check_content(folder: Path) -> tuple[list[str], list[str]]:
    """(errors, warnings) from `kit validate` on one pack folder, with paths relative to it."""
    from kit.core.validate import validate

    report = validate([folder])
    if not report.library.packs:
        errors = [str(p.relative_to(folder)) for p in report.problems] or ["pack.yaml could not be read"]
        return errors, []
    errors = [str(p.relative_to(folder)) for p in report.problems if p.severity == "error"]
    warnings = [str(p.relative_to(folder)) for p in report.problems if p.severity != "error"]
    return errors, warnings


def install_staged(
    staging: Path,
    packs_dir: Path,
    manifest: Manifest,
    on_conflict: str,
    reserved: Collection[str],
    validate_content: ContentCheck | None,
) -> ImportResult:
    """Validate the staged content, then rename it into `packs_dir`; a replaced pack goes only after."""
    from kit.core.content.loader import load_pack_info

    pack, _ = load_pack_info(staging)
    if pack is None or pack.id != manifest.pack_id:
        found = pack.id if pack else "none"
        raise PackError(f"pack.yaml says id '{found}' but the manifest says '{manifest.pack_id}'")
    errors, warnings = (validate_content or check_content)(staging)
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise PackError(f"the pack's content is not valid: {errors[0]}{more}")
    if on_conflict == "ask" and (clashes := _own_clashes(staging, packs_dir)):
        raise OwnClash(manifest.pack_id, clashes)
    pack_id, files = manifest.pack_id, dict(manifest.files)
    target = packs_dir / pack_id
    if on_conflict == "keep-both" and (target.exists() or pack_id in reserved):
        pack_id = _free_id(pack_id, packs_dir, reserved)
        data = _rewrite_pack_id(staging / "pack.yaml", pack_id)
        files["pack.yaml"] = (len(data), hashlib.sha256(data).hexdigest())
        target = packs_dir / pack_id
    # A replaced pack keeps its place among the imported ones; a new one goes after all of them.
    order = import_order(target) if target.exists() else None
    order = next_import_order(packs_dir) if order is None else order
    installed = Manifest({**manifest.pack, "id": pack_id, IMPORT_ORDER: str(order)}, files, manifest.lessons)
    _write_synced(staging / INSTALLED_MANIFEST, installed.to_json())
    if manifest.lessons:  # the lessons are in the manifest; this says the store does not have them yet
        _write_synced(staging / LESSONS_PENDING, b"")
    for folder, _dirs, _files in os.walk(staging):
        fsync_dir(folder)
    replaced = target.exists()
    try:
        if replaced:
            old = packs_dir / f"{OLD}{int(time.time())}-{uuid.uuid4().hex[:8]}-{pack_id}"
            os.replace(target, old)
            try:
                os.replace(staging, target)
            except OSError:
                os.replace(old, target)
                raise
            fsync_dir(packs_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, target)
            fsync_dir(packs_dir)
    except OSError as exc:
        raise PackError(f"could not put the pack in place: {exc.strerror or exc}") from None
    return ImportResult(pack_id, target, replaced, tuple(warnings), manifest.lessons)


def remove_pack(packs_dir: Path, pack_id: str) -> None:
    """Remove an installed pack: renamed aside in one step (never half there), then deleted."""
    target = Path(packs_dir) / pack_id
    if pack_id == OWN_PACK_ID:
        raise PackError(f"your own pack is not removed this way; its files are in {target}")
    if not is_valid_id(pack_id) or not (target / "pack.yaml").is_file():
        raise PackError(f"no installed pack with id '{pack_id}'")
    doomed = Path(packs_dir) / f"{REMOVING}{int(time.time())}-{uuid.uuid4().hex[:8]}-{pack_id}"
    try:
        os.replace(target, doomed)
    except OSError as exc:
        raise PackError(f"could not remove pack '{pack_id}': {exc.strerror or exc}") from None
    fsync_dir(packs_dir)
    shutil.rmtree(doomed, ignore_errors=True)


def recover(packs_dir: Path, older_than_s: float = LEFTOVER_AGE_S) -> list[str]:
    """Tidy what a crash left in `packs_dir`: staging and removed packs go, a replaced pack comes back.

    Returns a line per action, for the log. Work younger than `older_than_s` may belong to
    another running copy of the kit and is left alone (names carry their start time).
    """
    done: list[str] = []
    packs_dir = Path(packs_dir)
    try:
        entries = sorted(packs_dir.iterdir())
    except OSError:
        return done
    now = time.time()
    for entry in entries:
        name = entry.name
        prefix = next((p for p in (STAGING, OLD, REMOVING) if name.startswith(p)), None)
        if prefix is None or not entry.is_dir():
            continue
        try:
            started = int(name[len(prefix) :].split("-")[0])
        except ValueError:
            started = 0
        if prefix == OLD:
            pack_id = name[len(prefix) :].split("-", 2)[-1]
            home = packs_dir / pack_id
            # A replaced pack whose place is empty comes back at once, whatever its age: the teacher must not
            # lose it for ten minutes. Safe beside a running copy mid-replace: its second rename then finds the
            # place taken, puts nothing in, and reports that the import failed; no pack is lost either way.
            if is_valid_id(pack_id) and not home.exists():
                with contextlib.suppress(OSError):
                    os.replace(entry, home)
                    done.append(f"restored pack '{pack_id}' after an interrupted replace")
                    continue
        if now - started < older_than_s:
            continue
        shutil.rmtree(entry, ignore_errors=True)
        done.append(f"removed leftover {name}")
    clean_stale_temp_files(packs_dir, older_than_s)
    return done


def reserved_ids(resource_dirs: Iterable[Path]) -> set[str]:
    """Ids of the packs outside the data dir (bundled or --resources): an import can only sit beside them."""
    from kit.core.content.loader import find_pack_dirs, load_pack_info

    ids = set()
    for folder in find_pack_dirs(resource_dirs):
        pack, _ = load_pack_info(folder)
        if pack is not None:
            ids.add(pack.id)
    return ids


def _own_clashes(staging: Path, packs_dir: Path) -> list[str]:
    """Ids of the staged pack's resources that the teacher's own pack also has."""
    from kit.core.content.loader import load_library

    own = packs_dir / OWN_PACK_ID
    if not (own / "pack.yaml").is_file():
        return []
    own_ids = {r.id for r in load_library([own]).resources}
    return sorted(r.id for r in load_library([staging]).resources if r.id in own_ids)


def _free_id(pack_id: str, packs_dir: Path, reserved: Collection[str]) -> str:
    base = re.sub(r"-\d+$", "", pack_id)[:70]
    number = 2
    while (candidate := f"{base}-{number}") in reserved or (packs_dir / candidate).exists():
        number += 1
    return candidate


def _rewrite_pack_id(path: Path, pack_id: str) -> bytes:
    """pack.yaml with a new id, written from its parsed form: a flow mapping or a quoted id cannot defeat it."""
    import yaml

    from kit.core.content.frontmatter import ReadError, read_yaml_file

    try:
        meta, _, _ = read_yaml_file(path)
    except ReadError as exc:
        raise PackError(f"pack.yaml cannot be read: {exc.message}") from None
    fields = {str(key): value for key, value in meta.items() if key != "id"}
    data = yaml.safe_dump({"id": pack_id, **fields}, allow_unicode=True, sort_keys=False).encode("utf-8")
    _write_synced(path, data)
    return data


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
