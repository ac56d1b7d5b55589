"""The main window: the list of resources beside a reader."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMainWindow, QSplitter, QTextBrowser

from kit.core import markup
from kit.core.content import Library
from kit.ui.printing_actions import add_printing_actions


class MainWindow(QMainWindow):
    def __init__(self, library: Library):
        super().__init__()
        self.library = library
        self.setWindowTitle("Classroom Kit")
        self.resource_list = QListWidget()
        for resource in library.resources:
            item = QListWidgetItem(f"{resource.title}\n{resource.kind_label} · {resource.audience_label}")
            item.setData(Qt.ItemDataRole.UserRole, resource.id)
            self.resource_list.addItem(item)
        self.reader = QTextBrowser()
        self.reader.setOpenLinks(False)
        splitter = QSplitter()
        splitter.addWidget(self.resource_list)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)
        self.resource_list.currentItemChanged.connect(self._open_item)
        self.current_resource = None
        self.printing = add_printing_actions(
            self, self.menuBar().addMenu("&File"), lambda: self.current_resource, library
        )
        self.resize(1100, 720)
        if library.resources:
            self.resource_list.setCurrentRow(0)

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        resource = self.library.get(item.data(Qt.ItemDataRole.UserRole))
        if resource is not None:
            self.current_resource = resource
            self.reader.setHtml(f"<h1>{html.escape(resource.title)}</h1>" + markup.render(resource).html)
