"""The one control that chooses what a printed copy holds: the student copy unless the teacher picks otherwise.

The same control sits in the print dialog, the print preview's toolbar (Print Preview and Lessons → Print Packet)
and the class packet builder, so the choice always looks the same and is made where the printing happens.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from kit.core.i18n import QT_TRANSLATE_NOOP
from kit.ui.i18n import translate

CHOICES = (
    ("student", QT_TRANSLATE_NOOP("Printing", "Student copy (no answers or teacher notes)")),
    ("teacher", QT_TRANSLATE_NOOP("Printing", "Teacher copy (with answers; marked on every page)")),
)


class EditionChoice(QComboBox):
    """A combo box whose item data is the edition ("student" or "teacher"); it starts on the student copy."""

    def __init__(self, parent: QWidget | None = None, edition: str = "student"):
        super().__init__(parent)
        for key, label in CHOICES:
            self.addItem(translate("Printing", label), key)
        self.setAccessibleName(translate("Printing", "Edition to print"))
        self.setToolTip(
            translate("Printing", "Printed for a class? Keep the student copy. The teacher copy carries the answers.")
        )
        self.set_edition(edition)

    def edition(self) -> str:
        return self.currentData()

    def set_edition(self, edition: str) -> None:
        self.setCurrentIndex(max(self.findData(edition), 0))
