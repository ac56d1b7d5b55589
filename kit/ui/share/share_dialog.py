"""The Share with Class dialog: what to share, Start / Stop, the address in large type and its QR code.

The dialog only shows the state of `ShareActions` (kit.ui.share.share_actions) and asks it to start or stop;
closing the dialog does not stop the share.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kit.ui.i18n import counted, translate

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance


class Share(Protocol):
    """What the dialog shows and asks of the share (kit.ui.share.share_actions.ShareActions)."""

    changed: SignalInstance
    running: Any  # share_actions.Running or None
    starting: bool
    problem: str
    devices: int

    def lessons(self) -> list: ...

    def whole_kit(self) -> Any: ...

    def lesson_choice(self, lesson) -> Any: ...

    def start(self, choice) -> None: ...

    def stop(self) -> None: ...


QR_PIXELS = 360  # on a projector, this scans from the back of a classroom
ADDRESS_POINTS = 26


def qr_image(url: str) -> QImage:
    """The QR code of `url` drawn by segno as a PNG, read back as a QImage (one module = `scale` pixels)."""
    import segno  # the dialog's only use of it; loaded when the first share starts

    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=8, border=4)
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image


def resources_text(count: int) -> str:
    return counted(count, translate("Share", "{count} resource"), translate("Share", "{count} resources"))


def devices_text(count: int) -> str:
    return counted(count, translate("Share", "{count} device reading"), translate("Share", "{count} devices reading"))


class ShareDialog(QDialog):
    """Non-modal: the teacher can keep reading, presenting or close it while the class reads."""

    def __init__(self, share: Share, parent: QWidget | None = None):
        super().__init__(parent)
        self.share = share
        self.setWindowTitle(translate("Share", "Share with Class"))
        intro = QLabel(
            translate(
                "Share",
                "Students open the address below, or scan the code, in a browser on the same network (the school "
                "network, or this computer's hotspot). They get the student edition only: no teacher notes, no "
                "notes of yours. No internet is needed.",
            )
        )
        intro.setWordWrap(True)

        self.whole = QRadioButton(translate("Share", "The whole kit"))
        self.lesson = QRadioButton(translate("Share", "A lesson:"))
        self.lesson_list = QComboBox()
        self.lesson_list.setMinimumContentsLength(24)
        self.whole.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.lesson)
        lesson_row = QHBoxLayout()
        lesson_row.addWidget(self.lesson)
        lesson_row.addWidget(self.lesson_list, 1)
        what = QGroupBox(translate("Share", "What to share"))
        what_layout = QVBoxLayout(what)
        what_layout.addWidget(self.whole)
        what_layout.addLayout(lesson_row)
        self.lesson_list.activated.connect(lambda _i: self.lesson.setChecked(True))

        self.start_button = QPushButton(translate("Share", "Start Sharing"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        self.stop_button = QPushButton(translate("Share", "Stop Sharing"))
        self.stop_button.clicked.connect(share.stop)
        close = QPushButton(translate("Share", "Close"))
        close.setToolTip(translate("Share", "The share keeps running; stop it here or with File → Stop Sharing"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        self.address = QLabel()
        font = QFont(self.font())
        font.setPointSize(ADDRESS_POINTS)
        font.setBold(True)
        self.address.setFont(font)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.other_addresses = QLabel()
        self.other_addresses.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.other_addresses.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setFixedSize(QR_PIXELS, QR_PIXELS)
        self.state = QLabel()
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state.setWordWrap(True)
        self.state.setAccessibleName(translate("Share", "Share status"))

        self.code = QLabel()
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.other_addresses.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.other_addresses.setWordWrap(True)
        beside = QVBoxLayout()  # beside the code, so the dialog fits a 768-pixel laptop screen
        beside.addWidget(self.code)
        beside.addWidget(self.state)
        beside.addWidget(self.other_addresses)
        beside.addStretch(1)
        room = QHBoxLayout()
        room.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        room.addLayout(beside, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(what)
        layout.addLayout(buttons)
        layout.addWidget(self.address)
        layout.addLayout(room)
        self._shown_url = ""
        share.changed.connect(self.update_state)
        self.update_state()

    def refresh_choices(self) -> None:
        """The teacher's lessons as they are now (a lesson planned since the last opening is there)."""
        self.lesson_list.clear()
        for lesson in self.share.lessons():
            self.lesson_list.addItem(f"{lesson.title} ({resources_text(len(lesson.items))})", lesson)
        has_lessons = self.lesson_list.count() > 0
        self.lesson.setEnabled(has_lessons)
        self.lesson_list.setEnabled(has_lessons)
        if not has_lessons:
            self.lesson_list.addItem(translate("Share", "No lessons yet (Lessons → Lessons…)"))
            self.whole.setChecked(True)

    def _start(self) -> None:
        lesson = self.lesson_list.currentData() if self.lesson.isChecked() else None
        self.share.start(self.share.lesson_choice(lesson) if lesson is not None else self.share.whole_kit())

    def _name_labels(self) -> None:
        """A screen reader reads these selectable labels by name; empty (not sharing yet) they still say what
        they are for."""
        none = translate("Share", "none yet")
        self.address.setAccessibleName(
            translate("Share", "Address for students: {address}").format(address=self.address.text() or none)
        )
        self.code.setAccessibleName(self.code.text() or translate("Share", "Class code: {code}").format(code=none))
        self.other_addresses.setAccessibleName(
            self.other_addresses.text() or translate("Share", "Other addresses: none")
        )

    def update_state(self) -> None:
        share, running = self.share, self.share.running
        idle = running is None and not share.starting
        self.start_button.setEnabled(idle)
        self.stop_button.setEnabled(running is not None)
        for widget in (self.whole, self.lesson, self.lesson_list):
            widget.setEnabled(idle and (widget is self.whole or self.lesson_list.currentData() is not None))
        if running is None:
            self.address.setText("")
            self.code.setText("")
            self.other_addresses.setText("")
            self.qr.clear()
            self._shown_url = ""
            if share.starting:
                self.state.setText(translate("Share", "Starting…"))
            else:
                self.state.setText(
                    share.problem or translate("Share", "Not sharing. Choose what to share, then Start Sharing.")
                )
            self._name_labels()
            return
        first, others = running.urls[0], running.urls[1:]
        self.address.setText(first)
        self.code.setText(translate("Share", "Class code: {code}").format(code=running.code))
        self.other_addresses.setText(
            translate("Share", "Also on this computer's other networks:") + "\n" + "\n".join(others) if others else ""
        )
        if first != self._shown_url:
            image = qr_image(first)
            self.qr.setPixmap(
                QPixmap.fromImage(image).scaled(
                    QR_PIXELS, QR_PIXELS, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
                )
            )
            self.qr.setAccessibleName(translate("Share", "QR code for {address}").format(address=first))
            self._shown_url = first
        count = running.shared_count
        lines = [
            translate("Share", "Sharing {what}: {resources}, student edition.").format(
                what=running.choice.label, resources=resources_text(count)
            ),
            f"{devices_text(share.devices)}.",
            translate("Share", "Closing this window keeps the share running."),
        ]
        if running.port_note:
            lines.append(running.port_note)
        self.state.setText("\n".join(lines))
        self._name_labels()
