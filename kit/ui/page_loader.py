"""Prepares reading pages off the GUI thread, so a hostile file can slow its own page but never the window."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThreadPool, Signal

from kit.core.content import Library
from kit.core.model import Resource
from kit.core.page import Page, build_page


class PageLoader(QObject):
    """`request()` returns at once; `page_ready` brings the page, only for the newest request."""

    page_ready = Signal(int, object)  # token, Page

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
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
            self.page_ready.emit(token, cached)
            return token

        def work() -> None:
            if token != self.latest():
                return  # the teacher already clicked elsewhere
            page = build_page(resource, library, edition)
            self._cache[key] = page
            self.page_ready.emit(token, page)

        self._pool.start(work)
        return token

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
