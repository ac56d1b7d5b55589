"""The search index's progress in the status bar: a bar while it builds, then one line saying it is ready."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QStatusBar

from kit.ui.i18n import translate
from kit.ui.library.search_service import SearchService


class IndexProgress(QProgressBar):
    def __init__(self, status_bar: QStatusBar, service: SearchService):
        super().__init__()
        self.status_bar = status_bar
        self.setMaximumWidth(180)
        self.setTextVisible(False)
        self.hide()
        status_bar.addPermanentWidget(self)
        service.progress.connect(self.building)
        service.ready.connect(self.ready)
        service.failed.connect(self.failed)

    def preparing(self) -> None:
        """A library arrived; the index is being opened, checked or built for it."""
        self.setRange(0, 0)
        self.show()
        self.status_bar.showMessage(translate("IndexProgress", "Preparing search…"))

    def building(self, done: int, total: int) -> None:
        self.setRange(0, max(total, 1))
        self.setValue(done)
        self.status_bar.showMessage(
            translate("IndexProgress", "Building the search index… {done} of {total}").format(done=done, total=total)
        )

    def ready(self) -> None:
        self.hide()
        self.status_bar.showMessage(translate("IndexProgress", "Search is ready."), 3000)

    def failed(self, message: str) -> None:
        self.hide()
        self.status_bar.showMessage(message)  # stays until the next message: search does not work
