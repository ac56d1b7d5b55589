"""Paper sizes, the locale's default paper, and where the header, body and footer sit on a page."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize

from kit.core.i18n import QT_TRANSLATE_NOOP

PAPER_LABELS = {"a4": "A4", "letter": QT_TRANSLATE_NOOP("Printing", "Letter")}
# Letter is the school paper in the United States and Canada (English and French); A4 nearly everywhere else.
LETTER_TERRITORIES = {QLocale.Country.UnitedStates, QLocale.Country.Canada}
LETTER_LOCALE_NAMES = ("en_US", "en_CA", "fr_CA")

# Every length the layout uses is in "document units": 1/96 inch, the unit QTextDocument lays out in
# when it has no paint device. Painting scales by the device's resolution / 96.
DOC_DPI = 96.0
MM = DOC_DPI / 25.4
MARGIN_SIDE = 18 * MM
MARGIN_TOP = 24 * MM  # the header sits in the top margin
MARGIN_BOTTOM = 24 * MM  # and the footer in the bottom one
HEADER_TOP = 11 * MM
FOOTER_GAP = 6 * MM  # between the body's last line and the footer rule
BAND_TOP = 5 * MM  # a teacher copy's band: past the 4–5 mm most printers cannot reach, clear of header and footer
BAND_HEIGHT = 6 * MM


def default_paper(locale_name: str | None = None) -> str:
    """'letter' for en_US, en_CA, fr_CA (and other US/Canadian locales), else 'a4'. None reads the system: on Linux
    the paper's own locale category first (LC_PAPER, which the desktop's "Formats" region sets apart from the
    language), then Qt's system locale. Never the interface language: a French kit in Ontario prints on Letter."""
    name = locale_name if locale_name is not None else _system_paper_locale()
    if name.split(".")[0] in LETTER_LOCALE_NAMES:
        return "letter"
    locale = QLocale(name)
    return "letter" if name not in ("C", "POSIX", "") and locale.territory() in LETTER_TERRITORIES else "a4"


def _system_paper_locale() -> str:
    for variable in ("LC_ALL", "LC_PAPER"):  # POSIX order: LC_ALL overrides every category, then the category
        value = os.environ.get(variable, "")
        if value:
            return value
    return QLocale.system().name()


def page_size(paper: str) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4)


def page_layout(paper: str) -> QPageLayout:
    """Portrait, no device margins: the kit paints its own margins, header and footer."""
    return QPageLayout(page_size(paper), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


@dataclass(frozen=True)
class PageGeometry:
    """One page in document units: the whole page, the body where text flows, and the header/footer lines."""

    width: float
    height: float

    @classmethod
    def from_points(cls, size: QSizeF) -> PageGeometry:
        return cls(round(size.width() * DOC_DPI / 72, 2), round(size.height() * DOC_DPI / 72, 2))

    @classmethod
    def for_paper(cls, paper: str) -> PageGeometry:
        return cls.from_points(page_size(paper).size(QPageSize.Unit.Point))

    @property
    def body(self) -> QRectF:
        return QRectF(MARGIN_SIDE, MARGIN_TOP, self.width - 2 * MARGIN_SIDE, self.height - MARGIN_TOP - MARGIN_BOTTOM)

    @property
    def header_line_y(self) -> float:
        return MARGIN_TOP - 5 * MM

    @property
    def footer_line_y(self) -> float:
        return self.height - MARGIN_BOTTOM + FOOTER_GAP
