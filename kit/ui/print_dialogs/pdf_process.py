"""One PDF export in a child process (kit.printing.export_child), driven from the GUI event loop.

Why a process and not a worker thread: a QTextDocument laid out or painted on a worker deadlocked with the GUI
thread in PySide (docs/bounded-work.md). The child has its own interpreter and its own Qt; the window only reads
its progress lines as they arrive, and Cancel is a kill that frees the processor at once. The child writes a
temp file beside the target; only a finished export replaces the target (kit.core.atomic.publish), so a
cancelled or failed one leaves the old PDF as it was.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

from kit.core.atomic import publish
from kit.core.child_process import child_command
from kit.printing import ExportResult
from kit.printing.export import describe_write_error
from kit.printing.export_child import ExportJob
from kit.ui.child_processes import kit_child_process, read_messages
from kit.ui.i18n import translate

STOP_WAIT_MS = 3000  # a killed child ends in milliseconds; closing the window waits at most this long


class PdfProcess(QObject):
    """Runs one `ExportJob`; then exactly one of `exported`, `failed` or `cancelled` (none after `stop`)."""

    progress = Signal(int, int)  # pages done, pages in all
    exported = Signal(object)  # ExportResult
    failed = Signal(str)  # one line for the teacher
    cancelled = Signal()

    def __init__(self, job: ExportJob, parent: QObject | None = None):
        super().__init__(parent)
        self.job = job
        self._buffer = b""
        self._outcome: dict | None = None
        self._over = False
        self.process = kit_child_process(self)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.errorOccurred.connect(self._error)
        self.process.finished.connect(self._finished)

    def start(self) -> None:
        program, arguments = child_command("export-pdf")
        self.process.start(program, arguments)
        self.process.write(self.job.to_json().encode())  # kept by QProcess until the child has started
        self.process.closeWriteChannel()

    def pid(self) -> int:
        return self.process.processId()

    def cancel(self) -> None:
        """The teacher pressed Cancel: kill the child; `cancelled` follows once it has ended."""
        if not self._over:
            self._outcome = {"cancelled": True}
            self.process.kill()

    def stop(self) -> None:
        """The window is closing: kill the child, wait for it, remove its temp file; nothing more is emitted."""
        self._over = True
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.kill()
            self.process.waitForFinished(STOP_WAIT_MS)
        self._remove_temp()

    def _read(self) -> None:
        messages, self._buffer = read_messages(self.process, self._buffer)
        for message in messages:
            if "progress" in message and not self._over:
                done, total = message["progress"]
                self.progress.emit(int(done), int(total))
            elif ("done" in message or "error" in message) and self._outcome is None:
                self._outcome = message

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:  # no `finished` follows this one
            self._end(self._could_not_start())

    def _finished(self, *_args) -> None:
        self._read()
        outcome = self._outcome
        if outcome is None:  # ended without a word: crashed or killed by someone else
            code = self.process.exitCode()
            outcome = {
                "error": translate(
                    "Printing", "The PDF could not be made (the export process stopped unexpectedly, code {code})."
                ).format(code=code)
            }
        self._end(outcome)

    def _end(self, outcome: dict) -> None:
        if self._over:
            return
        self._over = True
        if "done" in outcome:
            try:
                publish(self.job.temp, self.job.target)
            except OSError as exc:
                self._remove_temp()
                self.failed.emit(describe_write_error(exc, Path(self.job.target), outcome["done"]["size"]))
                return
            done = outcome["done"]
            self.exported.emit(ExportResult(Path(self.job.target), int(done["pages"]), int(done["size"])))
            return
        self._remove_temp()
        if "cancelled" in outcome:
            self.cancelled.emit()
        else:
            self.failed.emit(str(outcome["error"]))

    def _could_not_start(self) -> dict:
        return {
            "error": translate("Printing", "The PDF could not be made ({error}).").format(
                error=self.process.errorString()
            )
        }

    def _remove_temp(self) -> None:
        with contextlib.suppress(OSError):
            Path(self.job.temp).unlink(missing_ok=True)
