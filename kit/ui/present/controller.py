"""The state of a running presentation (slide, black/white screen, timer) and the keys a clicker sends."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from kit.core.model import Resource
from kit.core.slides import Slide, render_note, render_slide, split_slides

Key = Qt.Key
NEXT_KEYS = {Key.Key_Right, Key.Key_Down, Key.Key_PageDown, Key.Key_Space}
PREVIOUS_KEYS = {Key.Key_Left, Key.Key_Up, Key.Key_PageUp, Key.Key_Backspace}
ENTER_KEYS = {Key.Key_Return, Key.Key_Enter}
BLACK_KEYS = {Key.Key_B, Key.Key_Period}
WHITE_KEYS = {Key.Key_W, Key.Key_Comma}
DIGIT_KEYS = {getattr(Key, f"Key_{n}"): str(n) for n in range(10)}


class Presentation(QObject):
    """One resource being presented: which slide, whether the room sees a blank screen, how long it has run.

    Both the audience and the presenter windows send their keys here and redraw on `changed`.
    """

    changed = Signal()
    ended = Signal()
    toggle_view_requested = Signal()

    def __init__(self, resource: Resource, start: int = 0, parent: QObject | None = None):
        super().__init__(parent)
        self.resource = resource
        self.slides: list[Slide] = split_slides(resource, "student")
        self.index = max(0, min(start, len(self.slides) - 1))
        self.blank: str | None = None
        self.typed = ""  # digits typed so far for "number + Enter"
        self.running = True
        self._clock = QElapsedTimer()
        self._clock.start()

    # -- what to show ---------------------------------------------------------------------------
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
        return render_slide(self.resource, self.slides[index]).html

    def notes_html(self, index: int) -> str:
        return "".join(render_note(self.resource, note).html for note in self.slides[index].notes)

    def counter_text(self) -> str:
        if self.typed:
            return f"Go to slide {self.typed}…"
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
        else:
            return False
        if key not in DIGIT_KEYS and self.typed:
            self.typed = ""
            self.changed.emit()
        return True
