"""A searchable list of the kit's resources to add to a lesson: title, kind and minutes, filtered as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.core.content.loader import Library
from kit.core.model import AUDIENCE_LABELS, AUDIENCES, KIND_LABELS, KINDS, Resource
from kit.ui.i18n import audience_names, kind_name, translate

ID_ROLE = Qt.ItemDataRole.UserRole
TITLE, KIND, MINUTES = 0, 1, 2


def matches(resource: Resource, words: list[str], kind: str | None, audience: str | None) -> bool:
    """Every typed word in the title (or id), and the chosen kind and audience."""
    haystack = f"{resource.title} {resource.id}".casefold()
    return (
        all(word in haystack for word in words)
        and (kind is None or resource.kind == kind)
        and (audience is None or audience in resource.audience)
    )


class ResourcePicker(QWidget):
    """Type to narrow, choose a kind or audience, then Enter, double-click or Add (several rows at once)."""

    chosen = Signal(list)  # resource ids, in the list's order

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText(translate("Lessons", "Find a resource to add"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(translate("Lessons", "Find a resource to add"))
        self.kind = self._filter(translate("SearchPanel", "All kinds"), KINDS, KIND_LABELS)
        self.audience = self._filter(translate("SearchPanel", "All audiences"), AUDIENCES, AUDIENCE_LABELS)
        self.list = QTreeWidget()
        self.list.setAccessibleName(translate("Lessons", "Resources to add"))
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(
            [translate("Lessons", "Resource"), translate("Lessons", "Kind"), translate("Lessons", "Minutes")]
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.list.header()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MINUTES, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.add_button = QPushButton(translate("Lessons", "&Add to Lesson"))
        filters = QHBoxLayout()
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.audience, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.add_button)
        self.field.textChanged.connect(self.refilter)
        self.field.returnPressed.connect(self._enter)
        self.kind.currentIndexChanged.connect(self.refilter)
        self.audience.currentIndexChanged.connect(self.refilter)
        self.list.itemActivated.connect(lambda _item, _column: self.add_selected())
        self.add_button.clicked.connect(self.add_selected)
        self.set_library(library)

    @staticmethod
    def _filter(all_label: str, values, labels) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(all_label)
        combo.addItem(all_label, None)
        for value in values:
            combo.addItem(translate("Model", labels.get(value, value)), value)
        return combo

    def set_library(self, library: Library) -> None:
        self.list.clear()
        for resource in sorted(library.resources, key=lambda r: r.title.casefold()):
            minutes = f"{resource.minutes} min" if resource.minutes else "–"
            item = QTreeWidgetItem([resource.title, kind_name(resource), minutes])
            item.setData(TITLE, ID_ROLE, resource.id)
            item.setToolTip(TITLE, f"{resource.title} · {audience_names(resource)}")
            item.setTextAlignment(MINUTES, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        self._library = library
        self.refilter()

    def refilter(self) -> None:
        words = self.field.text().casefold().split()
        kind, audience = self.kind.currentData(), self.audience.currentData()
        first = None
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            resource = self._library.get(item.data(TITLE, ID_ROLE))
            hidden = resource is None or not matches(resource, words, kind, audience)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None and (self.list.currentItem() is None or self.list.currentItem().isHidden()):
            self.list.setCurrentItem(first)

    def shown_ids(self) -> list[str]:
        return [
            self.list.topLevelItem(row).data(TITLE, ID_ROLE)
            for row in range(self.list.topLevelItemCount())
            if not self.list.topLevelItem(row).isHidden()
        ]

    def _enter(self) -> None:
        """Enter in the field adds the highlighted row (the first match), so type-Enter-type-Enter builds a lesson."""
        current = self.list.currentItem()
        if current is not None and not current.isHidden():
            self.chosen.emit([current.data(TITLE, ID_ROLE)])
            self.field.selectAll()

    def add_selected(self) -> None:
        rows = [item for item in self.list.selectedItems() if not item.isHidden()]
        if not rows and self.list.currentItem() is not None and not self.list.currentItem().isHidden():
            rows = [self.list.currentItem()]
        rows.sort(key=lambda item: self.list.indexOfTopLevelItem(item))
        if rows:
            self.chosen.emit([item.data(TITLE, ID_ROLE) for item in rows])
