"""A lesson's resources in order: drag a row to move it, edit its minutes in place (double-click or F2)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
)

from kit.core.content.loader import Library
from kit.core.i18n import QT_TRANSLATE_NOOP
from kit.core.store.database import LessonItem
from kit.ui.i18n import kind_name, translate

ID_ROLE = Qt.ItemDataRole.UserRole
TITLE, KIND, MINUTES = 0, 1, 2
MAX_MINUTES = 600
MISSING = QT_TRANSLATE_NOOP(
    "Lessons", "(missing pack: {id})"
)  # bad-inputs.md U8: a lesson keeps items whose pack was removed


class MinutesDelegate(QStyledItemDelegate):
    """Minutes show as "10 min" and are edited with a spin box; the other columns are not editable."""

    def createEditor(self, parent, option, index):
        if index.column() != MINUTES:
            return None
        editor = QSpinBox(parent)
        editor.setRange(0, MAX_MINUTES)
        editor.setSuffix(" min")
        editor.setAccessibleName(translate("Lessons", "Minutes"))
        return editor

    def setEditorData(self, editor, index):
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor, model, index):
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def displayText(self, value, locale):
        if isinstance(value, int):
            return f"{value} min" if value else "–"
        return super().displayText(value, locale)


class LessonItemsView(QTreeWidget):
    """The rows of one lesson; `changed` fires after a drag or a minutes edit (the dialog saves then)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(translate("Lessons", "Resources in this lesson"))
        self.setColumnCount(3)
        self.setHeaderLabels(
            [translate("Lessons", "Resource"), translate("Lessons", "Kind"), translate("Lessons", "Minutes")]
        )
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setItemDelegate(MinutesDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MINUTES, QHeaderView.ResizeMode.ResizeToContents)
        self._filling = False
        self.itemChanged.connect(lambda _item, column: self._edited(column))

    def fill(self, items: tuple[LessonItem, ...], library: Library, select: int | None = None) -> None:
        self._filling = True
        self.clear()
        for item in items:
            resource = library.get(item.resource_id)
            title = resource.title if resource else translate("Lessons", MISSING).format(id=item.resource_id)
            row = QTreeWidgetItem([title, kind_name(resource) if resource else "", ""])
            row.setData(TITLE, ID_ROLE, item.resource_id)
            row.setData(MINUTES, Qt.ItemDataRole.EditRole, item.minutes or 0)
            row.setTextAlignment(MINUTES, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            # Draggable between rows, never onto one (a lesson is a flat list).
            row.setFlags(
                Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsEditable
            )
            self.addTopLevelItem(row)
        if select is not None and 0 <= select < self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(select))
        self._filling = False

    def lesson_items(self) -> tuple[LessonItem, ...]:
        rows = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return tuple(
            LessonItem(row.data(TITLE, ID_ROLE), int(row.data(MINUTES, Qt.ItemDataRole.EditRole) or 0) or None)
            for row in rows
        )

    def set_minutes(self, row: int, minutes: int) -> None:
        """What the spin box does when the teacher types minutes into a row."""
        self.topLevelItem(row).setData(MINUTES, Qt.ItemDataRole.EditRole, minutes)

    def current_row(self) -> int:
        item = self.currentItem()
        return self.indexOfTopLevelItem(item) if item is not None else -1

    def select_row(self, row: int) -> None:
        self.setCurrentItem(self.topLevelItem(row))

    def _edited(self, column: int) -> None:
        if not self._filling and column == MINUTES:
            self.changed.emit()

    def dropEvent(self, event) -> None:
        """Move the dragged row to where it was dropped (above or below the row under the pointer). Done here,
        not by Qt's item copy-and-delete, so a row can never land inside another or be lost on the way."""
        row = self.current_row()
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the drag's source must not delete anything after
        event.accept()
        if row < 0:
            return
        point = event.position().toPoint()
        under = self.itemAt(point)
        if under is None:
            target = self.topLevelItemCount()
        else:
            target = self.indexOfTopLevelItem(under) + (point.y() > self.visualItemRect(under).center().y())
        if target > row:
            target -= 1  # the row leaves its old place first
        if target != row:
            item = self.takeTopLevelItem(row)
            self.insertTopLevelItem(target, item)
            self.setCurrentItem(item)
            self.changed.emit()
