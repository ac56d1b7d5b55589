"""A pack opened from macOS's Finder: a double-click (or a drop on the Dock icon) reaches the app as a
QFileOpenEvent, not as an argument, whether the kit was already running or is being started for it. The filter
checks the path as a forwarded request is checked (message.pack_path) and hands it to the same Answers, so it is
imported as File > Import Pack does. Other platforms pass the file as `kit PACK.kitpack` (kit.cli)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from kit.ui.single_instance.message import IMPORT, BadRequest, Request, pack_path


class FileOpenFilter(QObject):
    """Installed on the QApplication (FileOpen events go to the application object)."""

    def __init__(self, answers, parent: QObject | None = None):
        super().__init__(parent)
        self.answers = answers

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.FileOpen:
            return False
        try:
            pack = pack_path(event.file())
        except BadRequest:  # not a pack, or gone: the app still comes to the front, as for any open request
            self.answers.bring_to_front()
            return False
        self.answers.take(Request(IMPORT, pack))
        return True


def listen_for_opened_files(app, answers) -> FileOpenFilter:
    """Route the application's FileOpen events to `answers`; the filter lives as long as the answers' window."""
    opened = FileOpenFilter(answers, answers)
    app.installEventFilter(opened)
    return opened
