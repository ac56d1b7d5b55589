"""The main window: search and library on the left, the reader on the right; menus other features can extend."""

from __future__ import annotations

import contextlib
import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QTextBrowser, QVBoxLayout, QWidget

from kit.core.i18n import QT_TRANSLATE_NOOP, current_language
from kit.core.settings import ZOOM_RANGE, Settings
from kit.core.settings_writer import SettingsWriter
from kit.pyside_workarounds import protect_singletons
from kit.ui.accessibility import announce
from kit.ui.help import show_about, user_guide, welcome_html
from kit.ui.i18n import translate
from kit.ui.library.search_service import SearchService
from kit.ui.notices import SETTINGS_NOTICE, NoticeStack
from kit.ui.reader.history import History
from kit.ui.reader.link_policy import LinkPolicy
from kit.ui.reader.reading_style import reading_css, text_width_em
from kit.ui.themes import apply_theme, body_size, reader_stylesheet, theme_named
from kit.ui.window_state import restore_columns, restore_geometry, save_window_state

if TYPE_CHECKING:  # not imported at start-up: the window shows before the library is read
    from kit.core.content.loader import Library
    from kit.core.model import Resource

TITLE = QT_TRANSLATE_NOOP("MainWindow", "Classroom Kit")
OPENING_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Classroom Kit (opening…)")
READER_PAGE, WARNING_PAGE = 0, 1
PREPARING_NOTICE_MS = 250


