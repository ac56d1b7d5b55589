"""The main window: search and library on the left, the reader on the right; menus other features can extend."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QTextBrowser, QVBoxLayout, QWidget

from kit.core.i18n import QT_TRANSLATE_NOOP
from kit.core.settings import Settings
from kit.core.settings_writer import SettingsWriter
from kit.pyside_workarounds import protect_singletons
from kit.ui.accessibility import announce
from kit.ui.help import show_about
from kit.ui.i18n import translate
from kit.ui.library.search_service import SearchService
from kit.ui.notices import SETTINGS_NOTICE, NoticeStack
from kit.ui.reader.history import History
from kit.ui.reader.reading_style import text_width_em
from kit.ui.themes import apply_theme, theme_named
from kit.ui.window_appearance import Appearance
from kit.ui.window_pages import TITLE, PageOpening
from kit.ui.window_state import restore_columns, restore_geometry, save_window_state

if TYPE_CHECKING:  # not imported at start-up: the window shows before the library is read
    from kit.core.content.loader import Library
    from kit.core.model import Resource

OPENING_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Classroom Kit (opening…)")


class MainWindow(PageOpening, Appearance, QMainWindow):
    """The window features see as `kit.ui.features.Window`; `kit.ui.app` installs them. Opening pages and moving
    through them are in kit.ui.window_pages, theme, zoom, edition and columns in kit.ui.window_appearance.

    With `deferred=True` the window starts as an empty frame that can be shown at once; `build()` then adds
    the widgets (the app does that right after the first paint, so the window appears as fast as bare Qt's).
    """

    resource_opened = Signal(object)  # Resource
    library_loaded = Signal(object)  # Library
    closing = Signal()
    _settings_saved = Signal(object)  # the notice from a write on the settings writer's thread (None: saved)

    def __init__(
        self,
        library: Library | None = None,
        *,
        settings: Settings | None = None,
        config_dir: Path | None = None,
        index_dir: Path | None = None,
        search=None,
        deferred: bool = False,
    ):
        super().__init__()
        self.setWindowTitle(translate("MainWindow", OPENING_TITLE if deferred else TITLE))
        self.library: Library | None = None
        self.settings = settings or Settings()
        self.config_dir = config_dir
        self.index_dir = index_dir
        # Settings are written on a plain thread, never on the GUI thread (an fsync at every page opened, issue 15).
        self._settings_writer = SettingsWriter(config_dir, self._report_saved) if config_dir is not None else None
        self._settings_saved.connect(self._settings_notice, Qt.ConnectionType.QueuedConnection)
        self.built = False
        self.focus_layout = False  # F9: only the reading column
        self._shut_down = False
        self._search = search
        self._current: Resource | None = None
        self._history = History()
        self._acknowledged: set[str] = set()  # content warnings accepted this session
        self._pending_fragment = ""
        self._pending_token = 0
        self._pending_warning: tuple[Resource, str] | None = None
        self._refreshing = False  # the open page is being prepared again for a new library (see _refresh_page)
        self._preparing_timer = QTimer(self)  # a child: it cannot fire after the window is gone
        self._preparing_timer.setSingleShot(True)
        self._preparing_timer.timeout.connect(self._show_preparing)
        # Lasting notices above the content (kit.ui.notices); the status line below is for news that fades.
        self.notices = NoticeStack()
        body = QWidget()
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(0)
        self._body.addWidget(self.notices)
        self.setCentralWidget(body)
        self._restore_geometry()
        if deferred:
            opening = translate("MainWindow", "Opening the kit…")
            self.set_content(QLabel(f"<p align='center'>{opening}</p>"))
            return
        self.build(library)

    def build(self, library: Library | None = None) -> None:
        """Create the widgets, menus and background services (once)."""
        if self.built:
            return
        from kit.ui.window_layout import build_layout  # the widgets' modules load after the first paint

        protect_singletons()  # before our signals and overrides run; see kit.pyside_workarounds
        self.search_service = self._search or SearchService(parent=self)
        app = QApplication.instance()
        if app is not None:  # the palette first: widgets then start with it instead of being repainted
            apply_theme(app, theme_named(self.settings.theme))
        build_layout(self)
        self.built = True
        theme = theme_named(self.settings.theme)
        self.actions.themes[theme.name].setChecked(True)
        self.actions.teacher_edition.setChecked(self.settings.edition == "teacher")
        self.library_panel.set_grouping(self.settings.browse_by)
        self.reader.line_em = text_width_em(self.settings)
        self._restore_splitter()
        self._update_navigation()
        if library is not None:
            self.set_library(library)

    # The interface features use (kit.ui.features.Window) ---------------------------------------------------------
    def menu(self, name: str) -> QMenu:
        """The File, Edit, View, Go or Help menu ("file", "edit", "view", "go", "help")."""
        return self.actions.menus[name]

    def add_action(self, menu_name: str, text_or_action, slot=None, shortcut: str | None = None) -> QAction:
        """Add an action to a menu (before Quit in File); returns it so it can go on the toolbar too."""
        action = text_or_action if isinstance(text_or_action, QAction) else QAction(text_or_action, self)
        if slot is not None:
            action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(shortcut)
        menu = self.menu(menu_name)
        if menu_name == "file":
            menu.insertAction(self.actions.quit, action)
        else:
            menu.addAction(action)
        self.addAction(action)  # its shortcut works even when the menu bar is hidden
        return action

    def add_resource_action(self, action: QAction) -> None:
        self.resource_menu.add(action)

    def chosen_resource_id(self) -> str | None:
        return self.resource_menu.chosen_id()

    def add_menu(self, menu: QMenu) -> None:
        help_menu = self.menu("help").menuAction()
        self.menuBar().insertMenu(help_menu, menu)
        menu.aboutToHide.connect(self.focus_keeper.restore_soon)

    def add_side_panel(self, title: str, widget: QWidget) -> QWidget:
        """A panel under the contents, in the one right-hand column (it folds away on a small screen)."""
        from kit.ui.window_layout import titled_panel

        box = titled_panel(title, widget)
        self.side.addWidget(box)
        self.fit_columns()
        return box

    def add_reader_bar(self, widget: QWidget) -> None:
        """A bar under the page, above the find bar (read aloud's)."""
        self.reading_layout.insertWidget(self.reading_layout.indexOf(self.find_bar), widget)

    def dialog_parent(self) -> QWidget:
        return self

    def reading_view(self) -> QTextBrowser:
        return self.reader

    def current_resource(self) -> Resource | None:
        return self._current

    def current_resource_id(self) -> str | None:
        return self._current.id if self._current is not None else None

    def current_edition(self) -> str:
        return self.settings.edition

    def show_status(self, message: str, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(message, timeout_ms)
        announce(self.statusBar(), message)

    def show_notice(self, message: str, key: str = "window") -> None:
        """A lasting notice for the condition `key` names (an empty message clears it); other keys' stay."""
        self.notices.show_notice(key, message)
        announce(self.notices, message.strip().splitlines()[0] if message.strip() else "")

    def clear_notice(self, key: str) -> None:
        self.notices.clear(key)

    def notice(self, key: str | None = None) -> str:
        """What `key` says; without a key, every notice on show, one a line."""
        return self.notices.text(key) if key is not None else "\n".join(self.notices.shown().values())

    def set_content(self, widget: QWidget) -> None:
        """Put `widget` under the notices (the columns, or "Opening the kit…" until they are built)."""
        if self._body.count() > 1:
            old = self._body.takeAt(1).widget()
            old.hide()
            old.deleteLater()
        self._body.addWidget(widget, 1)

    def update_settings(self, **changes) -> None:
        """Change settings and save them (off the GUI thread, within a second; all of them when the window shuts
        down); an unwritable config folder becomes a lasting notice."""
        self.settings = self.settings.replace(**changes)
        if self._settings_writer is not None:
            self._settings_writer.save(self.settings)

    def _report_saved(self, notice: str | None) -> None:  # on the writer's thread: only a queued signal
        with contextlib.suppress(RuntimeError):  # the window's Qt object is already gone (never shut down)
            self._settings_saved.emit(notice)

    def _settings_notice(self, notice: str | None) -> None:
        self.show_notice(notice or "", key=SETTINGS_NOTICE)

    # The library -----------------------------------------------------------------------------------------------
    def set_library(self, library: Library, select: str | None = None) -> None:
        """Show a (re)loaded library; `select` opens that resource (one just imported or edited)."""
        self.build()
        reopen = select or (self._current.id if self._current is not None else None)
        self.library = library
        self.loader.clear_cache()
        self.library_panel.set_library(library)
        if self.index_dir is not None:
            self.progress.preparing()
            self.search_service.start_soon(self.index_dir, library)  # after this is handled and repainted
        self.library_loaded.emit(library)
        errors = library.errors()
        if errors:
            first = errors[0]
            more = (
                translate("MainWindow", " (and {count} more; 'kit validate' lists them)").format(count=len(errors) - 1)
                if len(errors) > 1
                else ""
            )
            text = translate("MainWindow", "Not loaded: {file}: {problem}").format(
                file=first.path.name, problem=first.message
            )
            self.show_status(text + more, 15_000)
        last = self.settings.last_resource
        if select is None and self._current is not None and library.get(self._current.id) == self._current:
            self._refresh_page()
        elif reopen and library.get(reopen):
            self.open_resource(reopen, acknowledged=select is not None)  # the new copy, e.g. after an edit
        elif self._current is None and last and library.get(last):
            # The page the teacher left: its content note asks again only if they never accepted it there.
            self.open_resource(last, acknowledged=self.settings.note_accepted)
        elif self._current is None:
            self.show_welcome()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.built:
            self.fit_columns()

    def show_about(self):
        return show_about(self)

    # Window state (kit.ui.window_state) ------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        restore_geometry(self)

    def _restore_splitter(self) -> None:
        restore_columns(self)
        self.fit_columns()

    def closeEvent(self, event) -> None:
        save_window_state(self)
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Let features save and background work finish before the window's objects go away (once)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.closing.emit()
        if self.built:
            self.loader.shutdown()
            self.search_service.shutdown()
        if self._settings_writer is not None:
            self._settings_writer.close()  # the last page and choices are on disk before the app goes
