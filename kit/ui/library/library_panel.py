"""The library: every resource, grouped by kind, audience, topic, language or pack, with counts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.core.i18n import QT_TRANSLATE_NOOP, current_language
from kit.core.model import AUDIENCE_LABELS, AUDIENCES, KINDS, LANGUAGE_LABELS, LANGUAGES, Resource
from kit.core.render.reading_page import details_line
from kit.ui.i18n import counted, translate

if TYPE_CHECKING:
    from kit.core.content.loader import Library

GROUPINGS = {
    "kind": QT_TRANSLATE_NOOP("LibraryPanel", "Kind"),
    "audience": QT_TRANSLATE_NOOP("LibraryPanel", "Audience"),
    "topic": QT_TRANSLATE_NOOP("LibraryPanel", "Topic"),
    "language": QT_TRANSLATE_NOOP("LibraryPanel", "Language"),
    "pack": QT_TRANSLATE_NOOP("LibraryPanel", "Pack"),
}
# The library's groups by kind, in the plural (kit.core.model.KIND_LABELS names one resource).
KIND_GROUPS = {
    "article": QT_TRANSLATE_NOOP("LibraryPanel", "Articles"),
    "handout": QT_TRANSLATE_NOOP("LibraryPanel", "Handouts"),
    "guide": QT_TRANSLATE_NOOP("LibraryPanel", "Discussion guides"),
    "media": QT_TRANSLATE_NOOP("LibraryPanel", "Media guides"),
    "teacher": QT_TRANSLATE_NOOP("LibraryPanel", "Teacher notes"),
}
ID_ROLE = Qt.ItemDataRole.UserRole


def groups(library: Library, by: str) -> list[tuple[str, list[Resource]]]:
    """The library's resources grouped for browsing, in a teacher's order (a resource may sit in several groups)."""
    keyed: dict[str, list[Resource]] = {}
    order: list[str] = []
    labels: Callable[[str], str] = str
    if by == "kind":
        order, labels = list(KINDS), lambda k: translate("LibraryPanel", KIND_GROUPS.get(k, k))
    elif by == "audience":
        order, labels = list(AUDIENCES), lambda a: translate("Model", AUDIENCE_LABELS.get(a, a))
    elif by == "language":
        order, labels = list(LANGUAGES), lambda lang: LANGUAGE_LABELS.get(lang, lang)
    elif by == "pack":
        titles = {p.id: p.title_in(current_language()) for p in library.packs}
        order, labels = [p.id for p in library.packs], lambda p: titles.get(p, p)
    else:
        labels = lambda t: t.replace("-", " ").capitalize()  # noqa: E731 - a one-line label rule
    for resource in library.resources:
        for key in _keys(resource, by):
            keyed.setdefault(key, []).append(resource)
    if by == "topic":
        order = sorted(keyed, key=str.lower)
    order += sorted(k for k in keyed if k not in order)
    return [(labels(key), sorted(keyed[key], key=lambda r: r.title.lower())) for key in order if key in keyed]


def _keys(resource: Resource, by: str) -> tuple[str, ...]:
    if by == "audience":
        return resource.audience or ("",)
    if by == "topic":
        return resource.topics or ("other",)
    if by == "language":
        return (resource.language,)
    if by == "pack":
        return (resource.pack,)
    return (resource.kind,)


class _AiryDelegate(QStyledItemDelegate):
    """A little air between titles (a style sheet would freeze the palette and font at the first theme)."""

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        size.setHeight(size.height() + 5)
        return size


class LibraryPanel(QWidget):
    resource_activated = Signal(str)
    grouping_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.library: Library | None = None
        self.by = QComboBox()
        for key, label in GROUPINGS.items():
            self.by.addItem(translate("LibraryPanel", label), key)
        self.by.setAccessibleName(translate("LibraryPanel", "Browse by"))
        self.count_label = QLabel(translate("LibraryPanel", "Loading the kit…"))
        self.count_label.setObjectName("mutedLabel")
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)
        self.tree.setAccessibleName(translate("LibraryPanel", "Library"))
        self.tree.setItemDelegate(_AiryDelegate(self.tree))
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("LibraryPanel", "Browse by")))
        top.addWidget(self.by, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(self.tree, 1)
        self.by.currentIndexChanged.connect(self._regroup)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)

    def set_grouping(self, by: str) -> None:
        index = self.by.findData(by)
        self.by.setCurrentIndex(max(0, index))

    def grouping(self) -> str:
        return self.by.currentData()

    def set_library(self, library: Library) -> None:
        self.library = library
        count = len(library.resources)
        self.count_label.setText(
            counted(
                count, translate("LibraryPanel", "{count} resource"), translate("LibraryPanel", "{count} resources")
            )
        )
        self._fill()

    def _regroup(self) -> None:
        self._fill()
        self.grouping_changed.emit(self.grouping())

    def _fill(self) -> None:

        self.tree.clear()
        if self.library is None:
            return
        for label, resources in groups(self.library, self.grouping()):
            group = QTreeWidgetItem([f"{label}  ({len(resources)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for resource in resources:
                item = QTreeWidgetItem([resource.title])
                item.setData(0, ID_ROLE, resource.id)
                item.setToolTip(0, f"{details_line(resource)}\n{resource.summary}".strip())
                group.addChild(item)
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)

    def _activated(self, item: QTreeWidgetItem) -> None:
        resource_id = item.data(0, ID_ROLE)
        if resource_id:
            self.resource_activated.emit(resource_id)

    def select(self, resource_id: str) -> None:
        """Highlight the open resource without emitting anything."""
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                if child.data(0, ID_ROLE) == resource_id:
                    self.tree.blockSignals(True)
                    self.tree.setCurrentItem(child)
                    self.tree.blockSignals(False)
                    return
