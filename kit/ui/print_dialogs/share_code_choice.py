"""The print dialog's offer to put the classroom share's QR code and address on a handout.

Shown only while File → Share with Class runs: the address carries that session's classroom code, so a code
printed today opens nothing tomorrow, and there is nothing to print when no share runs. The teacher's answer
is kept by the print controller for the rest of the session (checked at first: a teacher who is sharing and
printing for the class most likely wants the code).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from kit.core.i18n import QT_TRANSLATE_NOOP
from kit.ui.i18n import translate

LABEL = QT_TRANSLATE_NOOP("Printing", "Add the class share's &QR code (students open this handout on their phones)")
TIP = QT_TRANSLATE_NOOP(
    "Printing",
    "Prints the share's address and its QR code under the title of each shared resource of a student copy. "
    "It works while this share runs: a new share has a new classroom code.",
)


class ShareCodeChoice(QCheckBox):
    def __init__(self, parent: QWidget | None = None, checked: bool = True):
        super().__init__(translate("Printing", LABEL), parent)
        self.setToolTip(translate("Printing", TIP))
        self.setAccessibleName(translate("Printing", "Print the class share's QR code"))
        self.setChecked(checked)
