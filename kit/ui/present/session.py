"""Starting and ending a presentation: which screen shows what, and the reader's F5 / View → Present actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QMainWindow, QMenu, QTextBrowser, QWidget

from kit.core.model import Resource
from kit.ui.present.audience import AudienceView
from kit.ui.present.controller import Presentation
from kit.ui.present.presenter import PresenterView


def choose_screens(current: QScreen | None, screens: list[QScreen]) -> tuple[QScreen | None, QScreen | None]:
    """(audience screen, presenter screen): the projector is a screen other than the laptop's, when there is one.

    With one screen the presenter screen is None: the views share it and P swaps them.
    """
    if current is None:
        current = screens[0] if screens else None
    others = [s for s in screens if s is not current]
    if not others:
        return current, None
    return others[0], current


def _show_full_screen(widget: QWidget, screen: QScreen | None) -> None:
    if screen is not None:
        widget.setScreen(screen)
        widget.setGeometry(screen.geometry())
    widget.showFullScreen()
    widget.raise_()
    widget.activateWindow()
    widget.setFocus()


class PresentationSession(QObject):
    """The two windows of one presentation, placed on their screens; ends them both together."""

    finished = Signal()

    def __init__(
        self,
        resource: Resource | Sequence[Resource],
        *,
        start: int = 0,
        parent_window: QWidget | None = None,
        screens: list[QScreen] | None = None,
        full_screen: bool = True,
        title: str | None = None,
        minutes: int | None = None,
        part_minutes: Sequence[int | None] | None = None,
    ):
        super().__init__(parent_window)
        self.parent_window = parent_window
        self.presentation = Presentation(resource, start, self, title=title, minutes=minutes, part_minutes=part_minutes)
        current = parent_window.screen() if parent_window is not None else QGuiApplication.primaryScreen()
        self.audience_screen, self.presenter_screen = choose_screens(
            current, list(screens if screens is not None else QGuiApplication.screens())
        )
        self.one_screen = self.presenter_screen is None
        self.audience = AudienceView(self.presentation)
        self.presenter = PresenterView(self.presentation, one_screen=self.one_screen)
        if self.audience_screen is not None:
            size = self.audience_screen.geometry().size()
            self.presenter.set_audience_aspect(size.width() / max(1, size.height()))
        self.full_screen = full_screen
        if parent_window is not None:
            parent_window.installEventFilter(self)  # closing the app's window ends the presentation too
        self.presentation.ended.connect(self.close)
        self.presentation.toggle_view_requested.connect(self.toggle_view)

    def show(self) -> None:
        if self.full_screen:
            _show_full_screen(self.audience, self.audience_screen)
            if not self.one_screen:
                # On the laptop screen, maximised (not full screen) so the teacher keeps their taskbar.
                self.presenter.setScreen(self.presenter_screen)
                self.presenter.setGeometry(self.presenter_screen.availableGeometry())
                self.presenter.showMaximized()
                self.presenter.activateWindow()
                self.presenter.setFocus()
        else:
            self.audience.show()
            if not self.one_screen:
                self.presenter.show()

    def toggle_view(self) -> None:
        """One screen: swap the presenter and audience views in place. Two screens: nothing to swap."""
        if not self.one_screen:
            return
        showing, hiding = (
            (self.presenter, self.audience) if self.audience.isVisible() else (self.audience, self.presenter)
        )
        if self.full_screen:
            _show_full_screen(showing, self.audience_screen)
        else:
            showing.show()
            showing.setFocus()
        hiding.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent_window and event.type() == QEvent.Type.Close and self.presentation.running:
            self.close()
        return False

    def close(self) -> None:
        if self.parent_window is not None:
            self.parent_window.removeEventFilter(self)
        self.presentation.running = False  # closing the windows must not end twice
        for window in (self.audience, self.presenter):
            window.hide()
            window.close()
            window.deleteLater()
        if self.parent_window is not None:
            self.parent_window.activateWindow()
        self.finished.emit()


def start_presentation(
    resource: Resource | Sequence[Resource],
    *,
    start: int = 0,
    parent_window: QWidget | None = None,
    full_screen: bool = True,
    title: str | None = None,
    minutes: int | None = None,
    part_minutes: Sequence[int | None] | None = None,
) -> PresentationSession:
    """Present a resource (or several in order, as one deck) now. The parent window keeps the session alive
    until it ends."""
    session = PresentationSession(
        resource,
        start=start,
        parent_window=parent_window,
        full_screen=full_screen,
        title=title,
        minutes=minutes,
        part_minutes=part_minutes,
    )
    if parent_window is not None:
        previous = getattr(parent_window, "presentation_session", None)
        if previous is not None and previous.presentation.running:
            previous.close()
        parent_window.presentation_session = session
    session.show()
    return session


# -- the reader's actions -----------------------------------------------------------------------


def current_resource(window: QWidget) -> Resource | None:
    """The resource the main window is showing, by whatever that window offers."""
    getter = getattr(window, "current_resource", None)
    if callable(getter):
        return getter()
    resource_list = getattr(window, "resource_list", None)
    library = getattr(window, "library", None)
    if resource_list is None or library is None or resource_list.currentItem() is None:
        return None
    return library.get(resource_list.currentItem().data(Qt.ItemDataRole.UserRole))


def show_resource(window: QWidget, resource_id: str) -> None:
    """Open a resource in the main window's reader, so the teacher is on it when the presentation ends."""
    opener = getattr(window, "open_resource", None)
    if callable(opener):
        # Presenting it was the teacher's own choice: no content-warning question in front of the reader.
        opener(resource_id, acknowledged=True)
        return
    resource_list = getattr(window, "resource_list", None)
    for row in range(resource_list.count() if resource_list is not None else 0):
        if resource_list.item(row).data(Qt.ItemDataRole.UserRole) == resource_id:
            resource_list.setCurrentRow(row)
            return


