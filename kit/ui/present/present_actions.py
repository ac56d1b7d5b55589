"""The presenting feature of the main window: View → Present (F5), Present from current section (Shift+F5),
and presenting several resources (a lesson) as one deck."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QTextBrowser

from kit.core.model import Resource
from kit.core.render.slides import Slide, split_slides
from kit.ui.features import Window
from kit.ui.i18n import translate
from kit.ui.present.session import PresentationSession


def section_in_view(reader: QTextBrowser, slides: Sequence[Slide]) -> int:
    """The slide whose heading is the last one at or above the top of the reader's view, for Shift+F5."""
    # A heading in the top tenth of the view counts as the section being read.
    probe = QPoint(8, max(8, reader.viewport().height() // 10))
    top = reader.cursorForPosition(probe).position()
    headings = []  # (position, text) of each heading block in the reader, in order
    block = reader.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            headings.append((block.position(), " ".join(block.text().split())))
        block = block.next()
    best, search_from = 0, 0
    for index, slide in enumerate(slides):
        title = " ".join(slide.title.split())
        match = next((i for i in range(search_from, len(headings)) if headings[i][1] == title), None)
        if match is None:
            continue
        search_from = match + 1
        if headings[match][0] <= top:
            best = index
    return best


class PresentActions(QObject):
    """Starts presentations from the window and keeps the running one (a new one ends the old)."""

    started = Signal(object)  # the PresentationSession just shown (read aloud listens to its R key)

    def __init__(self, window: Window):
        super().__init__(window.dialog_parent())
        self.window = window
        self.session: PresentationSession | None = None
        self.present_action = window.add_action(
            "view", translate("Presenter", "&Present"), lambda: self.present_current(), "F5"
        )
        self.present_action.setStatusTip(
            translate("Presenter", "Show this resource as slides on the projector, with notes on your screen")
        )
        self.present_here_action = window.add_action(
            "view",
            translate("Presenter", "Present from &current section"),
            lambda: self.present_current(from_current=True),
            "Shift+F5",
        )

    def present(
        self,
        resources: Resource | Sequence[Resource],
        *,
        start: int = 0,
        full_screen: bool = True,
        title: str | None = None,
        minutes: int | None = None,
        part_minutes: Sequence[int | None] | None = None,
    ) -> PresentationSession:
        """Present a resource (or several in order, as one deck) now, ending any presentation still running."""
        if self.session is not None and self.session.presentation.running:
            self.session.close()
        self.session = PresentationSession(
            resources,
            start=start,
            parent_window=self.window.dialog_parent(),
            full_screen=full_screen,
            title=title,
            minutes=minutes,
            part_minutes=part_minutes,
        )
        self.session.show()
        self.started.emit(self.session)
        return self.session

    def present_current(self, *, from_current: bool = False) -> PresentationSession | None:
        resource = self.window.current_resource()
        if resource is None:
            return None
        start = section_in_view(self.window.reading_view(), split_slides(resource)) if from_current else 0
        return self.present(resource, start=start)

    def end(self) -> None:
        """End a running presentation (the window is closing)."""
        if self.session is not None and self.session.presentation.running:
            self.session.close()
