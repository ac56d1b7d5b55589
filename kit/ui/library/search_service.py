"""Runs kit.core.search off the GUI thread: builds the index in the background, answers queries, drops stale ones."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:
    from kit.core.content.loader import Library

Opener = Callable[[Path, "Library", Callable[[int, int], None] | None], object]


def default_opener(index_dir: Path, library: Library, progress: Callable[[int, int], None] | None = None):
    """`kit.core.search.SearchIndex.open`, imported only when the index is first needed (tantivy is not light)."""
    from kit.core.paths import bundled_index_dir, bundled_resources_dir
    from kit.core.search import SearchIndex
    from kit.core.search.prebuilt import seed_from_prebuilt

    # An installed kit ships its index prebuilt: the first launch copies it instead of indexing everything.
    seed_from_prebuilt(bundled_index_dir(), index_dir, library, bundled_resources_dir())
    return SearchIndex.open(index_dir, library, progress)


class SearchService(QObject):
    """One index per library. `search()` returns at once; `results` carries the answer to the newest query only."""

    progress = Signal(int, int)  # done, total while the index builds
    ready = Signal()
    failed = Signal(str)
    results = Signal(int, object)  # generation, SearchResults
    search_failed = Signal(int, str)

    def __init__(self, opener: Opener | None = None, parent=None):
        super().__init__(parent)
        self._opener = opener or default_opener
        self._open_pool = QThreadPool(self)
        self._open_pool.setMaxThreadCount(1)
        self._search_pool = QThreadPool(self)
        self._search_pool.setMaxThreadCount(1)  # one query at a time; queued ones are skipped when stale
        self._lock = threading.Lock()
        self._generation = 0
        self._index = None
        self._pending: tuple | None = None
        self.percent = 0
        self.error: str | None = None
        self.ready.connect(self._run_pending)

    @property
    def is_ready(self) -> bool:
        return self._index is not None

    def start(self, index_dir: Path, library: Library) -> None:
        """Open (or build) the index in the background; `ready` or `failed` follows."""
        self._index = None
        self.error = None

        def report(done: int, total: int) -> None:
            self.percent = int(100 * done / total) if total else 0
            self.progress.emit(done, total)

        def work() -> None:
            try:
                index = self._opener(index_dir, library, report)
            except ImportError:
                self.error = "Search is not available in this version of the kit."
                self.failed.emit(self.error)
                return
            except Exception as exc:  # the contract says open() rebuilds rather than raises; be safe anyway
                self.error = f"The search index could not be built ({type(exc).__name__})."
                self.failed.emit(self.error)
                return
            self._index = index
            self.ready.emit()

        self._open_pool.start(work)

    def search(self, query: str, *, kind=None, audience=None, language=None, limit: int = 30) -> int:
        """Queue a query; returns its generation. Older queries still waiting are dropped."""
        with self._lock:
            self._generation += 1
            generation = self._generation
        request = (generation, query, {"kind": kind, "audience": audience, "language": language, "limit": limit})
        if self._index is None:
            self._pending = request  # answered as soon as the index is ready
            return generation
        self._submit(request)
        return generation

    def latest(self) -> int:
        with self._lock:
            return self._generation

    def _run_pending(self) -> None:
        if self._pending is not None:
            request, self._pending = self._pending, None
            self._submit(request)

    def _submit(self, request: tuple) -> None:
        generation, query, options = request
        index = self._index

        def work() -> None:
            if generation != self.latest():
                return  # a newer query was typed while this one waited
            try:
                answer = index.search(query, **options)
            except Exception as exc:  # the contract says never; a bug must not take the window down
                self.search_failed.emit(generation, f"Search could not run ({type(exc).__name__}).")
                return
            self.results.emit(generation, answer)

        self._search_pool.start(work)

    def shutdown(self) -> None:
        """Wait for background work (called when the window closes, before its objects go away)."""
        with self._lock:
            self._generation += 1
        self._search_pool.clear()
        self._open_pool.clear()
        self._search_pool.waitForDone()
        self._open_pool.waitForDone()
