"""The read-aloud bar under the reader: Pause/Resume, Stop, Speed and one line of state (or why it cannot read)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from kit.core.settings import SPEECH_RATE_RANGE
from kit.ui.i18n import translate
from kit.ui.read_aloud.reading import IDLE, PAUSED, READING, ReadAloud


class ReadAloudBar(QWidget):
    def __init__(self, reading: ReadAloud, parent: QWidget | None = None):
        super().__init__(parent)
        self.reading = reading
        self.pause_button = QToolButton(text=translate("ReadAloud", "Pause"))
        self.pause_button.clicked.connect(reading.toggle_pause)
        self.stop_button = QToolButton(text=translate("ReadAloud", "Stop"))
        self.stop_button.clicked.connect(reading.stop)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(*SPEECH_RATE_RANGE)
        self.speed.setPageStep(1)
        self.speed.setMaximumWidth(140)
        self.speed.setAccessibleName(translate("ReadAloud", "Reading speed"))
        self.speed.setToolTip(translate("ReadAloud", "Slower ← → faster"))
        speed_label = QLabel(translate("ReadAloud", "&Speed:"))
        speed_label.setBuddy(self.speed)
        self.line = QLabel("")
        self.line.setWordWrap(True)  # the no-voice line is longer than the bar in French (and narrow windows)
        self.line.setAccessibleName(translate("ReadAloud", "Read aloud"))
        close_button = QToolButton(text=translate("ReadAloud", "Close"))
        close_button.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(translate("ReadAloud", "Read aloud:")))
        layout.addWidget(self.pause_button)
        layout.addWidget(self.stop_button)
        layout.addWidget(speed_label)
        layout.addWidget(self.speed)
        layout.addWidget(self.line, 1)
        layout.addWidget(close_button)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        reading.changed.connect(self.refresh)
        self.refresh()
        self.hide()

    def refresh(self) -> None:
        state = self.reading.state
        self.pause_button.setText(
            translate("ReadAloud", "Resume") if state == PAUSED else translate("ReadAloud", "Pause")
        )
        self.pause_button.setEnabled(state in (READING, PAUSED))
        self.stop_button.setEnabled(state != IDLE)
        self.line.setText(self.reading.message)
        self.line.setAccessibleName(self.reading.message or translate("ReadAloud", "Read aloud"))

    def close_bar(self) -> None:
        self.reading.stop()
        self.hide()
