"""The presenter view on the teacher's laptop: current and next slide, notes, timer and clock, slide list."""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kit.core.render.slides import slide_minutes
from kit.ui.i18n import translate
from kit.ui.present.controller import Presentation
from kit.ui.present.slide_view import SlideView

NOTES_STYLE = """
    h1, h2, h3 { color: #ffd54f; }
    p, li { line-height: 125%; }
    a { color: #9cc9ff; text-decoration: none; }
"""
WINDOW_STYLE = """
    QWidget#presenter { background: #181818; }
    QLabel, QPushButton, QListWidget { font-size: %(text)dpx; }
    QTextBrowser { font-size: %(notes)dpx; }
    QLabel { color: #f0f0f0; }
    QLabel[role="heading"] { color: #ffd54f; font-weight: 700; }
    QLabel[role="big"] { font-size: %(big)dpx; font-weight: 700; }
    QLabel[role="warning"] { color: #181818; background: #ffd54f; padding: 6px; font-weight: 700; }
    QTextBrowser, QListWidget { background: #101010; color: #f0f0f0; border: 1px solid #444; }
    QListWidget::item:selected { background: #ffd54f; color: #101010; }
    QPushButton { color: #f0f0f0; background: #2c2c2c; border: 1px solid #555; padding: 4px 10px; }
    QPushButton:checked { background: #ffd54f; color: #101010; }
"""


