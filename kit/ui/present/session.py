"""One running presentation: which screen shows what, and ending both views together."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

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