class MainWindow(QMainWindow):
    """The window features see as `kit.ui.features.Window`; `kit.ui.app` installs them.

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

    # Opening resources -----------------------------------------------------------------------------------------
    def open_resource(self, resource_id: str, fragment: str = "", *, acknowledged: bool = False) -> bool:
        """Open a resource of the library by id (asking first when it has a content warning, unless the
        teacher already chose it knowingly: `kit present ID`, a lesson, a resource they just added)."""
        resource = self.library.get(resource_id) if self.library else None
        if resource is None:
            self.show_status(
                translate("MainWindow", "“{id}” is not in this kit; the page stays as it was.").format(
                    id=resource_id[:60]
                )
            )
            return False
        if acknowledged:
            self._acknowledged.add(resource.id)
        return self.show_resource(resource, fragment)

    def show_resource(self, resource: Resource, fragment: str = "", *, record: bool = True) -> bool:
        """Show any resource (also one outside the library, such as the bundled user guide)."""
        if record:
            self._history.record(resource.id)
            self._update_navigation()
        if resource.content_warning and resource.id not in self._acknowledged:
            self.warning.ask(resource.id, resource.title, resource.content_warning)
            self._pending_warning = (resource, fragment)
            self.pages.setCurrentIndex(WARNING_PAGE)
            self.library_panel.select(resource.id)
            self.set_contents_visible(False)
            self.setWindowTitle(f"{resource.title} — {translate('MainWindow', TITLE)}")
            return True
        self._load(resource, fragment)
        return True

    def _refresh_page(self) -> None:
        """The open resource is the same in a new library (a pack imported, a file added elsewhere): its page is
        prepared again off the GUI thread, since its related links may now resolve differently, and shown only if
        it changed. Reopening it every time laid out and repainted the page on the GUI thread while the index was
        rebuilt (the import's 100+ ms gap, issue 15) and took the teacher back to the top of what they read."""
        self._pending_token = self.loader.request(self._current, self.library, self.settings.edition)
        self._refreshing = True

    def _load(self, resource: Resource, fragment: str) -> None:
        self._refreshing = False
        self._current = resource
        self._pending_fragment = fragment
        self.pages.setCurrentIndex(READER_PAGE)
        self.setWindowTitle(f"{resource.title} — {translate('MainWindow', TITLE)}")
        self.library_panel.select(resource.id)
        self._pending_token = self.loader.request(resource, self.library, self.settings.edition)
        if not self.loader.is_ready(self._pending_token):
            # Say so when a page takes a moment (a huge or hostile file), instead of leaving the old one up.
            self._preparing_timer.start(PREPARING_NOTICE_MS)

    def _show_preparing(self) -> None:
        if self._current is not None and not self.loader.is_ready(self._pending_token):
            preparing = html.escape(translate("MainWindow", "Preparing the page…"))
            text = f"<h1>{html.escape(self._current.title)}</h1><p class='meta'>{preparing}</p>"
            self.reader.show_page(text, self._stylesheet(), LinkPolicy(None), self._body_pt())

    def page_ready(self, token: int, page) -> None:
        """A page prepared off the GUI thread arrived; show it if it is still the one asked for."""
        from kit.ui.window_layout import fill_contents

        if token != self._pending_token or self._current is None or page.resource_id != self._current.id:
            return
        if self._refreshing:
            self._refreshing = False
            if page.html == self.reader.page_html:
                return  # the same page: the teacher keeps their place, nothing is laid out again
        self.reader.show_page(page.html, self._stylesheet(), LinkPolicy(self._current.pack_dir), self._body_pt())
        fill_contents(self, page.headings)
        self.reader.setAccessibleDescription(self._current.title)  # "Page, Exit ticket" to a screen reader
        if self._pending_fragment:
            self.reader.scrollToAnchor(self._pending_fragment)
        self.find_bar.refresh()
        # A content note accepted for this page is not asked again when the kit reopens on it.
        accepted = bool(self._current.content_warning) and self._current.id in self._acknowledged
        if (self._current.id, accepted) != (self.settings.last_resource, self.settings.note_accepted):
            self.update_settings(last_resource=self._current.id, note_accepted=accepted)
        self.resource_opened.emit(self._current)

    def follow_internal_link(self, resource_id: str, fragment: str) -> None:
        if self._current is not None and resource_id == self._current.id and fragment:
            self.reader.scrollToAnchor(fragment)
            return
        self.open_resource(resource_id, fragment)

    def warning_accepted(self, resource_id: str) -> None:
        resource, fragment = self._pending_warning
        self._acknowledged.add(resource_id)
        self._load(resource, fragment)

    def warning_declined(self, resource_id: str) -> None:
        # Forget the refused page in history, then return to where the teacher was.
        self._history.drop_current()
        self._update_navigation()
        if self._current is not None:
            self.pages.setCurrentIndex(READER_PAGE)
            self.setWindowTitle(f"{self._current.title} — {translate('MainWindow', TITLE)}")
            self.library_panel.select(self._current.id)
            self.set_contents_visible(self.actions.contents_panel.isChecked())
        else:
            self.show_welcome()

    def show_welcome(self) -> None:
        from kit.ui.window_layout import fill_contents

        self._current = None
        self.pages.setCurrentIndex(READER_PAGE)
        self.setWindowTitle(translate("MainWindow", TITLE))
        self.reader.show_page(welcome_html(self.library), self._stylesheet(), LinkPolicy(None), self._body_pt())
        fill_contents(self, ())

    # History ---------------------------------------------------------------------------------------------------
    def go_back(self) -> None:
        self._go(-1)

    def go_forward(self) -> None:
        self._go(1)

    def _go(self, step: int) -> None:
        resource_id = self._history.step(step)
        self._update_navigation()
        resource = self.library.get(resource_id) if self.library and resource_id else None
        if resource is not None:
            self.show_resource(resource, record=False)

    def _update_navigation(self) -> None:
        self.actions.back.setEnabled(self._history.can_go_back)
        self.actions.forward.setEnabled(self._history.can_go_forward)

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

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.built:
            self.fit_columns()

    # Theme, zoom, edition --------------------------------------------------------------------------------------
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
        percent = round(100 * (1 + 0.1 * self.settings.zoom))
        self.show_status(translate("MainWindow", "Text size {percent} %").format(percent=percent))

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

    # Help ------------------------------------------------------------------------------------------------------
    def open_user_guide(self) -> None:
        guide = user_guide(self.library, current_language())
        if guide is None:
            self.show_status(translate("MainWindow", "The user guide is not installed."))
            return
        self.show_resource(guide)

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
