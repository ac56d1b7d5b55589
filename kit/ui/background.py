"""The one way the window runs slow work: off the GUI thread, with the result or the failure back on it.

`Background.run(work, on_success, on_failure, kind=...)` runs `work()` on a worker thread and calls `on_success`
or `on_failure` on the GUI thread. Each run gets a number; a newer run of the same kind makes older ones stale:
a stale run that has not started is skipped, and a stale result is dropped, so a slow answer to an old
question (a page clicked away from, a query typed over) never replaces the new one. After `shutdown()` nothing
is delivered, so no callback runs on a window that is going away.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal


@dataclass(frozen=True)
class _Outcome:
    kind: str
    number: int
    ok: bool
    value: Any  # the result, or the exception when not ok
    on_success: Callable[[Any], None]
    on_failure: Callable[[BaseException], None] | None


class Background(QObject):
    """Worker threads owned by one part of the window (a child QObject: they end with it)."""

    _finished = Signal(object)  # _Outcome, emitted on a worker thread, delivered on the GUI thread

    def __init__(self, parent: QObject | None = None, threads: int = 1):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._lock = threading.Lock()
        self._numbers = 0
        self._latest: dict[str, int] = {}
        self._closed = False
        # Always queued: from a worker the call must hop to the GUI thread, and from the GUI thread (`known`)
        # it must wait until the caller has stored the run's number.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        kind: str = "work",
    ) -> int:
        """Start `work` on a worker thread; returns its number (the newest of its kind until another run)."""
        with self._lock:
            self._numbers += 1
            number = self._numbers
            self._latest[kind] = number

        def task() -> None:
            if not self.is_current(kind, number):
                return  # superseded while it waited for a thread
            try:
                outcome = _Outcome(kind, number, True, work(), on_success, on_failure)
            except Exception as exc:  # handed to on_failure on the GUI thread; a thread must never swallow it
                outcome = _Outcome(kind, number, False, exc, on_success, on_failure)
            self._finished.emit(outcome)

        self._pool.start(task)
        return number

    def known(self, value: Any, on_success: Callable[[Any], None], *, kind: str = "work") -> int:
        """A result already at hand (a cached page): it supersedes older runs of `kind` like `run`, and arrives
        the same way, after this returns."""
        with self._lock:
            self._numbers += 1
            number = self._numbers
            self._latest[kind] = number
        self._finished.emit(_Outcome(kind, number, True, value, on_success, None))  # queued: we are its thread
        return number

    def is_current(self, kind: str, number: int) -> bool:
        """False once a newer run of `kind` started or the owner shut down (work may check it to stop early)."""
        with self._lock:
            return not self._closed and self._latest.get(kind) == number

    def supersede(self, kind: str) -> None:
        """Make every run of `kind` stale without starting a new one (e.g. a cancelled export)."""
        with self._lock:
            self._numbers += 1
            self._latest[kind] = self._numbers

    def _deliver(self, outcome: _Outcome) -> None:
        if not self.is_current(outcome.kind, outcome.number):
            return
        if outcome.ok:
            outcome.on_success(outcome.value)
        elif outcome.on_failure is not None:
            outcome.on_failure(outcome.value)
        else:
            raise outcome.value  # no handler: a bug, reported as any GUI-thread exception

    def busy(self) -> bool:
        return self._pool.activeThreadCount() > 0

    def shutdown(self) -> None:
        """Drop queued work, wait for running work, deliver nothing more (the owner is going away)."""
        with self._lock:
            self._closed = True
        self._pool.clear()
        self._pool.waitForDone()
