"""Caret browsing in the reader, as Firefox and Edge have it: on while a screen reader (any assistive technology)
is running, since it reads the line the caret moves to, or when the teacher turns it on (View → Caret Browsing,
F7, remembered); off otherwise, so that on the projector Up and Down scroll the page a line at a time instead of
moving a caret through the lines already in view (issue #20, docs/accessibility.md).

Qt's "assistive technology active" is broader than "a screen reader runs": on Linux it is true whenever the
accessibility bus is enabled (GNOME's toolkit-accessibility setting, for one: measured, docs/accessibility.md);
on Windows and macOS it is whatever their accessibility clients make Qt believe (not checked). So F7 can also turn
the caret off while Qt says so, and that choice is remembered too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAccessible, QAction

from kit.ui.features import Window
from kit.ui.i18n import translate

SHORTCUT = "F7"  # the browsers' key for it
WHO = "browsing"  # the reader's name for this reason to have a caret (the ruler is another)


def assistive_technology_active() -> bool:
    """Whether Qt says a screen reader or other assistive technology is listening (on Linux: AT-SPI enabled on
    the accessibility bus; true under Orca 43, and also without it where the bus is enabled)."""
    return QAccessible.isActive()


class CaretBrowsing(QObject):
    """The feature: the View action, and the reader's caret kept as the setting and the screen reader want it.
    PySide has no notice of a screen reader starting or stopping (Qt's activation observer is C++ only), so it is
    asked again at each page shown and each time the page takes the keyboard."""

    def __init__(self, window: Window):
        super().__init__(window.dialog_parent())
        self.window = window
        self.view = window.reading_view()
        self.action = QAction(translate("Reader", "Caret &Browsing"), window.dialog_parent(), checkable=True)
        self.action.setStatusTip(
            translate("Reader", "A caret in the page: the arrow keys move it instead of scrolling")
        )
        window.add_action("view", self.action, self.set_on, SHORTCUT)
        self.view.textChanged.connect(self.apply)  # each page shown (setHtml)
        self.view.installEventFilter(self)
        self.apply()

    @property
    def on(self) -> bool:
        choice = self.window.settings.caret_browsing
        return choice == "on" or (choice == "auto" and assistive_technology_active())

    def apply(self) -> None:
        on = self.on
        self.action.setChecked(on)
        if on != self.view.caret_wanted_by(WHO):
            self.view.want_caret(WHO, on)
            if on:
                self.view.caret_into_view()  # seen at once, on the first line in view, not above it

    def set_on(self, on: bool) -> None:
        """F7 or the menu: remember the teacher's choice, show the page so, and say what the arrows now do. Off
        goes back to following the screen reader, unless one is running: then it is the teacher's "off"."""
        choice = "on" if on else ("off" if assistive_technology_active() else "auto")
        self.window.update_settings(caret_browsing=choice)
        self.apply()
        self.view.setFocus()
        self.window.show_status(
            translate("Reader", "Caret browsing on: the arrow keys move a caret in the page.")
            if self.on
            else translate("Reader", "Caret browsing off: the arrow keys scroll the page.")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.apply()
        return False
