"""What a screen reader needs beyond a widget's own text: names for the controls Qt makes inside its widgets and
dialogs, and announcements of what changed (search results, notices) without moving the keyboard focus."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent, QAction
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QComboBox, QLabel, QLineEdit, QToolBar, QWidget

CLEAR_ACTION = "_q_qlineeditclearaction"  # the object name Qt gives a line edit's clear-button action


def name_clear_button(field: QLineEdit, name: str) -> None:
    """A line edit's clear button (setClearButtonEnabled) is a tool button with only an icon; name its action,
    which the button takes its accessible name from."""
    action = field.findChild(QAction, CLEAR_ACTION)
    if action is not None:
        action.setText(name)
        action.setToolTip(name)


def name_unnamed_buttons(root: QWidget) -> None:
    """Buttons of Qt's own dialogs that show only an icon get their tooltip (which Qt fills in) as their name."""
    for button in root.findChildren(QAbstractButton):
        if not button.text() and not button.accessibleName() and button.toolTip():
            button.setAccessibleName(button.toolTip())


def name_preview_toolbar(toolbar: QToolBar, zoom: str, page: str) -> None:
    """QPrintPreviewDialog's toolbar has an editable zoom box and a page-number field with no names."""
    for combo in toolbar.findChildren(QComboBox):
        combo.setAccessibleName(zoom)
        if combo.lineEdit() is not None:
            combo.lineEdit().setAccessibleName(zoom)
    for field in toolbar.findChildren(QLineEdit):
        if not field.accessibleName() and not isinstance(field.parentWidget(), QComboBox):
            field.setAccessibleName(page)


def announce(widget: QWidget, message: str, *, urgent: bool = False) -> None:
    """Have the screen reader say `message` without moving the focus; it interrupts only when urgent (where the
    platform lets us say so). Nothing happens when no assistive technology is listening."""
    if not message or not QAccessible.isActive():
        return
    if AT_SPI:
        Notifier.of(widget).notify(message)
        return
    event = QAccessibleAnnouncementEvent(widget, message)  # UI Automation (NVDA, Narrator) and VoiceOver
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
    QAccessible.updateAccessibility(event)


# Linux and the other Unix desktops (AT-SPI): Qt turns an announcement event into AT-SPI's `object:announcement`
# signal, which Orca 43 (Debian 12) never listens for, so nothing is said (seen in its debug log). Orca speaks an
# object with the notification role as it appears, and keeps it in its notification history: that is what a
# notifier is. Only one of the two is used, or an Orca that handles both would say everything twice.
AT_SPI = os.name == "posix" and sys.platform != "darwin"


class Notifier(QLabel):
    """A label of no size in a window whose accessible interface has the notification role; `notify` changes its
    text and tells the screen reader it appeared."""

    _factory_installed = False

    @classmethod
    def of(cls, widget: QWidget) -> Notifier:
        """The window's notifier (made the first time)."""
        window = widget.window()
        # Its own, not one of a dialog's (dialogs are the window's children too, and may be closed).
        notifier = window.findChild(Notifier, "", Qt.FindChildOption.FindDirectChildrenOnly)
        if notifier is None:
            if not cls._factory_installed:
                QAccessible.installFactory(_notification_interface)
                cls._factory_installed = True
            notifier = Notifier(window)
            notifier.setFixedSize(0, 0)  # nothing to see: the window shows the same news in its own place
            notifier.show()
        return notifier

    def notify(self, message: str) -> None:
        self.setText(message)
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.ObjectShow))


class _NotificationInterface(QAccessibleWidget):
    def __init__(self, notifier: Notifier):
        super().__init__(notifier, QAccessible.Role.Notification)

    def text(self, kind):
        return self.widget().text() if kind == QAccessible.Text.Name else super().text(kind)


def _notification_interface(_class_name: str, obj) -> QAccessibleWidget | None:
    """Qt asks each factory for an interface for every object a screen reader reaches; None: Qt's own."""
    return _NotificationInterface(obj) if isinstance(obj, Notifier) else None
