"""The main window: search and library on the left, the reader on the right; menus other features can extend."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kit.core.content import Library
from kit.core.model import Resource
from kit.core.settings import ZOOM_RANGE, Settings, save_settings
from kit.pyside_workarounds import protect_singletons
from kit.ui import help as kit_help
from kit.ui.actions import build_actions
from kit.ui.content_warning import ContentWarning
from kit.ui.find_bar import FindBar
from kit.ui.library_panel import LibraryPanel
from kit.ui.link_bar import ExternalLinkBar, elide
from kit.ui.link_policy import LinkPolicy
from kit.ui.page_loader import PageLoader
from kit.ui.present import add_present_actions
from kit.ui.printing_actions import add_printing_actions
from kit.ui.reader import Reader
from kit.ui.search_panel import SearchPanel
from kit.ui.search_worker import SearchService
from kit.ui.themes import apply_theme, body_size, reader_stylesheet, theme_named

ANCHOR_ROLE = Qt.ItemDataRole.UserRole
READER_PAGE, WARNING_PAGE = 0, 1


class MainWindow(QMainWindow):
    """Hooks for other features: `menu(name)`, `add_action(...)`, `current_resource()`, `open_resource(id)`,
    `current_edition()`, `update_settings(...)`, `show_status(...)`, the `resource_opened` signal and the
    `reader_toolbar`."""

    resource_opened = Signal(object)  # Resource
    library_loaded = Signal(object)  # Library

    def __init__(
        self,
        library: Library | None = None,
        *,
        settings: Settings | None = None,
        config_dir: Path | None = None,
        index_dir: Path | None = None,
        search: SearchService | None = None,
    ):
        super().__init__()
        protect_singletons()  # before any signal or override runs; see kit.pyside_workarounds
        self.setWindowTitle("Classroom Kit")
        self.library: Library | None = None
        self.settings = settings or Settings()
        self.config_dir = config_dir
        self.index_dir = index_dir
        self._current: Resource | None = None
        self._history: list[str] = []
        self._history_index = -1
        self._acknowledged: set[str] = set()  # content warnings accepted this session
        self._pending_fragment = ""
        self._pending_token = 0
        self._pending_warning: tuple[Resource, str] | None = None
        self.search_service = search or SearchService(parent=self)
        self.loader = PageLoader(self)
        self._build_widgets()
        self.actions = build_actions(self)
        add_present_actions(self)  # View → Present (F5), issue 8
        self._add_printing()  # File → Print, Preview, Export PDF, Class Packet, issue 7
        self._wire()
        self._apply_settings()
        self._restore_geometry()
        self.show_welcome()
        if library is not None:
            self.set_library(library)

    # Layout ---------------------------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.library_panel = LibraryPanel()
        self.search_panel = SearchPanel(self.search_service, self.library_panel)
        self.reader = Reader()
        self.find_bar = FindBar(self.reader)
        self.link_bar = ExternalLinkBar()
        self.warning = ContentWarning()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.reader)
        self.pages.addWidget(self.warning)
        self.reader_toolbar = QToolBar("Reader")
        self.reader_toolbar.setObjectName("readerToolbar")
        self.reader_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.contents = QListWidget()
        self.contents.setAccessibleName("Contents")
        self.contents.setWordWrap(True)
        self.contents.setSpacing(2)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents_box = QWidget()
        contents_layout = QVBoxLayout(self.contents_box)
        contents_layout.setContentsMargins(6, 8, 0, 0)
        contents_title = QLabel("Contents")
        contents_title.setObjectName("panelTitle")
        contents_layout.addWidget(contents_title)
        contents_layout.addWidget(self.contents, 1)

        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        reading_layout.addWidget(self.reader_toolbar)
        reading_layout.addWidget(self.link_bar)
        reading_layout.addWidget(self.pages, 1)
        reading_layout.addWidget(self.find_bar)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.addWidget(self.search_panel)
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(reading)
        self.splitter.addWidget(self.contents_box)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([360, 720, 220])
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.notice_label = QLabel()  # lasting one-line notices (settings problems); messages come and go
        self.notice_label.setObjectName("noticeLabel")
        self.notice_label.hide()
        self.statusBar().addWidget(self.notice_label, 1)

    def _wire(self) -> None:
        a = self.actions
        self.reader_toolbar.addAction(a.back)
        self.reader_toolbar.addAction(a.forward)
        self.reader_toolbar.addSeparator()
        self.reader_toolbar.addAction(a.teacher_edition)
        self.reader_toolbar.addAction(a.find)
        self.reader_toolbar.addSeparator()
        self.reader_toolbar.addAction(a.zoom_out)
        self.reader_toolbar.addAction(a.zoom_in)
        self.library_panel.resource_activated.connect(self.open_resource)
        self.library_panel.grouping_changed.connect(lambda by: self.update_settings(browse_by=by))
        self.search_panel.resource_activated.connect(self.open_resource)
        self.reader.open_requested.connect(self._follow_internal)
        self.reader.external_requested.connect(self.link_bar.show_link)
        self.reader.link_refused.connect(lambda url: self.show_status("This link does not go anywhere in the kit."))
        self.reader.highlighted.connect(lambda url: self.statusBar().showMessage(elide(url.toString()), 4000))
        self.reader.back_requested.connect(self.go_back)
        self.reader.forward_requested.connect(self.go_forward)
        self.warning.accepted.connect(self._warning_accepted)
        self.warning.declined.connect(self._warning_declined)
        self.loader.page_ready.connect(self._page_ready)
        self.contents.itemClicked.connect(lambda item: self.reader.scrollToAnchor(item.data(ANCHOR_ROLE)))
        self.contents.itemActivated.connect(lambda item: self.reader.scrollToAnchor(item.data(ANCHOR_ROLE)))
        self.search_service.progress.connect(self._index_progress)
        self.search_service.ready.connect(self._index_ready)
        self.search_service.failed.connect(self._index_failed)
        self._update_navigation()

    # Hooks for other features ----------------------------------------------------------------------------------
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
        return action

    def _add_printing(self) -> None:
        staging = QMenu(self)  # printing builds its actions in a menu; they go into File before Quit
        self.printing = add_printing_actions(
            self, staging, self.current_resource, self.library or Library((), (), ()), paper=self.settings.paper
        )
        for action in staging.actions():
            self.add_action("file", action)
        self.library_loaded.connect(lambda library: setattr(self.printing, "library", library))
        self.printing.paper_changed.connect(lambda paper: self.update_settings(paper=paper))

    def current_resource(self) -> Resource | None:
        return self._current

    def current_edition(self) -> str:
        return self.settings.edition

    def show_status(self, message: str, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def show_notice(self, message: str) -> None:
        """A one-line notice that stays in the status bar (e.g. settings could not be read or saved)."""
        message = message.splitlines()[0] if message else ""
        self.notice_label.setText(message)
        self.notice_label.setToolTip(message)
        self.notice_label.setVisible(bool(message))

    def notice(self) -> str:
        return self.notice_label.text()

    def update_settings(self, **changes) -> None:
        """Change settings and save them; an unwritable config folder becomes a status-bar notice."""
        self.settings = self.settings.replace(**changes)
        if self.config_dir is not None:
            notice = save_settings(self.config_dir, self.settings)
            if notice:
                self.show_notice(notice)

    # The library -----------------------------------------------------------------------------------------------
    def set_library(self, library: Library) -> None:
        self.library = library
        self.loader.clear_cache()
        self.library_panel.set_library(library)
        if self.index_dir is not None:
            self.progress.setRange(0, 0)
            self.progress.show()
            self.statusBar().showMessage("Preparing search…")
            self.search_service.start(self.index_dir, library)
        self.library_loaded.emit(library)
        last = self.settings.last_resource
        if self._current is None and last and library.get(last):
            self.open_resource(last)  # a page with a content warning asks first, as always
        elif self._current is None:
            self.show_welcome()

    # Opening resources -----------------------------------------------------------------------------------------
    def open_resource(self, resource_id: str, fragment: str = "", *, acknowledged: bool = False) -> bool:
        """Open a resource of the library by id (asking first when it has a content warning).

        `acknowledged` skips the question when the teacher has already chosen this resource knowingly,
        e.g. `kit present ID` or a lesson they built.
        """
        resource = self.library.get(resource_id) if self.library else None
        if resource is None:
            self.show_status(f"“{resource_id[:60]}” is not in this kit; the page stays as it was.")
            return False
        if acknowledged:
            self._acknowledged.add(resource.id)
        return self.show_resource(resource, fragment)

    def show_resource(self, resource: Resource, fragment: str = "", *, record: bool = True) -> bool:
        if record:
            self._record(resource.id)
        if resource.content_warning and resource.id not in self._acknowledged:
            self.warning.ask(resource.id, resource.title, resource.content_warning)
            self._pending_warning = (resource, fragment)
            self.pages.setCurrentIndex(WARNING_PAGE)
            self.library_panel.select(resource.id)
            self.contents_box.hide()
            self.setWindowTitle(f"{resource.title} — Classroom Kit")
            return True
        self._load(resource, fragment)
        return True

    def _load(self, resource: Resource, fragment: str) -> None:
        self._current = resource
        self._pending_fragment = fragment
        self.pages.setCurrentIndex(READER_PAGE)
        self.setWindowTitle(f"{resource.title} — Classroom Kit")
        self.library_panel.select(resource.id)
        self._pending_token = self.loader.request(resource, self.library, self.settings.edition)

    def _page_ready(self, token: int, page) -> None:
        if token != self._pending_token or self._current is None or page.resource_id != self._current.id:
            return
        theme = theme_named(self.settings.theme)
        policy = LinkPolicy(self._current.pack_dir)
        self.reader.show_page(page.html, self._stylesheet(), policy, body_size(theme, self.settings.zoom))
        self._fill_contents(page.headings)
        if self._pending_fragment:
            self.reader.scrollToAnchor(self._pending_fragment)
        self.find_bar.refresh()
        if self._current.id != self.settings.last_resource:
            self.update_settings(last_resource=self._current.id)
        self.resource_opened.emit(self._current)

    def _follow_internal(self, resource_id: str, fragment: str) -> None:
        if self._current is not None and resource_id == self._current.id and fragment:
            self.reader.scrollToAnchor(fragment)
            return
        self.open_resource(resource_id, fragment)

    def _warning_accepted(self, resource_id: str) -> None:
        resource, fragment = self._pending_warning
        self._acknowledged.add(resource_id)
        self._load(resource, fragment)

    def _warning_declined(self, resource_id: str) -> None:
        # Forget the refused page in history, then return to where the teacher was.
        del self._history[self._history_index :]
        self._history_index = len(self._history) - 1
        self._update_navigation()
        if self._current is not None:
            self.pages.setCurrentIndex(READER_PAGE)
            self.setWindowTitle(f"{self._current.title} — Classroom Kit")
            self.library_panel.select(self._current.id)
            self.set_contents_visible(self.actions.contents_panel.isChecked())
        else:
            self.show_welcome()

    def show_welcome(self) -> None:
        self._current = None
        self.pages.setCurrentIndex(READER_PAGE)
        self.setWindowTitle("Classroom Kit")
        self.reader.show_page(self._welcome_html(), self._stylesheet(), LinkPolicy(None), self._body_pt())
        self._fill_contents(())

    def _welcome_html(self) -> str:
        if self.library is None:
            return "<h1>Classroom Kit</h1><p class='meta'>Opening the kit…</p>"
        packs = "".join(
            f"<h2>{html.escape(p.title)}</h2><p>{html.escape(p.description)}</p>" for p in self.library.packs
        )
        starts = [r for r in self.library.resources if r.kind == "teacher" and r.id != kit_help.USER_GUIDE_ID][:3]
        links = "".join(f'<li><a href="kit:{r.id}">{html.escape(r.title)}</a></li>' for r in starts)
        start = f"<p class='section-title'>Start here</p><ul>{links}</ul>" if links else ""
        return (
            "<h1>Welcome to Classroom Kit</h1>"
            f"<p class='summary'>{len(self.library.resources)} resources to read, present and print — no internet "
            "needed. Pick one on the left, or search with Ctrl+K.</p>"
            f"{start}{packs}<p class='meta'>Press F1 for the user guide.</p>"
        )

    # History ---------------------------------------------------------------------------------------------------
    def _record(self, resource_id: str) -> None:
        if self._history_index >= 0 and self._history[self._history_index] == resource_id:
            return
        del self._history[self._history_index + 1 :]
        self._history.append(resource_id)
        self._history_index = len(self._history) - 1
        self._update_navigation()

    def go_back(self) -> None:
        self._go(-1)

    def go_forward(self) -> None:
        self._go(1)

    def _go(self, step: int) -> None:
        index = self._history_index + step
        if not 0 <= index < len(self._history):
            return
        resource = self.library.get(self._history[index]) if self.library else None
        if resource is None:
            return
        self._history_index = index
        self._update_navigation()
        self.show_resource(resource, record=False)

    def _update_navigation(self) -> None:
        self.actions.back.setEnabled(self._history_index > 0)
        self.actions.forward.setEnabled(self._history_index < len(self._history) - 1)

    # Contents panel --------------------------------------------------------------------------------------------
    def _fill_contents(self, headings) -> None:
        self.contents.clear()
        for heading in headings:
            if heading.level > 3:
                continue
            self.contents.addItem("    " * max(0, heading.level - 2) + heading.text)
            self.contents.item(self.contents.count() - 1).setData(ANCHOR_ROLE, heading.anchor)
        wanted = self.actions.contents_panel.isChecked() and self.contents.count() >= 2
        self.contents_box.setVisible(wanted)

    def set_contents_visible(self, visible: bool) -> None:
        self.contents_box.setVisible(visible and self.contents.count() >= 2)

    # Theme, zoom, edition --------------------------------------------------------------------------------------
    def _stylesheet(self) -> str:
        return reader_stylesheet(theme_named(self.settings.theme), self.settings.zoom)

    def _body_pt(self) -> float:
        return body_size(theme_named(self.settings.theme), self.settings.zoom)

    def _apply_settings(self) -> None:
        theme = theme_named(self.settings.theme)
        self.actions.themes[theme.name].setChecked(True)
        self.actions.teacher_edition.setChecked(self.settings.edition == "teacher")
        self.library_panel.set_grouping(self.settings.browse_by)
        app = QApplication.instance()
        if app is not None:
            apply_theme(app, theme)

    def set_theme(self, name: str) -> None:
        theme = theme_named(name)
        self.update_settings(theme=theme.name)
        self.actions.themes[theme.name].setChecked(True)
        apply_theme(QApplication.instance(), theme)
        self.reader.restyle(self._stylesheet(), self._body_pt())

    def zoom_by(self, step: int) -> None:
        zoom = min(max(self.settings.zoom + step, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        if zoom != self.settings.zoom:
            self.update_settings(zoom=zoom)
            self.reader.restyle(self._stylesheet(), self._body_pt())
        self.show_status(f"Text size {round(100 * self._body_pt() / theme_named(self.settings.theme).body_pt)} %")

    def zoom_reset(self) -> None:
        self.zoom_by(-self.settings.zoom)

    def set_edition(self, edition: str) -> None:
        self.update_settings(edition=edition)
        self.actions.teacher_edition.setChecked(edition == "teacher")
        if self._current is not None:
            self._load(self._current, "")
        self.show_status(
            "Teacher edition: facilitator notes are shown." if edition == "teacher" else "Student edition."
        )

    # Help ------------------------------------------------------------------------------------------------------
    def open_user_guide(self) -> None:
        guide = kit_help.user_guide(self.library)
        if guide is None:
            self.show_status("The user guide is not installed.")
            return
        self.show_resource(guide)

    def show_about(self):
        return kit_help.show_about(self)

    # Search index progress -------------------------------------------------------------------------------------
    def _index_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.statusBar().showMessage(f"Building the search index… {done} of {total}")

    def _index_ready(self) -> None:
        self.progress.hide()
        self.statusBar().showMessage("Search is ready.", 3000)

    def _index_failed(self, message: str) -> None:
        self.progress.hide()
        self.show_status(message, 0)

    # Window state ----------------------------------------------------------------------------------------------
    def _window_state(self) -> QSettings | None:
        if self.config_dir is None:
            return None
        # An INI file in our config dir, not the platform registry: tests and --data-dir runs stay isolated.
        return QSettings(str(Path(self.config_dir) / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        self.resize(1280, 800)
        state = self._window_state()
        if state is None:
            return
        geometry, splitter = state.value("geometry"), state.value("splitter")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event) -> None:
        state = self._window_state()
        if state is not None and Path(self.config_dir).is_dir():
            state.setValue("geometry", self.saveGeometry())
            state.setValue("splitter", self.splitter.saveState())
            state.sync()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Let background work finish before the window's objects go away."""
        self.loader.shutdown()
        self.search_service.shutdown()