def current_section(window: QWidget, presentation_slides) -> int:
    """The slide whose heading is the last one at or above the top of the reader's view, for Shift+F5."""
    reader = getattr(window, "reader", None)
    if not isinstance(reader, QTextBrowser):
        return 0
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
    for index, slide in enumerate(presentation_slides):
        title = " ".join(slide.title.split())
        match = next((i for i in range(search_from, len(headings)) if headings[i][1] == title), None)
        if match is None:
            continue
        search_from = match + 1
        if headings[match][0] <= top:
            best = index
    return best


def present_current(window: QWidget, *, from_current: bool = False) -> PresentationSession | None:
    resource = current_resource(window)
    if resource is None:
        return None
    start = 0
    if from_current:
        from kit.core.render.slides import split_slides

        start = current_section(window, split_slides(resource))
    return start_presentation(resource, start=start, parent_window=window)


def add_present_actions(window: QMainWindow) -> tuple[QAction, QAction]:
    """Add View → Present (F5) and Present from current section (Shift+F5) to a main window."""
    menu = next(
        (a.menu() for a in window.menuBar().actions() if a.menu() and a.text().replace("&", "") == "View"), None
    )
    if not isinstance(menu, QMenu):
        menu = window.menuBar().addMenu("&View")
    from_start = QAction("&Present", window)
    from_start.setShortcut(QKeySequence(Qt.Key.Key_F5))
    from_start.setStatusTip("Show this resource as slides on the projector, with notes on your screen")
    from_start.triggered.connect(lambda: present_current(window))
    from_here = QAction("Present from &current section", window)
    from_here.setShortcut(QKeySequence(Qt.KeyboardModifier.ShiftModifier | Qt.Key.Key_F5))
    from_here.triggered.connect(lambda: present_current(window, from_current=True))
    menu.addAction(from_start)
    menu.addAction(from_here)
    window.present_action, window.present_here_action = from_start, from_here
    return from_start, from_here
