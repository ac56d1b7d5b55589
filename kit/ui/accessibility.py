"""What a screen reader needs beyond a widget's own text: names for the controls Qt makes inside its widgets and
dialogs, and announcements of what changed (search results, notices) without moving the keyboard focus."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QToolBar, QWidget

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
    """Have the screen reader say `message` (AT-SPI, UIA and macOS all map this event); it interrupts only when
    urgent. Nothing happens when no assistive technology is listening."""
    if not message or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, message)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
    QAccessible.updateAccessibility(event)
