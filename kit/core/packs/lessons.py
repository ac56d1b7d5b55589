"""Lessons travelling inside a .kitpack manifest: written on export, checked and stored on import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from kit.core.store.database import LessonItem, Store, StoreError


def lesson_entry(title: str, class_name: str, date: dt.date | None, items: Iterable[tuple[str, int | None]]) -> dict:
    """A lesson as the manifest carries it."""
    return {
        "title": title,
        "class": class_name,
        "date": date.isoformat() if date else None,
        "items": [{"resource": rid, "minutes": minutes} for rid, minutes in items],
    }


def import_lessons(store: Store, entries: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """Store the lessons a pack carried; entries with wrong types are skipped. Returns (added, skipped)."""
    added = skipped = 0
    for entry in entries:
        try:
            title = entry["title"]
            items = [LessonItem(i["resource"], i.get("minutes")) for i in entry.get("items") or []]
            date = dt.date.fromisoformat(entry["date"]) if entry.get("date") else None
            if not isinstance(title, str) or not all(isinstance(i.resource_id, str) for i in items):
                raise TypeError("title or resource")
            if not all(i.minutes is None or (isinstance(i.minutes, int) and 0 <= i.minutes <= 1440) for i in items):
                raise TypeError("minutes")
            store.create_lesson(title, str(entry.get("class") or ""), date, items)
            added += 1
        except (KeyError, TypeError, ValueError, AttributeError, StoreError):
            skipped += 1
    return added, skipped
