"""Prepares reading pages off the GUI thread, so a hostile file can slow its own page but never the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kit.ui.background import Background

if TYPE_CHECKING:
    from kit.core.content.loader import Library
    from kit.core.model import Resource
    from kit.core.render.reading_page import Page


# No trial layout here: laying a QTextDocument out on a worker deadlocked with the GUI thread in PySide (the
# worker holds the interpreter inside QTextDocument.size() while it waits for a Qt connection lock that the GUI
# thread holds while it waits for the interpreter; caught twice under load with py-spy, issue 15). The structure
# limits in core (kit.core.render.html_limits, markdown_shapes) bound what reaches the reader; a last-resort
# trial layout has to come back in a child process.


class PageLoader(QObject):
    """`request()` returns at once; `page_ready` brings the page, only for the newest request."""

    page_ready = Signal(int, object)  # token, Page

    def __init__(self, parent=None):
        super().__init__(parent)
        self._background = Background(self, threads=2)  # one slow page does not hold up the next click
        self._ready: set[int] = set()
        self._cache: dict[tuple[str, str], Page] = {}

    def request(self, resource: Resource, library: Library | None, edition: str) -> int:
        key = (resource.id, edition)
        cached = self._cache.get(key)
        if cached is not None:
            token = self._background.known(cached, lambda page: self._arrived(token, key, page), kind="page")
            self._ready.add(token)  # no "Preparing…" flash for a page already made
            return token

        def work() -> Page:
            from kit.core.render.reading_page import build_page  # Markdown loads on first use, off the GUI thread

            page = build_page(resource, library, edition)
            return page

        token = self._background.run(work, lambda page: self._arrived(token, key, page), kind="page")
        return token

    def _arrived(self, token: int, key: tuple[str, str], page: Page) -> None:
        self._cache[key] = page
        self._ready.add(token)
        self.page_ready.emit(token, page)

    def is_ready(self, token: int) -> bool:
        return token in self._ready

    def clear_cache(self) -> None:
        self._cache.clear()

    def shutdown(self) -> None:
        self._background.shutdown()
