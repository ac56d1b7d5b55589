"""The teacher's settings written off the GUI thread: the newest value at most once per DELAY_S, and at once on close.

Saving is an atomic write with fsync (kit.core.atomic): about 10 ms on a local disk, far more on a network home
folder, and the window saved at every page opened. On the GUI thread that was a stall the teacher could feel
(issue 15). The writer is a plain thread with no Qt object: `save()` only records the newest settings; the thread
writes them DELAY_S after the first unsaved change, so a crash loses at most that window, and `close()` (the
window's shutdown, when the app quits) writes what is still pending before it returns.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from kit.core.settings import Settings, save_settings

DELAY_S = 1.0  # a burst of changes (zoom pressed five times, pages clicked through) is one write

Report = Callable[[str | None], None]  # the notice from save_settings (None: saved); called on the writer thread


class SettingsWriter:
    """Writes `Settings` to `config_dir` on its own thread; `report` hears how each write went."""

    def __init__(self, config_dir: Path, report: Report | None = None, delay_s: float = DELAY_S):
        self.config_dir = config_dir
        self.delay_s = delay_s
        self._report = report
        self._changed = threading.Condition()
        self._pending: Settings | None = None
        self._due = 0.0
        self._closed = False
        self._thread: threading.Thread | None = None  # started by the first save: most windows never save

    def save(self, settings: Settings) -> None:
        """Remember `settings` as the newest; written within `delay_s` (or by `close`). Returns at once."""
        with self._changed:
            if self._closed:  # the window is gone (a late callback): nothing else will write it
                self._write(settings)
                return
            if self._pending is None:
                self._due = time.monotonic() + self.delay_s
            self._pending = settings
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="settings-writer", daemon=True)
                self._thread.start()
            self._changed.notify()

    @property
    def pending(self) -> bool:
        with self._changed:
            return self._pending is not None

    def close(self) -> None:
        """Write what is pending now and stop the thread; waits for the write (the app is quitting)."""
        with self._changed:
            self._closed = True
            self._changed.notify()
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        while True:
            with self._changed:
                while self._pending is None and not self._closed:
                    self._changed.wait()
                while not self._closed and (left := self._due - time.monotonic()) > 0:
                    self._changed.wait(left)
                settings, self._pending = self._pending, None
                closed = self._closed
            if settings is not None:
                self._write(settings)
            if closed:
                return

    def _write(self, settings: Settings) -> None:
        notice = save_settings(self.config_dir, settings)
        if self._report is not None:
            self._report(notice)
