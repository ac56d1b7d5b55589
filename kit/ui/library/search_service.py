"""Runs kit.core.search off the GUI thread: builds the index in the background, answers queries, drops stale ones."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kit.ui.background import Background
from kit.ui.i18n import translate

if TYPE_CHECKING:
    from kit.core.content.loader import Library

Opener = Callable[[Path, "Library", Callable[[int, int], None] | None], object]
# The index reports every document it adds; each report shown repaints the status bar at once (QStatusBar
# repaints its message synchronously). Re-indexing an imported pack queued dozens of them, handled in one batch
# before the window's timers: 100+ ms without a repaint (issue 15). Ten a second is smooth enough for a bar.
PROGRESS_INTERVAL_S = 0.1


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
        self._opening = Background(self)
        self._searching = Background(self)  # one query at a time; queued ones are skipped when stale
        self._generation = 0
        self._index = None
        self._pending: tuple | None = None
        self.percent = 0
        self.error: str | None = None
        self._soon = QTimer(self)  # start_soon: one start for the newest library, on the next turn of the loop
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self._start_now)
        self._soon_args: tuple | None = None

    @property
    def is_ready(self) -> bool:
        return self._index is not None

    def start_soon(self, index_dir: Path, library: Library) -> None:
        """`start`, once the event loop has had a turn: the window handles and repaints a new library before the
        index worker competes with it for the interpreter (after an import the repaint waited on the worker at
        every step, issue 15). Queries wait for the new index from now on, as after `start`."""
        self._index = None
        self.error = None
        self._opening.supersede("work")  # an index still being opened for the older library must not arrive
        self._soon_args = (index_dir, library)
        self._soon.start(0)

    def _start_now(self) -> None:
        if self._soon_args is not None:
            args, self._soon_args = self._soon_args, None
            self.start(*args)

    def start(self, index_dir: Path, library: Library) -> None:
        """Open (or build) the index in the background; `ready` or `failed` follows."""
        self._soon.stop()
        self._soon_args = None
        self._index = None
        self.error = None

        shown = [float("-inf")]  # when progress was last sent to the GUI thread

        def report(done: int, total: int) -> None:  # on the worker thread: signals cross to the GUI thread
            self.percent = int(100 * done / total) if total else 0
            now = time.monotonic()
            if done < total and now - shown[0] < PROGRESS_INTERVAL_S:
                return  # the end is always shown
            shown[0] = now
            self.progress.emit(done, total)

        self._opening.run(lambda: self._opener(index_dir, library, report), self._opened, self._not_opened)

    def _opened(self, index) -> None:
        self._index = index
        # The spelling vocabulary and word lists load now, on the search thread, not on the first typo
        # (~0.3 s): a query typed meanwhile simply waits its turn.
        warm = getattr(index, "warm", None)
        if warm is not None:
            self._searching.run(warm, lambda _result: None, lambda _exc: None, kind="warm")
        self.ready.emit()
        if self._pending is not None:
            request, self._pending = self._pending, None
            self._submit(request)

    def _not_opened(self, exc: BaseException) -> None:
        if isinstance(exc, ImportError):
            self.error = translate("SearchService", "Search is not available in this version of the kit.")
        else:  # the contract says open() rebuilds rather than raises; be safe anyway
            self.error = translate("SearchService", "The search index could not be built ({error}).").format(
                error=type(exc).__name__
            )
        self.failed.emit(self.error)

    def search(self, query: str, *, kind=None, audience=None, language=None, limit: int = 30) -> int:
        """Queue a query; returns its generation. Older queries still waiting are dropped."""
        self._generation += 1
        request = (self._generation, query, {"kind": kind, "audience": audience, "language": language, "limit": limit})
        if self._index is None:
            self._searching.supersede("query")  # an answer to an older query must not arrive meanwhile
            self._pending = request  # answered as soon as the index is ready
            return self._generation
        self._submit(request)
        return self._generation

    def latest(self) -> int:
        return self._generation

    def _submit(self, request: tuple) -> None:
        generation, query, options = request
        index = self._index
        self._searching.run(
            lambda: index.search(query, **options),
            lambda answer: self.results.emit(generation, answer),
            # The contract says never; a bug must not take the window down.
            lambda exc: self.search_failed.emit(
                generation,
                translate("SearchService", "Search could not run ({error}).").format(error=type(exc).__name__),
            ),
            kind="query",
        )

    def shutdown(self) -> None:
        """Wait for background work (called when the window closes, before its objects go away)."""
        self._soon.stop()
        self._searching.shutdown()
        self._opening.shutdown()
