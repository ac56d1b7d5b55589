"""A lesson on the projector and on paper: its resources presented as one deck and printed as one packet.

The Lessons dialog hands over the lesson's resource ids in order (and the lesson, for its title, class, date and
minutes); `install_features` puts these on the window as `present_resources` and `print_resources`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMainWindow

from kit.core.model import Resource
from kit.core.store.database import Lesson


def lesson_resources(window: QMainWindow, ids: Sequence[str]) -> list[Resource]:
    """The resources still in the kit, in the lesson's order (a removed pack's items are left out)."""
    library = getattr(window, "library", None)
    found = (library.get(resource_id) if library is not None else None for resource_id in ids)
    return [resource for resource in found if resource is not None]


def planned_minutes(lesson: Lesson | None, resources: Sequence[Resource]) -> tuple[int | None, list[int | None]]:
    """(minutes for the whole deck, minutes for each resource): the lesson's, where the teacher gave them, else
    each resource's own. The whole is the lesson's items added up when it gives any."""
    parts: list[int | None] = [resource.minutes for resource in resources]
    if lesson is not None:
        ids = {resource.id for resource in resources}
        shown = [item for item in lesson.items if item.resource_id in ids]
        if [item.resource_id for item in shown] == [resource.id for resource in resources]:
            parts = [item.minutes or resource.minutes for item, resource in zip(shown, resources, strict=True)]
            given = [item.minutes for item in shown if item.minutes]
            if given:
                return sum(given), parts
    own = [minutes for minutes in parts if minutes]
    return (sum(own) if own else None), parts


def present_resources(window: QMainWindow, ids: Sequence[str], lesson: Lesson | None = None):
    """Present the resources as one deck, titled with the lesson. The teacher chose the lesson, so no
    content-warning question; the audience view shows the student edition only (notes stay on the laptop)."""
    from kit.ui.present.session import start_presentation

    resources = lesson_resources(window, ids)
    if not resources:
        _status(window, "Nothing to present: none of the lesson's resources is in the kit.")
        return None
    title = lesson.title if lesson is not None and lesson.title else None
    minutes, parts = planned_minutes(lesson, resources)
    return start_presentation(resources, parent_window=window, title=title, minutes=minutes, part_minutes=parts)


def lesson_cover(lesson: Lesson | None):
    """The packet's cover: the lesson's title, class and date (the date line is today's when the lesson has none)."""
    from kit.printing import Cover

    if lesson is None:
        return Cover()
    return Cover(
        title=lesson.title or "Lesson",
        class_name=lesson.class_name,
        date=lesson.date.isoformat() if lesson.date else "",
    )


def current_print_edition(window: QMainWindow) -> str:
    """The edition being read, or the teacher edition when File → Print Teacher Edition is on."""
    printing = getattr(window, "printing", None)
    toggle = getattr(printing, "teacher_edition", None)
    if toggle is not None and toggle.isChecked():
        return "teacher"
    reading = getattr(window, "current_edition", None)
    return "teacher" if callable(reading) and reading() == "teacher" else "student"


def print_resources(window: QMainWindow, ids: Sequence[str], lesson: Lesson | None = None):
    """Open the print preview of the resources as one packet (cover, contents, each resource); the teacher
    prints or changes the paper there. Returns the preview dialog."""
    from kit.ui.print_dialogs.print_actions import PrintJob

    resources = lesson_resources(window, ids)
    if not resources:
        _status(window, "Nothing to print: none of the lesson's resources is in the kit.")
        return None
    job = PrintJob(tuple(resources), current_print_edition(window), lesson_cover(lesson))
    window.printing.last_job = job
    return window.printing.preview_job(job)


def _status(window: QMainWindow, message: str) -> None:
    show = getattr(window, "show_status", None)
    if callable(show):
        show(message)
