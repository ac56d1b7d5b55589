"""Builds the main window's widgets (search and library, reader, side panels, status bar) and wires their signals.

Three columns in one splitter: the library, the reading column, and one side column where the contents and the
feature panels (the teacher's note) share the height. `fit_columns` keeps the reading column at least
READING_MIN_PX wide on a laptop: the side column folds away first, then the library narrows to its minimum.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kit.core.render.links import classify
from kit.ui.focus_keeper import FocusKeeper
from kit.ui.i18n import translate
from kit.ui.library.index_progress import IndexProgress
from kit.ui.library.library_panel import LibraryPanel
from kit.ui.library.resource_menu import ResourceMenu
from kit.ui.library.search_panel import SearchPanel
from kit.ui.menus import build_actions
from kit.ui.reader.content_warning import ContentWarning
from kit.ui.reader.find_bar import FindBar
from kit.ui.reader.link_bar import ExternalLinkBar, elide
from kit.ui.reader.page_loader import PageLoader
from kit.ui.reader.view import Reader
from kit.ui.window_state import LIBRARY_MIN_PX, LIBRARY_PX, SIDE_PX

ANCHOR_ROLE = Qt.ItemDataRole.UserRole
READING_MIN_PX = 640  # a comfortable line of the reader's type at normal size (issue 21)
LIBRARY, READING, SIDE = 0, 1, 2  # the main splitter's columns


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
    w.pages.setAccessibleName(
        translate("MainWindow", "Reading")
    )  # Orca announced a nameless "layered pane" around the page
    w.pages.addWidget(w.reader)
    w.pages.addWidget(w.warning)
    w.reader_toolbar = QToolBar(translate("MainWindow", "Reader"))
    w.reader_toolbar.setObjectName("readerToolbar")
    w.reader_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    w.contents = QListWidget()
    w.contents.setAccessibleName(translate("MainWindow", "Contents"))
    w.contents.setWordWrap(True)
    w.contents.setSpacing(2)
    w.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    w.contents_box = titled_panel(translate("MainWindow", "Contents"), w.contents)
    w.side = QSplitter(Qt.Orientation.Vertical)
    w.side.setObjectName("sideSplitter")
    w.side.addWidget(w.contents_box)

    reading = QWidget()
    reading_layout = QVBoxLayout(reading)
    reading_layout.setContentsMargins(0, 0, 0, 0)
    reading_layout.setSpacing(0)
    for widget in (w.reader_toolbar, w.link_bar, w.pages, w.find_bar):
        reading_layout.addWidget(widget, 1 if widget is w.pages else 0)
    w.reading_layout = reading_layout  # features add their bars under the page (add_reader_bar)
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(8, 8, 4, 8)
    left_layout.addWidget(w.search_panel)
    w.splitter = QSplitter()
    w.splitter.setObjectName("mainSplitter")
    left.setMinimumWidth(LIBRARY_MIN_PX)
    for index, widget in enumerate((left, reading, w.side)):
        w.splitter.addWidget(widget)
        w.splitter.setStretchFactor(index, 1 if widget is reading else 0)
    w.splitter.setCollapsible(READING, False)
    w.splitter.setCollapsible(LIBRARY, False)  # hidden on purpose (F9, the View menu), never squeezed to nothing
    w.column_widths = [LIBRARY_PX, SIDE_PX]  # what the teacher wants; fit_columns gives less when the window is small
    w.set_content(w.splitter)
    w.progress = IndexProgress(w.statusBar(), w.search_service)
    w.actions = build_actions(w)
    w.focus_keeper = FocusKeeper(w)
    views = (w.library_panel.tree, w.search_panel.results)
    w.resource_menu = ResourceMenu(views, w.current_resource_id, w.focus_keeper.restore_soon)
    for menu in w.actions.menus.values():
        menu.aboutToHide.connect(w.focus_keeper.restore_soon)
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
    w.reader.link_refused.connect(
        lambda url: w.show_status(translate("MainWindow", "This link does not go anywhere in the kit."))
    )
    w.reader.highlighted.connect(lambda url: w.statusBar().showMessage(hover_text(w, url.toString()), 4000))
    w.reader.back_requested.connect(w.go_back)
    w.reader.forward_requested.connect(w.go_forward)
    w.warning.accepted.connect(w.warning_accepted)
    w.warning.declined.connect(w.warning_declined)
    w.loader.page_ready.connect(w.page_ready)
    w.contents.itemClicked.connect(lambda item: w.reader.scrollToAnchor(item.data(ANCHOR_ROLE)))
    w.contents.itemActivated.connect(lambda item: _read_from(w, item.data(ANCHOR_ROLE)))
    w.splitter.splitterMoved.connect(lambda _pos, _index: remember_columns(w))


def _read_from(w, anchor: str) -> None:
    """Enter on a heading in Contents: the page scrolls there and takes the keyboard, its caret on the heading
    (so arrows, and a screen reader, read on from it)."""
    w.reader.scrollToAnchor(anchor)
    w.reader.setFocus()


def hover_text(w, address: str) -> str:
    """What the status bar says while the pointer is on a link: where it goes in words, not a `kit:` address."""
    if not address:
        return ""
    target = classify(address)
    if target.kind == "internal":
        resource = w.library.get(target.resource_id) if w.library is not None else None
        if resource is None:
            return translate("MainWindow", "Goes to a page that is not in this kit")
        return translate("MainWindow", "Opens “{title}”").format(title=elide(resource.title))
    if target.kind == "anchor":
        for row in range(w.contents.count()):
            if w.contents.item(row).data(ANCHOR_ROLE) == target.fragment:
                heading = elide(w.contents.item(row).text().strip())
                return translate("MainWindow", "Goes to “{heading}” on this page").format(heading=heading)
        return translate("MainWindow", "Goes to another part of this page")
    if target.kind == "external":
        return translate("MainWindow", "Outside the kit (shown, never opened): {address}").format(
            address=elide(target.url)
        )
    return translate("MainWindow", "This link does not go anywhere in the kit.")


def titled_panel(title: str, widget: QWidget) -> QWidget:
    """A panel of the side column: a label over the widget (the label is the panel's accessible name)."""
    box = QWidget()
    box.setObjectName(f"panel:{title}")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 8, 0, 0)
    label = QLabel(title)
    label.setBuddy(widget)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
    return box


