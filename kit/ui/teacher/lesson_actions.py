"""A lesson on the projector and on paper: its resources presented as one deck and printed as one packet.

The Lessons dialog hands over the lesson's resource ids in order (and the lesson, for its title, class, date and
minutes); `LessonActions` passes them to the presenting and printing features the app installed.
"""

from __future__ import annotations

from collections.abc import Sequence

from kit.core.content.loader import Library
from kit.core.model import Resource
from kit.core.store.database import Lesson
from kit.printing import Cover
from kit.ui.features import Window
from kit.ui.i18n import translate
from kit.ui.present.present_actions import PresentActions
from kit.ui.print_dialogs.controller import PrintController, PrintJob


def lesson_resources(library: Library | None, ids: Sequence[str]) -> list[Resource]:
    """The resources still in the kit, in the lesson's order (a removed pack's items are left out)."""
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


def lesson_cover(lesson: Lesson | None) -> Cover:
    """The packet's cover: the lesson's title, class and date (today's when the lesson has none), written out in
    the packet's language when it is printed."""
    if lesson is None:
        return Cover()
    return Cover(
        title=lesson.title or translate("Lessons", "Lesson"),
        class_name=lesson.class_name,
        date=lesson.date.isoformat() if lesson.date else "",
    )


class LessonActions:
    """Present or print a lesson's resources, for the Lessons dialog."""

    def __init__(self, window: Window, presenting: PresentActions, printing: PrintController):
        self.window, self.presenting, self.printing = window, presenting, printing

    def present(self, ids: Sequence[str], lesson: Lesson | None = None):
        """Present the resources as one deck, titled with the lesson. The teacher chose the lesson, so no
        content-warning question; the audience view shows the student edition only (notes stay on the laptop)."""
        resources = lesson_resources(self.window.library, ids)
        if not resources:
            self.window.show_status(
                translate("Lessons", "Nothing to present: none of the lesson's resources is in the kit.")
            )
            return None
        title = lesson.title if lesson is not None and lesson.title else None
        minutes, parts = planned_minutes(lesson, resources)
        return self.presenting.present(resources, title=title, minutes=minutes, part_minutes=parts)

    def print_edition(self) -> str:
        """The student copy, whatever the reader shows (a lesson is printed for the class); the teacher copy only
        when File → Print Teacher Edition is on. The preview asks again with the edition control."""
        return "teacher" if self.printing.teacher_edition.isChecked() else "student"

    def print_packet(self, ids: Sequence[str], lesson: Lesson | None = None):
        """Open the print preview of the resources as one packet (cover, contents, each resource); the teacher
        prints, or changes the paper or the edition there. Returns the preview dialog."""
        resources = lesson_resources(self.window.library, ids)
        if not resources:
            self.window.show_status(
                translate("Lessons", "Nothing to print: none of the lesson's resources is in the kit.")
            )
            return None
        job = PrintJob(tuple(resources), self.print_edition(), lesson_cover(lesson))
        self.printing.last_job = job
        return self.printing.preview_job(job)
