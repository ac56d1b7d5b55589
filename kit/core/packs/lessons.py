"""Lessons travelling inside a .kitpack manifest: written on export, checked and stored on import."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kit.core.atomic import fsync_dir
from kit.core.content.pack_order import installed_pack_dirs
from kit.core.packs.manifest import (
    INSTALLED_MANIFEST,
    LESSONS_PENDING,
    MAX_LESSON_ITEMS,
    MAX_LESSONS,
    PackError,
    parse_manifest,
)
from kit.core.store.database import LessonItem, Store, StoreError


def lesson_entry(title: str, class_name: str, date: dt.date | None, items: Iterable[tuple[str, int | None]]) -> dict:
    """A lesson as the manifest carries it."""
    return {
        "title": title,
        "class": class_name,
        "date": date.isoformat() if date else None,
        "items": [{"resource": rid, "minutes": minutes} for rid, minutes in items],
    }


def import_lessons(store: Store, entries: Iterable[dict[str, Any]], pack_id: str | None = None) -> tuple[int, int]:
    """Store the lessons a pack carried; entries with wrong types are skipped. Returns (added, skipped).

    With `pack_id`, they replace the lessons that pack brought before, all in one transaction (see
    Store.replace_pack_lessons); without it (older callers) each is added on its own.
    """
    added = skipped = 0
    parsed: list[tuple[str, str, dt.date | None, list[LessonItem]]] = []
    for entry in list(entries)[:MAX_LESSONS]:
        try:
            title = entry["title"]
            items = [LessonItem(i["resource"], i.get("minutes")) for i in entry.get("items") or []]
            date = dt.date.fromisoformat(entry["date"]) if entry.get("date") else None
            if not isinstance(title, str) or not all(isinstance(i.resource_id, str) for i in items):
                raise TypeError("title or resource")
            if not all(i.minutes is None or (isinstance(i.minutes, int) and 0 <= i.minutes <= 1440) for i in items):
                raise TypeError("minutes")
            parsed.append((title, str(entry.get("class") or ""), date, items[:MAX_LESSON_ITEMS]))
        except (KeyError, TypeError, ValueError, AttributeError):
            skipped += 1
    if pack_id is not None:
        store.replace_pack_lessons(pack_id, parsed)  # StoreError (read-only, disk full) is the caller's to show
        return len(parsed), skipped
    for title, class_name, date, items in parsed:
        try:
            store.create_lesson(title, class_name, date, items)
            added += 1
        except StoreError:
            skipped += 1
    return added, skipped


def store_pack_lessons(
    store: Store, pack_dir: Path, pack_id: str, entries: Iterable[dict[str, Any]]
) -> tuple[int, int]:
    """Store an installed pack's lessons (replacing what it brought before), then clear its pending mark.

    A kill before the mark goes leaves it for `store_pending_lessons`; storing again replaces, never adds.
    """
    counts = import_lessons(store, entries, pack_id=pack_id)
    with contextlib.suppress(FileNotFoundError):
        (Path(pack_dir) / LESSONS_PENDING).unlink()
        fsync_dir(pack_dir)
    return counts


def pending_lesson_packs(packs_dir: Path) -> list[Path]:
    """Installed packs whose lessons were not yet stored (an import interrupted after its rename)."""
    return [folder for folder in installed_pack_dirs(packs_dir) if (folder / LESSONS_PENDING).is_file()]


def store_pending_lessons(store: Store, packs_dir: Path) -> list[str]:
    """Store the lessons of every installed pack still marked pending; one line per pack, for the log."""
    done = []
    for folder in pending_lesson_packs(packs_dir):
        try:
            manifest = parse_manifest((folder / INSTALLED_MANIFEST).read_bytes())
        except (OSError, PackError) as exc:  # left marked: the pack itself fails its check and says so
            done.append(f"could not read the lessons of pack '{folder.name}': {exc}")
            continue
        try:
            added, _ = store_pack_lessons(store, folder, folder.name, manifest.lessons)
        except StoreError as exc:  # read-only or full: still marked, tried again at the next start
            done.append(f"could not store the lessons of pack '{folder.name}': {exc}")
            continue
        done.append(f"stored {added} lesson(s) of pack '{folder.name}' after an interrupted import")
    return done
