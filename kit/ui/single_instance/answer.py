"""What the running window does with a checked request: come to the front, and import a pack the way File > Import
Pack does (kit.ui.teacher.pack_actions: checked off the GUI thread, a clash asks Replace / Keep Both, the result is
told). Imports wait until the window's features and first library exist, and run one after another."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer

from kit.ui.single_instance.message import IMPORT, Request

MAX_WAITING = 8  # a flood of requests from a stray client queues no more than this
RETRY_MS = 500  # a pack change is running: try again after this long


class Answers(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.teacher = None  # TeacherData, once install_features ran
        self.waiting: list[Path] = []
        window.library_loaded.connect(lambda _library: self._next())

    def take(self, request: Request) -> None:
        self.bring_to_front()
        if request.action == IMPORT and len(self.waiting) < MAX_WAITING and request.path not in self.waiting:
            self.waiting.append(request.path)
            self._next()

    def ready(self, teacher) -> None:
        """The features are installed: imports can start once the library is shown."""
        self.teacher = teacher
        self._next()

    def bring_to_front(self) -> None:
        window = self.window
        window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        window.show()
        window.raise_()
        window.activateWindow()

    def _next(self) -> None:
        if not self.waiting or self.teacher is None or self.window.library is None:
            return
        if self.teacher.job is not None:  # one change to the packs at a time (pack_jobs)
            QTimer.singleShot(RETRY_MS, self, self._next)
            return
        from kit.ui.teacher import pack_actions  # with the features, after the first paint

        pack_actions.import_pack(self.teacher, str(self.waiting.pop(0)))
        if self.waiting:
            QTimer.singleShot(RETRY_MS, self, self._next)