def side_has_panels(w) -> bool:
    return any(not w.side.widget(i).isHidden() for i in range(w.side.count()))


def fit_columns(w) -> None:
    """Give the reading column at least READING_MIN_PX: fold the side column away first, then narrow the library
    (never below LIBRARY_MIN_PX); on a wide window both come back at the widths the teacher chose."""
    library_shown = not w.splitter.widget(LIBRARY).isHidden()
    side_wanted = side_has_panels(w) and not w.focus_layout
    total = w.splitter.width() - w.splitter.handleWidth() * (int(library_shown) + int(side_wanted))
    library = w.column_widths[0] if library_shown else 0
    side = w.column_widths[1] if side_wanted else 0
    if total - library - side < READING_MIN_PX:
        side = 0
    if library and total - library - side < READING_MIN_PX:
        library = max(LIBRARY_MIN_PX, total - side - READING_MIN_PX)
    w.side.setVisible(side > 0)
    w.splitter.blockSignals(True)  # our own fitting is not the teacher moving a splitter
    w.splitter.setSizes([library, max(total - library - side, 0), side])
    w.splitter.blockSignals(False)


def remember_columns(w) -> None:
    """The teacher dragged a splitter handle: keep the library's and side column's widths they chose."""
    sizes = w.splitter.sizes()
    if sizes[LIBRARY] >= LIBRARY_MIN_PX:
        w.column_widths[0] = sizes[LIBRARY]
    if sizes[SIDE] > 0:
        w.column_widths[1] = sizes[SIDE]


def fill_contents(window, headings) -> None:
    """The contents panel lists the page's headings (levels 2-3); it hides when there are fewer than two."""
    window.contents.clear()
    for heading in headings:
        if heading.level > 3:
            continue
        window.contents.addItem("    " * max(0, heading.level - 2) + heading.text)
        window.contents.item(window.contents.count() - 1).setData(ANCHOR_ROLE, heading.anchor)
    window.set_contents_visible(window.actions.contents_panel.isChecked())
