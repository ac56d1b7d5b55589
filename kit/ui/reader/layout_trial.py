"""The reader's last-resort trial layout: a large page is laid out in a child process (layout_trial_child) before
the reader lays it out on the GUI thread, and one that takes longer than the budget shows a notice instead.

Core's structure limits (kit.core.render.html_limits, markdown_shapes, markup.MAX_BODY_CHARS) bound how a page
is built, not how long Qt takes over it: measured in benchmarks/gui_block_bench.py --kb 480, pages of 480 KB that
core allows held the GUI thread up to 2.9 s. Small pages pay nothing: below TRIAL_ABOVE_CHARS of HTML even the
slowest shape measured (benchmarks/reader_layout_bench.py) lays out within the budget, so no child is started.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from kit.core.child_process import child_command
from kit.core.i18n import QT_TRANSLATE_NOOP
from kit.ui.child_processes import kit_child_process

# The window must not stop answering for longer than this (issue 15: at most 100 ms on the GUI thread).
BUDGET_MS = 100
# Showing a page in the reader lays it out about three times (setHtml, the scroll bar's width, the text column's
# margins: kit.ui.reader.view): 802 ms for a page whose single layout in the child took 272 ms (480 KB of words).
SHOW_FACTOR = 3.0
# HTML characters above which a page is tried first. The slowest shape in benchmarks/reader_layout_bench.py lays
# out at about 0.6 ms per 1,000 characters (a loaded machine), so 32,000 cost about 3 × 20 ms when shown; the
# kit's own pages are all below it (the largest, the unit plan's teacher copy, is ~28,000).
TRIAL_ABOVE_CHARS = 32_000
# Starting the child takes 0.3-0.6 s; one still laying out after this long is over any budget: it is stopped.
GIVE_UP_MS = 8_000
TOO_COMPLEX = QT_TRANSLATE_NOOP("Reader", "This page cannot be displayed safely: it is too complex to lay out.")


def needs_trial(html_text: str) -> bool:
    """The cheap estimate: only pages this large can take the budget to lay out."""
    return len(html_text) > TRIAL_ABOVE_CHARS


class LayoutTrial(QObject):
    """Lays out one page in a child process; `done(ms, fits)` follows once (ms is -1 when it gave up)."""

    done = Signal(float, bool)

    def __init__(self, html_text: str, parent: QObject | None = None):
        super().__init__(parent)
        self._html = html_text
        self._output = b""
        self._over = False
        self.process = kit_child_process(self)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._error)
        self._give_up = QTimer(self)
        self._give_up.setSingleShot(True)
        self._give_up.timeout.connect(lambda: self._end(-1.0))

    def start(self) -> None:
        program, arguments = child_command("layout-trial")
        self.process.start(program, arguments)
        self.process.write(json.dumps({"html": self._html}).encode())
        self.process.closeWriteChannel()
        self._give_up.start(GIVE_UP_MS)

    def stop(self) -> None:
        """Not wanted any more (another page was asked for, the window closes): nothing more is emitted."""
        self._over = True
        self._give_up.stop()
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.kill()
            self.process.waitForFinished(1000)

    def _finished(self, *_args) -> None:
        try:
            ms = float(json.loads(bytes(self.process.readAllStandardOutput().data()))["ms"])
        except (ValueError, KeyError, TypeError):
            ms = -1.0  # the child crashed or said nothing: a page that breaks Qt is not shown either
        self._end(ms)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._end(-1.0)

    def _end(self, ms: float) -> None:
        if self._over:
            return
        self.stop()
        self.done.emit(ms, 0 <= ms * SHOW_FACTOR <= BUDGET_MS)
