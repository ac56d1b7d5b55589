"""The class packet builder: pick resources, put them in order, choose the edition and cover, then preview,
print or export."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kit.core.content.loader import Library
from kit.core.dates_numbers import long_date
from kit.core.i18n import current_language
from kit.core.model import Resource
from kit.printing import Cover
from kit.printing.paper import PAPER_LABELS
from kit.ui.i18n import kind_name, translate
from kit.ui.print_dialogs.controller import PrintController, PrintJob
from kit.ui.print_dialogs.edition_choice import EditionChoice

ID_ROLE = Qt.ItemDataRole.UserRole


class PacketBuilder(QDialog):
    """Non-modal, so the teacher can keep reading while building; every button works on what is shown."""

    def __init__(
        self,
        library: Library,
        controller: PrintController,
        parent: QWidget | None = None,
        first: Resource | None = None,
    ):
        super().__init__(parent)
        self.library = library
        self.controller = controller
        self.setWindowTitle(translate("Printing", "Class Packet"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.filter = QLineEdit(placeholderText=translate("Printing", "Filter resources"))
        self.available = QListWidget()
        self.available.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for resource in library.resources:
            self.available.addItem(_item(resource))
        self.chosen = QListWidget()
        self.chosen.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)  # reorder by dragging too

        self.filter.setAccessibleName(translate("Printing", "Filter resources"))
        self.available.setAccessibleName(translate("Printing", "Resources"))
        self.chosen.setAccessibleName(translate("Printing", "In the packet, in order"))
        # Left empty, the cover says "Class packet" in the packet's language (a French packet: « Cahier de la classe »).
        self.title = QLineEdit(placeholderText=translate("Printing", "Class packet"))
        self.class_name = QLineEdit(placeholderText=translate("Printing", "e.g. 10B"))
        # Left empty, the cover gives today's date in the packet's language; a typed 2026-12-06 is written out too.
        self.date = QLineEdit(placeholderText=long_date(dt.date.today(), current_language()))
        self.teacher = QLineEdit(placeholderText=translate("Printing", "left blank: a line to write on"))
        self.edition = EditionChoice()
        self.paper = QComboBox()
        for key, label in PAPER_LABELS.items():
            self.paper.addItem(translate("Printing", label), key)
        self.paper.setCurrentIndex(self.paper.findData(controller.paper))

        self._build_layout()
        self.filter.textChanged.connect(self._apply_filter)
        self.available.itemDoubleClicked.connect(lambda item: self.add_ids([item.data(ID_ROLE)]))
        if first is not None:
            self.add_ids([first.id])

    def _build_layout(self) -> None:
        add = QPushButton(translate("Printing", "Add →"))
        add.clicked.connect(lambda: self.add_ids([i.data(ID_ROLE) for i in self.available.selectedItems()]))
        up, down, remove = (
            QPushButton(translate("Printing", "Move Up")),
            QPushButton(translate("Printing", "Move Down")),
            QPushButton(translate("Printing", "Remove")),
        )
        up.clicked.connect(lambda: self.move_current(-1))
        down.clicked.connect(lambda: self.move_current(1))
        remove.clicked.connect(self.remove_current)
        lists = QGridLayout()
        lists.addWidget(QLabel(translate("Printing", "Resources")), 0, 0)
        lists.addWidget(QLabel(translate("Printing", "In the packet, in order")), 0, 2)
        lists.addWidget(self.filter, 1, 0)
        lists.addWidget(self.available, 2, 0, 4, 1)
        lists.addWidget(add, 2, 1)
        lists.addWidget(self.chosen, 1, 2, 5, 1)
        for row, button in enumerate((up, down, remove), start=1):
            lists.addWidget(button, row, 3)
        form = QFormLayout()
        form.addRow(translate("Printing", "Cover title"), self.title)
        form.addRow(translate("Printing", "Class"), self.class_name)
        form.addRow(translate("Printing", "Date"), self.date)
        form.addRow(translate("Printing", "Teacher"), self.teacher)
        form.addRow(translate("Printing", "Edition"), self.edition)
        form.addRow(translate("Printing", "Paper"), self.paper)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = buttons.addButton(
            translate("Printing", "Preview…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button = buttons.addButton(translate("Printing", "Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button = buttons.addButton(
            translate("Printing", "Export PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.preview_button.clicked.connect(lambda: self._run(self.controller.preview_job))
        self.print_button.clicked.connect(lambda: self._run(self.controller.print_job))
        self.export_button.clicked.connect(lambda: self._run(self.controller.ask_export))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(lists, 1)  # the lists take the spare height
        row = QHBoxLayout()
        row.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self._update_buttons()

    def add_ids(self, ids: list[str]) -> None:
        present = set(self.chosen_ids())
        for resource_id in ids:
            resource = self.library.get(resource_id)
            if resource is not None and resource_id not in present:
                self.chosen.addItem(_item(resource))
                present.add(resource_id)
        self._update_buttons()

    def move_current(self, delta: int) -> None:
        row = self.chosen.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.chosen.count():
            return
        item = self.chosen.takeItem(row)
        self.chosen.insertItem(target, item)
        self.chosen.setCurrentRow(target)

    def remove_current(self) -> None:
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)
        self._update_buttons()

    def chosen_ids(self) -> list[str]:
        return [self.chosen.item(i).data(ID_ROLE) for i in range(self.chosen.count())]

    def job(self) -> PrintJob | None:
        resources = tuple(r for r in (self.library.get(i) for i in self.chosen_ids()) if r is not None)
        if not resources:
            return None
        cover = Cover(
            self.title.text().strip(),
            self.class_name.text().strip(),
            self.date.text().strip(),
            self.teacher.text().strip(),
        )
        return PrintJob(resources, self.edition.currentData(), cover)

    def _run(self, action) -> None:
        job = self.job()
        if job is not None:
            self.controller.paper = self.paper.currentData()
            action(job)

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for index in range(self.available.count()):
            item = self.available.item(index)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _update_buttons(self) -> None:
        has_any = self.chosen.count() > 0
        for button in (self.preview_button, self.print_button, self.export_button):
            button.setEnabled(has_any)


def _item(resource: Resource) -> QListWidgetItem:
    item = QListWidgetItem(f"{resource.title} ({kind_name(resource)})")
    item.setData(ID_ROLE, resource.id)
    return item
