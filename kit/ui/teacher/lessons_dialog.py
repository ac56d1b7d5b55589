"""The Lessons dialog: plan a lesson as an ordered list of resources with minutes; every change is saved at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.core.content.loader import Library
from kit.core.store.database import Lesson, LessonItem, Store, StoreError

MISSING = "(missing pack: {id})"  # bad-inputs.md U8: a lesson keeps items whose pack was removed


class LessonsDialog(QDialog):
    openResource = Signal(str)

    def __init__(
        self,
        store: Store,
        library: Library,
        parent: QWidget | None = None,
        present: Callable[..., None] | None = None,
        print_packet: Callable[..., None] | None = None,
    ):
        """`present` / `print_packet` receive the lesson's resource ids in order and, as `lesson=`, the lesson
        itself (its title, class, date and minutes; from the presenting and printing features); their buttons
        appear only when given."""
        super().__init__(parent)
        self.store, self.library = store, library
        self.setWindowTitle("Lessons")
        self.resize(860, 520)
        self.lesson_list = QListWidget()
        self.lesson_list.setAccessibleName("Lessons")
        self.new_button = QPushButton("&New")
        self.duplicate_button = QPushButton("D&uplicate")
        self.delete_button = QPushButton("&Delete")
        self.title_edit = QLineEdit()
        self.class_edit = QLineEdit()
        self.has_date = QCheckBox("Date")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(QDate.currentDate())
        self.items = QTableWidget(0, 2)
        self.items.setHorizontalHeaderLabels(["Resource", "Minutes"])
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.items.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.items.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.resource_choice = QComboBox()
        for resource in library.resources:
            self.resource_choice.addItem(resource.title, resource.id)
        self.add_button = QPushButton("&Add")
        self.up_button = QPushButton("Move &Up")
        self.down_button = QPushButton("Move Do&wn")
        self.remove_button = QPushButton("&Remove")
        self.open_button = QPushButton("&Open")
        self.total = QLabel()
        self.status = QLabel()
        self.extra_buttons = []
        for label, handler in (("&Present", present), ("Print &Packet", print_packet)):
            if handler is not None:
                button = QPushButton(label)
                button.clicked.connect(lambda _=False, h=handler: self._hand_over(h))
                self.extra_buttons.append(button)
        self._build_layout()
        self._connect()
        self._loading = False
        self.refresh_list()
        if store.read_only:
            self.status.setText(store.notice or "Read-only")

    def _build_layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.lesson_list, 1)
        row = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            row.addWidget(button)
        left.addLayout(row)
        form = QFormLayout()
        form.addRow("&Title", self.title_edit)
        form.addRow("&Class", self.class_edit)
        dated = QHBoxLayout()
        dated.addWidget(self.has_date)
        dated.addWidget(self.date_edit, 1)
        form.addRow(dated)
        adding = QHBoxLayout()
        add_label = QLabel("Add a resource:")
        add_label.setBuddy(self.resource_choice)
        adding.addWidget(add_label)
        adding.addWidget(self.resource_choice, 1)
        adding.addWidget(self.add_button)
        moving = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button, self.open_button):
            moving.addWidget(button)
        moving.addStretch(1)
        for button in self.extra_buttons:
            moving.addWidget(button)
        moving.addWidget(self.total)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.items, 1)
        right.addLayout(moving)
        right.addLayout(adding)
        self.editor = QWidget()
        self.editor.setLayout(right)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.editor, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(self.status)
        outer.addWidget(buttons)

    def _connect(self) -> None:
        self.lesson_list.currentRowChanged.connect(lambda _row: self.show_lesson())
        self.new_button.clicked.connect(self.new_lesson)
        self.duplicate_button.clicked.connect(self.duplicate_lesson)
        self.delete_button.clicked.connect(self.delete_lesson)
        self.title_edit.editingFinished.connect(self.save)
        self.class_edit.editingFinished.connect(self.save)
        self.has_date.toggled.connect(self._date_toggled)
        self.date_edit.dateChanged.connect(lambda _d: self.save())
        self.add_button.clicked.connect(self.add_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.remove_button.clicked.connect(self.remove_item)
        self.open_button.clicked.connect(self._open_selected)
        self.items.cellDoubleClicked.connect(lambda _r, _c: self._open_selected())

    # -- the lesson list ----------------------------------------------------------------------------
    def refresh_list(self, select: int | None = None) -> None:
        current = select if select is not None else self.current_id()
        self.lesson_list.blockSignals(True)
        self.lesson_list.clear()
        for lesson in self.store.lessons():
            when = f" · {lesson.date.isoformat()}" if lesson.date else ""
            group = f" · {lesson.class_name}" if lesson.class_name else ""
            item = QListWidgetItem(f"{lesson.title}{group}{when}\n{lesson.total_minutes} min")
            item.setData(Qt.ItemDataRole.UserRole, lesson.id)
            self.lesson_list.addItem(item)
            if lesson.id == current:
                self.lesson_list.setCurrentItem(item)
        if self.lesson_list.currentRow() < 0 and self.lesson_list.count():
            self.lesson_list.setCurrentRow(0)
        self.lesson_list.blockSignals(False)
        self.show_lesson()

    def current_id(self) -> int | None:
        item = self.lesson_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def current_lesson(self) -> Lesson | None:
        lesson_id = self.current_id()
        return self.store.lesson(lesson_id) if lesson_id is not None else None

    def show_lesson(self) -> None:
        lesson = self.current_lesson()
        self._loading = True
        self.editor.setEnabled(lesson is not None and not self.store.read_only)
        self.duplicate_button.setEnabled(lesson is not None and not self.store.read_only)
        self.delete_button.setEnabled(lesson is not None and not self.store.read_only)
        self.new_button.setEnabled(not self.store.read_only)
        self.title_edit.setText(lesson.title if lesson else "")
        self.class_edit.setText(lesson.class_name if lesson else "")
        self.has_date.setChecked(bool(lesson and lesson.date))
        self.date_edit.setEnabled(bool(lesson and lesson.date))
        if lesson and lesson.date:
            self.date_edit.setDate(QDate(lesson.date.year, lesson.date.month, lesson.date.day))
        self._show_items(lesson.items if lesson else ())
        self._loading = False

    def _show_items(self, items: tuple[LessonItem, ...], select: int | None = None) -> None:
        self.items.setRowCount(0)
        for row, item in enumerate(items):
            self.items.insertRow(row)
            resource = self.library.get(item.resource_id)
            cell = QTableWidgetItem(resource.title if resource else MISSING.format(id=item.resource_id))
            cell.setData(Qt.ItemDataRole.UserRole, item.resource_id)
            self.items.setItem(row, 0, cell)
            minutes = QSpinBox()
            minutes.setRange(0, 600)
            minutes.setSuffix(" min")
            minutes.setValue(item.minutes or 0)
            minutes.setAccessibleName(f"Minutes for item {row + 1}")
            minutes.valueChanged.connect(lambda _v: self.save())
            self.items.setCellWidget(row, 1, minutes)
        if select is not None and 0 <= select < len(items):
            self.items.selectRow(select)
        self.total.setText(f"Total: {sum(i.minutes or 0 for i in items)} min")

    def edited_items(self) -> tuple[LessonItem, ...]:
        return tuple(
            LessonItem(
                self.items.item(row, 0).data(Qt.ItemDataRole.UserRole),
                self.items.cellWidget(row, 1).value() or None,
            )
            for row in range(self.items.rowCount())
        )

    # -- changes (each saved at once) ---------------------------------------------------------------
    def _run(self, change) -> bool:
        try:
            change()
        except StoreError as exc:
            self.status.setText(str(exc))
            return False
        self.status.setText("Saved")
        return True

    def new_lesson(self) -> None:
        created: list[int] = []
        if self._run(lambda: created.append(self.store.create_lesson("New lesson"))):
            self.refresh_list(created[0])
            self.title_edit.setFocus()
            self.title_edit.selectAll()

    def duplicate_lesson(self) -> None:
        lesson_id = self.current_id()
        created: list[int] = []
        if lesson_id is not None and self._run(lambda: created.append(self.store.duplicate_lesson(lesson_id))):
            self.refresh_list(created[0])

    def delete_lesson(self) -> None:
        lesson_id = self.current_id()
        if lesson_id is not None and self._run(lambda: self.store.delete_lesson(lesson_id)):
            self.refresh_list()

    def save(self, items: tuple[LessonItem, ...] | None = None, select: int | None = None) -> None:
        lesson = self.current_lesson()
        if self._loading or lesson is None:
            return
        date = self.date_edit.date().toPython() if self.has_date.isChecked() else None
        items = self.edited_items() if items is None else items
        title = self.title_edit.text().strip() or "Untitled lesson"
        updated = Lesson(lesson.id, title, self.class_edit.text().strip(), date, items)
        if self._run(lambda: self.store.update_lesson(updated)):
            row = self.lesson_list.currentRow()
            when = f" · {date.isoformat()}" if isinstance(date, dt.date) else ""
            group = f" · {updated.class_name}" if updated.class_name else ""
            self.lesson_list.item(row).setText(f"{updated.title}{group}{when}\n{updated.total_minutes} min")
            if select is not None or items != self.edited_items():
                self._loading = True
                self._show_items(items, select)
                self._loading = False
            self.total.setText(f"Total: {updated.total_minutes} min")

    def _date_toggled(self, on: bool) -> None:
        self.date_edit.setEnabled(on)
        self.save()

    def add_item(self) -> None:
        resource_id = self.resource_choice.currentData()
        if resource_id is None:
            return
        resource = self.library.get(resource_id)
        items = (*self.edited_items(), LessonItem(resource_id, resource.minutes if resource else None))
        self.save(items, select=len(items) - 1)

    def move_item(self, step: int) -> None:
        row = self.items.currentRow()
        items = list(self.edited_items())
        target = row + step
        if row < 0 or not 0 <= target < len(items):
            return
        items[row], items[target] = items[target], items[row]
        self.save(tuple(items), select=target)

    def remove_item(self) -> None:
        row = self.items.currentRow()
        items = list(self.edited_items())
        if 0 <= row < len(items):
            del items[row]
            self.save(tuple(items), select=min(row, len(items) - 1))

    def lesson_resource_ids(self) -> list[str]:
        """The current lesson's resources in order, leaving out those no longer in the kit."""
        lesson = self.current_lesson()
        items = lesson.items if lesson else ()
        return [i.resource_id for i in items if self.library.get(i.resource_id) is not None]

    def _hand_over(self, handler: Callable[..., None]) -> None:
        if not self.store.read_only:
            # A title or class still being typed (Alt+P keeps the focus in the field) belongs to the lesson too.
            self.save()
        ids = self.lesson_resource_ids()
        if ids:
            lesson = self.current_lesson()
            self.accept()
            handler(ids, lesson=lesson)

    def _open_selected(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            resource_id = self.items.item(row, 0).data(Qt.ItemDataRole.UserRole)
            if self.library.get(resource_id) is not None:
                self.openResource.emit(resource_id)