def _label(text: str = "", role: str | None = None, *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    return label


def type_sizes(window_height: int) -> dict[str, int]:
    """Pixel sizes for the presenter's text: readable at arm's length on a 768-line laptop, not huge on 1440."""
    text = max(13, min(24, round(window_height / 46)))
    return {"text": text, "notes": text, "big": round(text * 1.3)}


class ElidedLabel(QLabel):
    """A label that shortens its text with "…" instead of widening the window (long resource titles)."""

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(40, super().sizeHint().height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown)


class PresenterView(QWidget):
    """What only the teacher sees. Every child leaves the keyboard to the window, so clicker keys always work."""

    def __init__(self, presentation: Presentation, *, one_screen: bool = False, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.presentation = presentation
        self.setObjectName("presenter")
        self.setWindowTitle(translate("Presenter", "{title} — presenter view").format(title=presentation.title))
        self._type_sizes: dict[str, int] = {}
        self._apply_type_sizes(768)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = ElidedLabel(presentation.title)
        self.title.setProperty("role", "heading")
        self.title.setToolTip(presentation.title)
        self.position = _label("", "big")
        self.planned = _label(self._planned_text())
        self.elapsed = _label("", "big")
        self.clock = _label("", "big")
        self.audience_state = _label("", "warning")
        self.reading_state = _label("", "warning")  # read aloud (R) could not start: why
        self.reading_state.hide()

        self.black_button = self._button(
            translate("Presenter", "Black (B)"), lambda: presentation.toggle_blank("black"), checkable=True
        )
        self.white_button = self._button(
            translate("Presenter", "White (W)"), lambda: presentation.toggle_blank("white"), checkable=True
        )
        self.restart_button = self._button(translate("Presenter", "Reset timer"), presentation.restart_timer)
        self.swap_button = self._button(
            translate("Presenter", "Audience view (P)"), presentation.toggle_view_requested.emit
        )
        self.swap_button.setVisible(one_screen)
        self.end_button = self._button(translate("Presenter", "End (Esc)"), presentation.end)
        self.read_button = self._button(
            translate("Presenter", "Read aloud (R)"), presentation.read_aloud_requested.emit
        )

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for widget in (self.position, self.elapsed, self.planned, self.clock):
            top.addSpacing(18)
            top.addWidget(widget)
        buttons = QHBoxLayout()
        for button in (self.black_button, self.white_button, self.restart_button, self.read_button, self.swap_button):
            buttons.addWidget(button)
        buttons.addWidget(self.audience_state)
        buttons.addWidget(self.reading_state)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)

        self.current_view = SlideView(footer=True)
        self.next_view = SlideView(footer=False)
        self.next_label = _label(translate("Presenter", "Next"), "heading", wrap=True)
        self.notes = QTextBrowser()
        self.notes.setOpenLinks(False)
        self.notes.document().setDefaultStyleSheet(NOTES_STYLE)
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slide_list = QListWidget()
        self.slide_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slide_list.setWordWrap(True)
        for number, slide in enumerate(presentation.slides, start=1):
            item = QListWidgetItem(
                translate("Presenter", "Slide {number}: {title}").format(number=number, title=slide.title)
            )
            if presentation.is_deck:
                # In a lesson's deck each slide says which resource it belongs to; a resource's first slide
                # names it, so the list reads as the lesson's plan.
                owner = presentation.resource_at(number - 1)
                if number - 1 in presentation.first_slides:
                    item.setText(f"{presentation.part_text(number - 1)}\n{item.text()}")
                item.setToolTip(owner.title)
            self.slide_list.addItem(item)
        self.slide_list.itemClicked.connect(lambda item: presentation.go(self.slide_list.row(item)))

        # Left: the slide as the room sees it, as large as the window allows. Right: what comes next,
        # the notes (the column's largest part) and the list of slides.
        slides_column = QWidget()
        column = QVBoxLayout(slides_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(_label(translate("Presenter", "Now on the screen"), "heading"))
        column.addWidget(self.current_view, 1)
        notes_column = QWidget()
        right = QVBoxLayout(notes_column)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.next_label)
        right.addWidget(self.next_view, 3)
        right.addWidget(_label(translate("Presenter", "Notes for this slide"), "heading"))
        right.addWidget(self.notes, 6)
        right.addWidget(
            _label(translate("Presenter", "Slides: click one, or type its number and Enter"), "heading", wrap=True)
        )
        right.addWidget(self.slide_list, 3)
        splitter = QSplitter()
        splitter.addWidget(slides_column)
        splitter.addWidget(notes_column)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        splitter.setChildrenCollapsible(False)

        self.one_screen_warning = _label(
            translate(
                "Presenter",
                "One screen: if the projector mirrors this screen, the room sees this view. "
                "Press P for the audience view.",
            ),
            "warning",
        )
        self.one_screen_warning.setWordWrap(True)
        self.one_screen_warning.setVisible(one_screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.one_screen_warning)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        for child in self.findChildren(QWidget):
            child.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.update_clock)
        self.ticker.start()
        presentation.changed.connect(self.refresh)
        self.refresh()

    def _button(self, text: str, slot, *, checkable: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(checkable)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _planned_text(self) -> str:
        p = self.presentation
        text = (
            translate("Presenter", "Planned: {minutes} min").format(minutes=p.planned_minutes)
            if p.planned_minutes
            else translate("Presenter", "Planned: —")
        )
        details = []
        this_part = p.part_minutes[p.owners[p.index]] if p.is_deck else None
        if this_part:
            details.append(translate("Presenter", "this part {minutes}").format(minutes=this_part))
        this_slide = slide_minutes(p.slide)
        if this_slide:
            details.append(translate("Presenter", "this slide {minutes}").format(minutes=this_slide))
        return f"{text} ({', '.join(details)})" if details else text

    def _apply_type_sizes(self, height: int) -> None:
        sizes = type_sizes(height)
        if sizes != self._type_sizes:
            self._type_sizes = sizes
            self.setStyleSheet(WINDOW_STYLE % sizes)

    def resizeEvent(self, event) -> None:
        self._apply_type_sizes(event.size().height())
        super().resizeEvent(event)

    def set_audience_aspect(self, aspect: float) -> None:
        """Draw the slide previews at the audience screen's shape, so line breaks match the room's."""
        self.current_view.aspect = aspect
        self.next_view.aspect = aspect
        self.current_view.update()
        self.next_view.update()

    def show_reading_problem(self, message: str) -> None:
        self.reading_state.setText(message)
        self.reading_state.setVisible(bool(message))

    def refresh(self) -> None:
        p = self.presentation
        self.current_view.set_slide(p.slide_html(p.index), p.pack_dir(p.index))
        self.current_view.set_footer(p.resource.title, p.counter_text())
        following = p.next_slide
        if following is None:
            self.next_label.setText(translate("Presenter", "Next: end of the presentation"))
            self.next_view.set_slide("", None)
        else:
            text = translate("Presenter", "Next, slide {number} of {count}: {title}").format(
                number=p.index + 2, count=p.count, title=following.title
            )
            if p.is_deck and p.owners[p.index + 1] != p.owners[p.index]:
                text += translate("Presenter", " (starts {part})").format(part=p.part_text(p.index + 1))
            self.next_label.setText(text)
            self.next_view.set_slide(p.slide_html(p.index + 1), p.pack_dir(p.index + 1))
        notes = p.notes_html(p.index)
        no_notes = translate("Presenter", "No notes for this slide.")
        self.notes.setHtml(notes or f"<p><i>{no_notes}</i></p>")
        self.position.setText(translate("Presenter", "Slide {counter}").format(counter=p.counter_text()))
        self.position.setToolTip(p.part_text())
        if p.is_deck:
            self.title.setText(f"{p.title} · {p.part_text()}")
        self.planned.setText(self._planned_text())
        self.slide_list.setCurrentRow(p.index)
        self.black_button.setChecked(p.blank == "black")
        self.white_button.setChecked(p.blank == "white")
        blank = {
            "black": translate("Presenter", "The room sees a black screen"),
            "white": translate("Presenter", "The room sees a white screen"),
        }
        self.audience_state.setText(blank.get(p.blank, ""))
        self.audience_state.setVisible(bool(p.blank))
        self.update_clock()

    def update_clock(self) -> None:
        seconds = self.presentation.elapsed_seconds()
        hours, rest = divmod(seconds, 3600)
        shown = f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"
        self.elapsed.setText(translate("Presenter", "Elapsed {time}").format(time=shown))
        self.clock.setText(time.strftime("%H:%M"))

    def notes_text(self) -> str:
        return self.notes.toPlainText()

    def keyPressEvent(self, event) -> None:
        if not self.presentation.handle_key(event):
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self.ticker.stop()
        self.presentation.end()
        super().closeEvent(event)
