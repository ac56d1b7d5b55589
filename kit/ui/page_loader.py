"""Prepares reading pages off the GUI thread, so a hostile file can slow its own page but never the window."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:
    from kit.core.content import Library
    from kit.core.model import Resource
    from kit.core.page import Page


class PageLoader(QObject):
    """`request()` returns at once; `page_ready` brings the page, only for the newest request."""

    page_ready = Signal(int, object)  # token, Page

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # one slow page does not hold up the next click
        self._ready: set[int] = set()
        self._lock = threading.Lock()
        self._token = 0
        self._cache: dict[tuple[str, str], Page] = {}

    def request(self, resource: Resource, library: Library | None, edition: str) -> int:
        with self._lock:
            self._token += 1
            token = self._token
        key = (resource.id, edition)
        cached = self._cache.get(key)
        if cached is not None:
            self._ready.add(token)
            self.page_ready.emit(token, cached)
            return token

        def work() -> None:
            if token != self.latest():
                return  # the teacher already clicked elsewhere
            from kit.core.page import build_page  # Markdown and friends load on first use, off the GUI thread

            page = build_page(resource, library, edition)
            self._cache[key] = page
            self._ready.add(token)
            self.page_ready.emit(token, page)

        self._pool.start(work)
        return token

    def is_ready(self, token: int) -> bool:
        return token in self._ready

    def latest(self) -> int:
        with self._lock:
            return self._token

    def clear_cache(self) -> None:
        self._cache.clear()

    def shutdown(self) -> None:
        with self._lock:
            self._token += 1
        self._pool.clear()
        self._pool.waitForDone()
