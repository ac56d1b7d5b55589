"""The search index's progress in the status bar: a bar while it builds, then one line saying it is ready."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QStatusBar

from kit.ui.i18n import translate
from kit.ui.library.search_service import SearchService

STEPS = 10  # the bar and the line move in tenths, not once per document


class IndexProgress(QProgressBar):
    def __init__(self, status_bar: QStatusBar, service: SearchService):
        super().__init__()
        self.status_bar = status_bar
        self.setAccessibleName(translate("IndexProgress", "Search index"))
        self.setMaximumWidth(180)
        self.setTextVisible(False)
        self._step = -1  # the tenth of the work shown last
        self.hide()
        status_bar.addPermanentWidget(self)
        service.progress.connect(self.building)
        service.ready.connect(self.ready)
        service.failed.connect(self.failed)

    def preparing(self) -> None:
        """A library arrived; the index is being opened, checked or built for it."""
        self._step = -1
        self.setRange(0, 0)
        self.show()
        self.status_bar.showMessage(translate("IndexProgress", "Preparing search…"))

    def building(self, done: int, total: int) -> None:
        # Each change is an event a screen reader handles (Orca took ~350 ms each while the index built): one
        # per document kept it busy for half a minute and every key the teacher pressed waited behind them.
        step = done * STEPS // max(total, 1)
        if step == self._step and done != total:
            return
        self._step = step
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
