"""How the main window shows the page: theme, text size, reading style, edition, and which columns are on show.

`Appearance` is a part of kit.ui.main_window.MainWindow, which holds the widgets and the settings these methods use.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kit.core import dates_numbers
from kit.core.i18n import current_language
from kit.core.settings import ZOOM_RANGE
from kit.ui.i18n import translate
from kit.ui.reader.reading_style import reading_css, text_width_em
from kit.ui.themes import apply_theme, body_size, reader_stylesheet, theme_named


class Appearance:
    """Theme, zoom, edition and the columns (MainWindow's)."""

    def focus_search(self) -> None:
        self.set_sidebar_visible(True)
        self.search_panel.focus_search()

    def set_sidebar_visible(self, visible: bool) -> None:
        """Show or hide the library and search panel (Ctrl+K brings it back)."""
        if visible and self.focus_layout:
            self.set_focus_layout(False)
        self.splitter.widget(0).setVisible(visible)
        self.actions.library_panel.setChecked(visible)
        self.fit_columns()

    def set_focus_layout(self, on: bool) -> None:
        """F9: the page alone (no library, contents or note) for reading or the projector; F9 again restores."""
        self.focus_layout = on
        self.actions.focus_layout.setChecked(on)
        self.splitter.widget(0).setVisible(not on and self.actions.library_panel.isChecked())
        self.fit_columns()

    def set_contents_visible(self, visible: bool) -> None:
        self.contents_box.setVisible(visible and self.contents.count() >= 2)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Keep the reading column wide enough for the window's size (see kit.ui.window_layout)."""
        from kit.ui.window_layout import fit_columns

        fit_columns(self)

    def _stylesheet(self) -> str:
        return reader_stylesheet(theme_named(self.settings.theme), self.settings.zoom) + reading_css(self.settings)

    def set_reading(self, **changes) -> None:
        """Change the reading font, line spacing, text width or ruler (kit.core.settings) and show the page so."""
        if changes:
            self.update_settings(**changes)
        self.reader.line_em = text_width_em(self.settings)
        self.reader.restyle(self._stylesheet(), self._body_pt())
        self.find_bar.refresh()

    def _body_pt(self) -> float:
        return body_size(theme_named(self.settings.theme), self.settings.zoom)

    def set_theme(self, name: str) -> None:
        theme = theme_named(name)
        self.update_settings(theme=theme.name)
        self.actions.themes[theme.name].setChecked(True)
        apply_theme(QApplication.instance(), theme)
        self.reader.restyle(self._stylesheet(), self._body_pt())
        self.find_bar.refresh()  # re-setting the page drops the highlights

    def zoom_by(self, step: int) -> None:
        zoom = min(max(self.settings.zoom + step, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        if zoom != self.settings.zoom:
            self.update_settings(zoom=zoom)
            self.reader.restyle(self._stylesheet(), self._body_pt())
            self.find_bar.refresh()
        percent = dates_numbers.percent(round(100 * (1 + 0.1 * self.settings.zoom)), current_language())
        self.show_status(translate("MainWindow", "Text size {percent}").format(percent=percent))

    def zoom_reset(self) -> None:
        self.zoom_by(-self.settings.zoom)

    def set_edition(self, edition: str) -> None:
        self.update_settings(edition=edition)
        self.actions.teacher_edition.setChecked(edition == "teacher")
        if self._current is not None:
            self._load(self._current, "")
        teacher = edition == "teacher"
        self.show_status(
            translate("MainWindow", "Teacher edition: facilitator notes are shown.")
            if teacher
            else translate("MainWindow", "Student edition.")
        )
