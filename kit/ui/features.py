"""What a feature of the app (printing, presenting, lessons, the teacher's data) may ask of the main window.

Features are installed by `kit.ui.app` only and see the window through this one typed interface, never through
the window module, so a feature can be read, tested and replaced without knowing how the window is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QTextBrowser, QWidget

    from kit.core.content.loader import Library
    from kit.core.model import Resource
    from kit.core.settings import Settings


class Window(Protocol):
    """The main window as features see it (kit.ui.main_window.MainWindow implements it)."""

    resource_opened: SignalInstance  # Resource, once its page shows
    library_loaded: SignalInstance  # Library, each time one is (re)loaded
    closing: SignalInstance  # the window closes or the app quits: save what is being typed, stop background work

    @property
    def library(self) -> Library | None: ...

    @property
    def settings(self) -> Settings: ...

    def add_reader_bar(self, widget: QWidget) -> None:
        """Put `widget` in a row of its own under the page (as the find bar is)."""
        ...

    def dialog_parent(self) -> QWidget:
        """The widget dialogs belong to (they centre on it and close with it)."""
        ...

    def current_resource(self) -> Resource | None: ...

    def current_resource_id(self) -> str | None: ...

    def current_edition(self) -> str: ...

    def reading_view(self) -> QTextBrowser:
        """The reader showing the open page (presenting starts from the section in view)."""
        ...

    def open_resource(self, resource_id: str, fragment: str = "", *, acknowledged: bool = False) -> bool: ...

    def set_library(self, library: Library, select: str | None = None) -> None: ...

    def add_action(
        self, menu_name: str, text_or_action: str | QAction, slot=None, shortcut: str | None = None
    ) -> QAction:
        """Add an action to the File, Edit, View, Go or Help menu (before Quit in File)."""
        ...

    def add_resource_action(self, action: QAction) -> None:
        """Offer `action` when a resource in the library or the search results is right-clicked."""
        ...

    def chosen_resource_id(self) -> str | None:
        """The resource an action is for: the row right-clicked or selected in the library or the search
        results (when they have the focus), else the open page."""
        ...

    def add_menu(self, menu: QMenu) -> None:
        """Add a menu to the menu bar, before Help (Help stays last, as on every desktop)."""
        ...

    def add_side_panel(self, title: str, widget: QWidget) -> QWidget:
        """Put `widget` under the contents in the right-hand column, titled; returns the titled panel."""
        ...

    def show_status(self, message: str, timeout_ms: int = 6000) -> None: ...

    def show_notice(self, message: str, key: str = "window") -> None: ...

    def clear_notice(self, key: str) -> None: ...

    def update_settings(self, **changes) -> None: ...

    def set_reading(self, **changes) -> None:
        """Change the reading font, line spacing or text width and show the open page with them."""
        ...
