"""The state of a running presentation (slide, black/white screen, timer) and the keys a clicker sends."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from kit.core.i18n import QT_TRANSLATE_NOOP, translate_for
from kit.core.model import Resource
from kit.core.render.slides import Slide, opens_with_title, render_note, render_slide, split_slides, title_slide
from kit.ui.i18n import translate

Key = Qt.Key
NEXT_KEYS = {Key.Key_Right, Key.Key_Down, Key.Key_PageDown, Key.Key_Space}
PREVIOUS_KEYS = {Key.Key_Left, Key.Key_Up, Key.Key_PageUp, Key.Key_Backspace}
ENTER_KEYS = {Key.Key_Return, Key.Key_Enter}
BLACK_KEYS = {Key.Key_B, Key.Key_Period}
WHITE_KEYS = {Key.Key_W, Key.Key_Comma}
# On a lesson deck's title slides, in the resource's language like the slide itself (the room reads it).
PART_OF = QT_TRANSLATE_NOOP("Presenter", "part {number} of {count}")
DIGIT_KEYS = {getattr(Key, f"Key_{n}"): str(n) for n in range(10)}


class Presentation(QObject):
    """What is being presented: one resource, or several in order as one deck (a lesson). Tracks which slide,
    whether the room sees a blank screen, and how long it has run.

    Each slide keeps the resource it came from, so its images come from that resource's pack and its notes are
    that resource's facilitator notes. Both the audience and the presenter windows send their keys here and
    redraw on `changed`.
    """

    changed = Signal()
    ended = Signal()
    toggle_view_requested = Signal()
    read_aloud_requested = Signal()  # R: read the slide aloud, or pause (kit.ui.read_aloud)

    def __init__(
        self,
        resource: Resource | Sequence[Resource],
        start: int = 0,
        parent: QObject | None = None,
        *,
        title: str | None = None,
        minutes: int | None = None,
        part_minutes: Sequence[int | None] | None = None,
    ):
        """`minutes` is the plan for the whole deck (default: the resources' own minutes added up);
        `part_minutes` the plan for each resource (default: its own minutes)."""
        super().__init__(parent)
        resources = (resource,) if isinstance(resource, Resource) else tuple(resource)
        if not resources:
            raise ValueError("nothing to present: no resources were given")
        self.resources: tuple[Resource, ...] = resources
        self.slides: list[Slide] = []
        self.owners: list[int] = []  # for each slide, the index in `resources` of the resource it came from
        self.first_slides: list[int] = []  # for each resource, the index of its first slide in the deck
        self.title_slides: set[int] = set()  # slides the deck added to open a resource's part
        for number, each in enumerate(resources):
            own = split_slides(each, "student")
            if len(resources) > 1 and not opens_with_title(each, own):
                # The room should see where one part of the lesson ends and the next begins.
                self.title_slides.add(len(self.slides))
                part = translate_for(each.language, "Presenter", PART_OF).format(
                    number=number + 1, count=len(resources)
                )
                own = [title_slide(each, f"{each.kind_label} · {part}"), *own]
            self.first_slides.append(len(self.slides))
            self.slides.extend(own)
            self.owners.extend([number] * len(own))
        self.title = title or resources[0].title
        if part_minutes is None or len(part_minutes) != len(resources):
            part_minutes = [r.minutes for r in resources]
        self.part_minutes: list[int | None] = [m or None for m in part_minutes]
        if minutes is None:
            given = [m for m in self.part_minutes if m]
            minutes = sum(given) if given else None
        self.planned_minutes: int | None = minutes or None
        self.index = max(0, min(start, len(self.slides) - 1))
        self.blank: str | None = None
        self.typed = ""  # digits typed so far for "number + Enter"
        self.running = True
        self._clock = QElapsedTimer()
        self._clock.start()

    # -- what to show ---------------------------------------------------------------------------
    @property
    def is_deck(self) -> bool:
        """Several resources presented one after another."""
        return len(self.resources) > 1

    @property
    def resource(self) -> Resource:
        """The resource the current slide comes from."""
        return self.resource_at(self.index)

    def resource_at(self, index: int) -> Resource:
        return self.resources[self.owners[index]]

    def pack_dir(self, index: int) -> Path:
        """Where the images of slide `index` come from: its own resource's pack."""
        return self.resource_at(index).pack_dir

    @property
    def count(self) -> int:
        return len(self.slides)

    @property
    def slide(self) -> Slide:
        return self.slides[self.index]

    @property
    def next_slide(self) -> Slide | None:
        return self.slides[self.index + 1] if self.index + 1 < self.count else None

    def slide_html(self, index: int) -> str:
        return render_slide(self.resource_at(index), self.slides[index]).html

    def notes_html(self, index: int) -> str:
        owner = self.resource_at(index)
        return "".join(render_note(owner, note).html for note in self.slides[index].notes)

    def part_text(self, index: int | None = None) -> str:
        """ "Part 2 of 3: <resource title>" in a deck, empty for one resource."""
        if not self.is_deck:
            return ""
        index = self.index if index is None else index
        return translate("Presenter", "Part {number} of {count}: {title}").format(
            number=self.owners[index] + 1, count=len(self.resources), title=self.resource_at(index).title
        )

    def counter_text(self) -> str:
        if self.typed:
            return translate("Presenter", "Go to slide {number}…").format(number=self.typed)
        return f"{self.index + 1} / {self.count}"

    def elapsed_seconds(self) -> int:
        return self._clock.elapsed() // 1000

    def restart_timer(self) -> None:
        self._clock.restart()
        self.changed.emit()

    # -- moving ---------------------------------------------------------------------------------
    def go(self, index: int) -> None:
        index = max(0, min(index, self.count - 1))
        changed = index != self.index or self.blank is not None or self.typed
        self.index, self.blank, self.typed = index, None, ""
        if changed:
            self.changed.emit()

    def next(self) -> None:
        # Any move first brings the room back from a black or white screen, on the slide they left.
        self.go(self.index if self.blank else self.index + 1)

    def previous(self) -> None:
        self.go(self.index if self.blank else self.index - 1)

    def toggle_blank(self, kind: str) -> None:
        self.blank = None if self.blank == kind else kind
        self.typed = ""
        self.changed.emit()

    def end(self) -> None:
        if self.running:
            self.running = False
            self.ended.emit()

    # -- keys -----------------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        """Act on one key press; True when the key belongs to presenting."""
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in DIGIT_KEYS:
            self.typed = (self.typed + DIGIT_KEYS[key])[-4:]
            self.changed.emit()
        elif key in ENTER_KEYS:
            if self.typed:
                self.go(int(self.typed) - 1)
            else:
                self.next()
        elif key == Key.Key_Escape:
            self.end()
        elif key == Key.Key_F5:
            # F5 starts from the beginning; Shift+F5 (a clicker's "start" button too) stays where it is.
            self.go(self.index if shift else 0)
        elif key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Key.Key_Home:
            self.go(0)
        elif key == Key.Key_End:
            self.go(self.count - 1)
        elif key in BLACK_KEYS:
            self.toggle_blank("black")
        elif key in WHITE_KEYS:
            self.toggle_blank("white")
        elif key == Key.Key_P:  # one screen: swap between the presenter and audience views
            self.toggle_view_requested.emit()
        elif key == Key.Key_R:
            self.read_aloud_requested.emit()
        else:
            return False
        if key not in DIGIT_KEYS and self.typed:
            self.typed = ""
            self.changed.emit()
        return True
