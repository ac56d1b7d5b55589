"""Builds the main window's widgets (search and library, reader, contents, status bar) and wires their signals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kit.ui.library.library_panel import LibraryPanel
from kit.ui.library.search_panel import SearchPanel
from kit.ui.menus import build_actions
from kit.ui.reader.content_warning import ContentWarning
from kit.ui.reader.find_bar import FindBar
from kit.ui.reader.link_bar import ExternalLinkBar, elide
from kit.ui.reader.page_loader import PageLoader
from kit.ui.reader.view import Reader

ANCHOR_ROLE = Qt.ItemDataRole.UserRole


def build_layout(window) -> None:
    """Create the widgets as attributes of `window` (a MainWindow), then its menus, then connect them."""
    w = window
    w.loader = PageLoader(w)
    w.library_panel = LibraryPanel()
    w.search_panel = SearchPanel(w.search_service, w.library_panel)
    w.reader = Reader()
    w.find_bar = FindBar(w.reader)
    w.link_bar = ExternalLinkBar()
    w.warning = ContentWarning()
    w.pages = QStackedWidget()
    w.pages.addWidget(w.reader)
    w.pages.addWidget(w.warning)
    w.reader_toolbar = QToolBar("Reader")
    w.reader_toolbar.setObjectName("readerToolbar")
    w.reader_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    w.contents = QListWidget()
    w.contents.setAccessibleName("Contents")
    w.contents.setWordWrap(True)
    w.contents.setSpacing(2)
    w.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    w.contents_box = QWidget()
    contents_layout = QVBoxLayout(w.contents_box)
    contents_layout.setContentsMargins(6, 8, 0, 0)
    contents_layout.addWidget(QLabel("Contents"))
    contents_layout.addWidget(w.contents, 1)

    reading = QWidget()
    reading_layout = QVBoxLayout(reading)
    reading_layout.setContentsMargins(0, 0, 0, 0)
    reading_layout.setSpacing(0)
    for widget in (w.reader_toolbar, w.link_bar, w.pages, w.find_bar):
        reading_layout.addWidget(widget, 1 if widget is w.pages else 0)
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(8, 8, 4, 8)
    left_layout.addWidget(w.search_panel)
    w.splitter = QSplitter()
    w.splitter.setObjectName("mainSplitter")
    for index, widget in enumerate((left, reading, w.contents_box)):
        w.splitter.addWidget(widget)
        w.splitter.setStretchFactor(index, 1 if widget is reading else 0)
    w.splitter.setSizes([360, 720, 220])
    w.splitter.setCollapsible(1, False)
    w.setCentralWidget(w.splitter)
    w.progress = QProgressBar()
    w.progress.setMaximumWidth(180)
    w.progress.setTextVisible(False)
    w.progress.hide()
    w.statusBar().addPermanentWidget(w.progress)
    w.actions = build_actions(w)
    _wire(w)


def _wire(w) -> None:
    a = w.actions
    for action in (a.back, a.forward, None, a.teacher_edition, a.find, None, a.zoom_out, a.zoom_in):
        if action is None:
            w.reader_toolbar.addSeparator()
        else:
            w.reader_toolbar.addAction(action)
    w.library_panel.resource_activated.connect(w.open_resource)
    w.library_panel.grouping_changed.connect(lambda by: w.update_settings(browse_by=by))
    w.search_panel.resource_activated.connect(w.open_resource)
    w.reader.open_requested.connect(w.follow_internal_link)
    w.reader.external_requested.connect(w.link_bar.show_link)
    w.reader.link_refused.connect(lambda url: w.show_status("This link does not go anywhere in the kit."))
    w.reader.highlighted.connect(lambda url: w.statusBar().showMessage(elide(url.toString()), 4000))
    w.reader.back_requested.connect(w.go_back)
    w.reader.forward_requested.connect(w.go_forward)
    w.warning.accepted.connect(w.warning_accepted)
    w.warning.declined.connect(w.warning_declined)
    w.loader.page_ready.connect(w.page_ready)
    w.contents.itemClicked.connect(lambda item: w.reader.scrollToAnchor(item.data(ANCHOR_ROLE)))
    w.contents.itemActivated.connect(lambda item: w.reader.scrollToAnchor(item.data(ANCHOR_ROLE)))
    w.search_service.progress.connect(w.index_progress)
    w.search_service.ready.connect(w.index_ready)
    w.search_service.failed.connect(w.index_failed)


def fill_contents(window, headings) -> None:
    """The contents panel lists the page's headings (levels 2-3); it hides when there are fewer than two."""
    window.contents.clear()
    for heading in headings:
        if heading.level > 3:
            continue
        window.contents.addItem("    " * max(0, heading.level - 2) + heading.text)
        window.contents.item(window.contents.count() - 1).setData(ANCHOR_ROLE, heading.anchor)
    window.set_contents_visible(window.actions.contents_panel.isChecked())
