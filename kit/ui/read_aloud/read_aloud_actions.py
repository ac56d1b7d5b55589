"""The read-aloud feature: View → Read Aloud (Ctrl+Shift+U: read, pause, resume) and Stop Reading Aloud, the bar
under the reader, French voices for French resources, and R in the presenter to read the slide on the screen."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kit.ui.accessibility import announce
from kit.ui.features import Window
from kit.ui.i18n import translate
from kit.ui.present.present_actions import PresentActions
from kit.ui.read_aloud.bar import ReadAloudBar
from kit.ui.read_aloud.reading import IDLE, ReadAloud
from kit.ui.read_aloud.targets import ReaderTarget, SlideTarget

SHORTCUT = "Ctrl+Shift+U"  # as in Edge's Read Aloud


class ReadAloudActions(QObject):
    def __init__(self, window: Window, presenting: PresentActions):
        super().__init__(window.dialog_parent())
        self.window = window
        self.reading = ReadAloud(parent=self)
        self.reading.set_rate(window.settings.speech_rate)
        self.bar = ReadAloudBar(self.reading)
        window.add_reader_bar(self.bar)
        self.bar.speed.setValue(window.settings.speech_rate)
        self.bar.speed.valueChanged.connect(self._rate_changed)
        self.read_action = window.add_action(
            "view", translate("ReadAloud", "Read &Aloud"), self.read_or_pause, SHORTCUT
        )
        self.read_action.setStatusTip(
            translate("ReadAloud", "Read the page or the selection aloud, the sentence read highlighted")
        )
        self.stop_action = window.add_action("view", translate("ReadAloud", "Stop Reading Aloud"), self.reading.stop)
        self.reading.changed.connect(self._changed)
        window.resource_opened.connect(lambda _resource: self.reading.stop())
        window.closing.connect(self.reading.shutdown)
        presenting.started.connect(self._presenting)
        self._slide_reading = False

    def read_or_pause(self) -> bool:
        """Start reading the open page (or the selection); while reading, pause or resume."""
        if self.reading.state != IDLE and not self._slide_reading:
            self.reading.toggle_pause()
            return True
        resource = self.window.current_resource()
        self.bar.show()
        if resource is None:
            self.reading.message = translate("ReadAloud", "Open a page to read it aloud.")
            self.reading.changed.emit()
            return False
        self._slide_reading = False
        return self.reading.start(ReaderTarget(self.window.reading_view()), resource.language)

    def _rate_changed(self, steps: int) -> None:
        self.reading.set_rate(steps)
        self.window.update_settings(speech_rate=steps)

    def _changed(self) -> None:
        if self.reading.state == IDLE and self.reading.message and not self._slide_reading:
            announce(self.bar, self.reading.message)  # why it stopped or cannot start; sentences are heard anyway

    # The presenter: R reads the slide on the screen, again pauses; a new slide stops it ------------------------
    def _presenting(self, session) -> None:
        presentation = session.presentation
        views = [session.audience.slide_view, session.presenter.current_view]

        def read_slide() -> None:
            if self._slide_reading and self.reading.state != IDLE:
                self.reading.toggle_pause()
                return
            self._slide_reading = True
            resource = presentation.resource_at(presentation.index)
            if not self.reading.start(SlideTarget(views), resource.language):
                session.presenter.show_reading_problem(self.reading.message)

        def slide_changed() -> None:
            if self._slide_reading and presentation.index != shown[0]:
                self.reading.stop()
            shown[0] = presentation.index

        shown = [presentation.index]
        presentation.read_aloud_requested.connect(read_slide)
        presentation.changed.connect(slide_changed)
        presentation.ended.connect(self.reading.stop)
