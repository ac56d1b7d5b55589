"""View → Reading Options… (the reading font, line spacing, text width) and View → Reading Ruler (Ctrl+Shift+R).
Every change shows at once on the open page and is remembered in the settings."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from kit.core.dates_numbers import number
from kit.core.i18n import current_language
from kit.core.settings import LINE_SPACINGS, TEXT_WIDTHS
from kit.ui.features import Window
from kit.ui.i18n import translate
from kit.ui.reader.reading_style import legible_family
from kit.ui.reader.ruler import ReadingRuler

RULER_SHORTCUT = "Ctrl+Shift+R"


class ReadingOptions(QObject):
    """The feature: its two View actions, the ruler over the reader, and the dialog when open."""

    def __init__(self, window: Window):
        super().__init__(window.dialog_parent())
        self.window = window
        self.ruler = ReadingRuler(window.reading_view())
        self.dialog: ReadingOptionsDialog | None = None
        self.options_action = window.add_action("view", translate("Reader", "&Reading Options…"), self.open_dialog)
        self.ruler_action = QAction(translate("Reader", "Reading &Ruler"), window.dialog_parent(), checkable=True)
        self.ruler_action.setStatusTip(translate("Reader", "Show the line being read on a band; Up and Down move it"))
        window.add_action("view", self.ruler_action, self.set_ruler, RULER_SHORTCUT)
        self.ruler_action.setChecked(window.settings.reading_ruler)
        self.ruler.set_on(window.settings.reading_ruler)
        window.resource_opened.connect(lambda _resource: self.ruler.set_on(self.window.settings.reading_ruler))

    def set_ruler(self, on: bool) -> None:
        self.window.update_settings(reading_ruler=bool(on))
        self.ruler_action.setChecked(bool(on))
        self.ruler.set_on(bool(on))
        if on:
            self.window.reading_view().setFocus()
        self.window.show_status(
            translate("Reader", "Reading ruler on: Up and Down move it.")
            if on
            else translate("Reader", "Reading ruler off.")
        )

    def open_dialog(self) -> ReadingOptionsDialog:
        if self.dialog is None:
            self.dialog = ReadingOptionsDialog(self, self.window.dialog_parent())
            self.dialog.finished.connect(self._closed)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _closed(self) -> None:
        self.dialog.deleteLater()
        self.dialog = None


class ReadingOptionsDialog(QDialog):
    def __init__(self, options: ReadingOptions, parent: QWidget | None = None):
        super().__init__(parent)
        self.options = options
        window = options.window
        settings = window.settings
        self.setWindowTitle(translate("Reader", "Reading Options"))
        self.font = QComboBox()
        self.font.addItem(translate("Reader", "Standard"), "standard")
        if legible_family():
            self.font.addItem(translate("Reader", "Atkinson Hyperlegible (letters harder to mix up)"), "legible")
        self.spacing = QComboBox()
        for percent in LINE_SPACINGS:
            spacing = number(percent / 100, current_language())  # the interface's decimal mark: 1,5 in French
            self.spacing.addItem(translate("Reader", "{spacing} lines").format(spacing=spacing), percent)
        self.width = QComboBox()
        widths = {
            "narrow": translate("Reader", "Narrow (shorter lines)"),
            "normal": translate("Reader", "Normal"),
            "wide": translate("Reader", "Wide"),
        }
        for name in TEXT_WIDTHS:
            self.width.addItem(widths[name], name)
        self.ruler = QCheckBox(
            translate("Reader", "Reading &ruler: the line being read on a band ({shortcut})").format(
                shortcut=RULER_SHORTCUT
            )
        )
        for combo, value in ((self.font, settings.reading_font), (self.spacing, settings.line_spacing),
                             (self.width, settings.text_width)):  # fmt: skip
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.ruler.setChecked(settings.reading_ruler)
        form = QFormLayout(self)
        note = QLabel(translate("Reader", "Changes show on the page at once and are remembered."))
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(translate("Reader", "&Font:"), self.font)
        form.addRow(translate("Reader", "&Line spacing:"), self.spacing)
        form.addRow(translate("Reader", "Text &width:"), self.width)
        form.addRow(self.ruler)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        form.addRow(buttons)
        self.font.currentIndexChanged.connect(lambda: window.set_reading(reading_font=self.font.currentData()))
        self.spacing.currentIndexChanged.connect(lambda: window.set_reading(line_spacing=self.spacing.currentData()))
        self.width.currentIndexChanged.connect(lambda: window.set_reading(text_width=self.width.currentData()))
        self.ruler.toggled.connect(options.set_ruler)
