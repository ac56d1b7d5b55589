"""The main window: the list of resources beside a reader."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMainWindow, QSplitter, QTextBrowser

from kit.core import markup
from kit.core.content import Library


class MainWindow(QMainWindow):
    resourceOpened = Signal(str)  # the id of the resource now in the reader

    def __init__(self, library: Library):
        super().__init__()
        self.library = library
        self.setWindowTitle("Classroom Kit")
        self.resource_list = QListWidget()
        self._fill_list(library)
        self.reader = QTextBrowser()
        self.reader.setOpenLinks(False)
        splitter = QSplitter()
        splitter.addWidget(self.resource_list)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)
        self.resource_list.currentItemChanged.connect(self._open_item)
        self.resize(1100, 720)
        if library.resources:
            self.resource_list.setCurrentRow(0)

    def _fill_list(self, library: Library) -> None:
        for resource in library.resources:
            item = QListWidgetItem(f"{resource.title}\n{resource.kind_label} · {resource.audience_label}")
            item.setData(Qt.ItemDataRole.UserRole, resource.id)
            self.resource_list.addItem(item)

    def set_library(self, library: Library, select: str | None = None) -> None:
        """Show a reloaded library (after an import), keeping or moving the selection."""
        keep = select or self.current_resource_id()
        self.library = library
        self.resource_list.clear()
        self._fill_list(library)
        if keep and library.get(keep):
            self.open_resource(keep)
        elif library.resources:
            self.resource_list.setCurrentRow(0)

    def current_resource_id(self) -> str | None:
        item = self.resource_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def open_resource(self, resource_id: str) -> None:
        for row in range(self.resource_list.count()):
            if self.resource_list.item(row).data(Qt.ItemDataRole.UserRole) == resource_id:
                self.resource_list.setCurrentRow(row)
                return

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        resource = self.library.get(item.data(Qt.ItemDataRole.UserRole))
        if resource is not None:
            self.reader.setHtml(f"<h1>{html.escape(resource.title)}</h1>" + markup.render(resource).html)
            self.resourceOpened.emit(resource.id)
