"""Actions on a resource in the library or the search results (right-click), such as "Add to Lesson".

Features add their actions through the window; when one runs, `chosen_id()` says which resource it is for:
the row right-clicked, else the row selected in the list that has the keyboard focus, else the open page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu

ID_ROLE = Qt.ItemDataRole.UserRole  # the library panel and the search results keep the id there


def _row_id(view: QAbstractItemView, index) -> str | None:
    value = index.data(ID_ROLE) if index.isValid() else None
    return value if isinstance(value, str) and value else None  # a group heading has no id


class ResourceMenu:
    """The right-click menu of `views` (lists of resources) and the resource its actions are for."""

    def __init__(
        self,
        views: tuple[QAbstractItemView, ...],
        open_resource_id: Callable[[], str | None],
        hidden: Callable[[], None] | None = None,
    ):
        """`hidden` runs each time the menu closes (the window takes the keyboard back)."""
        self.views, self._open_id, self._hidden = views, open_resource_id, hidden
        self.actions: list[QAction] = []
        self._pointed: str | None = None
        self._menu: QMenu | None = None  # one, kept: destroying a popup's window can take the focus with it
        for view in views:
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self.show_menu(v, pos))

    def add(self, action: QAction) -> None:
        self.actions.append(action)

    def show_menu(self, view: QAbstractItemView, pos: QPoint) -> QMenu | None:
        resource_id = _row_id(view, view.indexAt(pos))
        if resource_id is None or not self.actions:
            return None
        view.setCurrentIndex(view.indexAt(pos))
        menu = self._menu
        if menu is None:
            menu = self._menu = QMenu(view.window())
            # Qt hides the menu, then triggers the chosen action in the same call: forget the row afterwards.
            menu.aboutToHide.connect(lambda: QTimer.singleShot(0, self._forget))
            if self._hidden is not None:
                menu.aboutToHide.connect(self._hidden)
        menu.clear()
        menu.addActions(self.actions)
        self._pointed = resource_id
        menu.popup(view.viewport().mapToGlobal(pos))
        return menu

    def _forget(self) -> None:
        self._pointed = None

    def chosen_id(self) -> str | None:
        if self._pointed is not None:
            return self._pointed
        for view in self.views:
            if view.hasFocus():
                return _row_id(view, view.currentIndex())
        return self._open_id()
