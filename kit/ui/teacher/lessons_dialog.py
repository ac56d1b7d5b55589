"""The Lessons dialog: plan a lesson as an ordered list of resources with minutes; every change is saved at once.

Resources come from a searchable list beside the lesson (type, filter by kind and audience, Enter); rows are
dragged into order; the total updates as you go. The dialog is not modal: it stays open (and where it was) while
the teacher presents or prints the lesson, and "Add to Lesson" in the library adds to the lesson shown here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kit.core.content.loader import Library
from kit.core.dates_numbers import long_date
from kit.core.i18n import current_language
from kit.core.store.database import Lesson, LessonItem, Store, StoreError
from kit.ui.i18n import counted, translate
from kit.ui.teacher.lesson_items import LessonItemsView
from kit.ui.teacher.resource_picker import ResourcePicker


def totals_text(items: tuple[LessonItem, ...]) -> str:
    count = len(items)
    minutes = sum(item.minutes or 0 for item in items)
    return counted(
        count,
        translate("Lessons", "{count} resource · {minutes} min in all"),
        translate("Lessons", "{count} resources · {minutes} min in all"),
        minutes=minutes,
    )


def list_text(lesson: Lesson) -> str:
    when = f" · {long_date(lesson.date, current_language())}" if lesson.date else ""
    group = f" · {lesson.class_name}" if lesson.class_name else ""
    return f"{lesson.title}{group}{when}\n{lesson.total_minutes} min"


class LessonsDialog(QDialog):
    openResource = Signal(str)
    lesson_changed = Signal(int)  # a lesson's id, after each saved change (the window's "Add to Lesson" follows it)

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
        self.setWindowTitle(translate("Lessons", "Lessons"))
        self.resize(1000, 600)  # fits a 1024×768 screen
        self.lesson_list = QListWidget()
        self.lesson_list.setAccessibleName(translate("Lessons", "Lessons"))
        self.lesson_list.setWordWrap(True)  # titles, class and a long date wrap instead of scrolling sideways
        self.lesson_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lesson_list.setMinimumWidth(160)
        self.new_button = QPushButton(translate("Lessons", "&New"))
        self.duplicate_button = QPushButton(translate("Lessons", "D&uplicate"))
        self.delete_button = QPushButton(translate("Lessons", "&Delete"))
        self.title_edit = QLineEdit()
        self.class_edit = QLineEdit()
        self.has_date = QCheckBox(translate("Lessons", "Date"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        # Day, month, year as kit.core.dates_numbers.long_date writes them (month names: the interface's QLocale).
        self.date_edit.setDisplayFormat("d\u00a0MMMM yyyy")
        self.date_edit.setDate(QDate.currentDate())
        self.items = LessonItemsView()
        self.picker = ResourcePicker(library)
        self.no_lesson = QLabel(
            translate("Lessons", "Press New to start a lesson; then add resources from the list on the right.")
        )
        self.no_lesson.setWordWrap(True)
        self.up_button = QPushButton(translate("Lessons", "Move &Up"))
        self.down_button = QPushButton(translate("Lessons", "Move Do&wn"))
        self.remove_button = QPushButton(translate("Lessons", "&Remove"))
        self.open_button = QPushButton(translate("Lessons", "&Open"))
        self.total = QLabel()
        self.status = QLabel()
        self.extra_buttons = []
        for label, handler in (
            (translate("Lessons", "&Present"), present),
            (translate("Lessons", "Print &Packet"), print_packet),
        ):
            if handler is not None:
                button = QPushButton(label)
                button.clicked.connect(lambda _=False, h=handler: self._hand_over(h))
                self.extra_buttons.append(button)
        self._build_layout()
        self._connect()
        # Enter belongs to the field it is pressed in (the picker adds the highlighted resource); it must
        # not also press New or Delete as the dialog's default button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self._loading = False
        self._finished = False
        self.refresh_list()
        if store.read_only:
            self.status.setText(store.notice or translate("Lessons", "Read-only"))

    def _build_layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.lesson_list, 1)
        row = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            row.addWidget(button)
        left.addLayout(row)
        lessons = QWidget()
        lessons.setLayout(left)
        form = QFormLayout()
        form.addRow(translate("Lessons", "&Title"), self.title_edit)
        form.addRow(translate("Lessons", "&Class"), self.class_edit)
        dated = QHBoxLayout()
        dated.addWidget(self.has_date)
        dated.addWidget(self.date_edit, 1)
        form.addRow(dated)
        moving = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button, self.open_button):
            moving.addWidget(button)
        moving.addStretch(1)
        handing = QHBoxLayout()
        handing.addWidget(self.total)
        handing.addStretch(1)
        for button in self.extra_buttons:
            handing.addWidget(button)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(form)
        right.addWidget(self.items, 1)
        right.addLayout(moving)
        right.addLayout(handing)
        self.editor = QWidget()
        self.editor.setLayout(right)
        body = QSplitter()
        body.addWidget(lessons)
        body.addWidget(self.editor)
        body.addWidget(self.picker)
        body.setSizes([200, 420, 380])
        body.setStretchFactor(1, 1)
        body.setStretchFactor(2, 1)
        body.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.no_lesson)
        outer.addWidget(body, 1)
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
        self.picker.chosen.connect(self.add_resources)
        self.items.changed.connect(self.save)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.remove_button.clicked.connect(self.remove_item)
        self.open_button.clicked.connect(self._open_selected)
        self.items.itemDoubleClicked.connect(lambda _item, column: column != 2 and self._open_selected())

    # -- the lesson list ----------------------------------------------------------------------------
    def refresh_list(self, select: int | None = None) -> None:
        current = select if select is not None else self.current_id()
        self.lesson_list.blockSignals(True)
        self.lesson_list.clear()
        for lesson in self.store.lessons():
            item = QListWidgetItem(list_text(lesson))
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

    def finish(self) -> None:
        """The window is closing: keep what is being typed, close, and touch the store no more."""
        if not self._finished and not self.store.read_only:
            self.save()
        self._finished = True
        self.close()

    def current_lesson(self) -> Lesson | None:
        if self._finished:
            return None
        lesson_id = self.current_id()
        return self.store.lesson(lesson_id) if lesson_id is not None else None

    def show_lesson(self) -> None:
        lesson = self.current_lesson()
        self._loading = True
        editable = lesson is not None and not self.store.read_only
        self.editor.setEnabled(editable)  # nothing to type into before a lesson exists
        self.picker.setEnabled(editable)
        self.no_lesson.setVisible(lesson is None and not self.store.read_only)
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
        self.items.fill(items, self.library, select)
        self.total.setText(totals_text(items))

    def edited_items(self) -> tuple[LessonItem, ...]:
        return self.items.lesson_items()

    # -- changes (each saved at once) ---------------------------------------------------------------
    def _run(self, change) -> bool:
        try:
            change()
        except StoreError as exc:
            self.status.setText(str(exc))
            return False
        self.status.setText(translate("Lessons", "Saved"))
        return True

    def new_lesson(self) -> None:
        created: list[int] = []
        if self._run(lambda: created.append(self.store.create_lesson(translate("Lessons", "New lesson")))):
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
        title = self.title_edit.text().strip() or translate("Lessons", "Untitled lesson")
        updated = Lesson(lesson.id, title, self.class_edit.text().strip(), date, items)
        if self._run(lambda: self.store.update_lesson(updated)):
            self.lesson_list.currentItem().setText(list_text(updated))
            if select is not None or items != self.edited_items():
                self._loading = True
                self._show_items(items, select)
                self._loading = False
            self.total.setText(totals_text(items))
            self.lesson_changed.emit(updated.id)

    def _date_toggled(self, on: bool) -> None:
        self.date_edit.setEnabled(on)
        self.save()

    def add_resources(self, resource_ids: list[str]) -> None:
        """Append resources (with their own minutes) to the lesson shown; the last one added is selected."""
        if self.current_lesson() is None or self.store.read_only:
            return
        found = [r for r in (self.library.get(i) for i in resource_ids) if r is not None]
        items = (*self.edited_items(), *(LessonItem(r.id, r.minutes) for r in found))
        self.save(items, select=len(items) - 1)

    def show_lesson_id(self, lesson_id: int) -> None:
        """Show that lesson (after "Add to Lesson" from the library changed it)."""
        self.refresh_list(lesson_id)

    def set_library(self, library: Library) -> None:
        """The library changed on disk or by an import: titles and the picker follow."""
        self.library = library
        self.picker.set_library(library)
        self.refresh_list()

    def move_item(self, step: int) -> None:
        row = self.items.current_row()
        items = list(self.edited_items())
        target = row + step
        if row < 0 or not 0 <= target < len(items):
            return
        items[row], items[target] = items[target], items[row]
        self.save(tuple(items), select=target)

    def remove_item(self) -> None:
        row = self.items.current_row()
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
            handler(ids, lesson=self.current_lesson())  # the dialog stays open, on the same lesson

    def _open_selected(self) -> None:
        row = self.items.current_row()
        if row >= 0:
            resource_id = self.edited_items()[row].resource_id
            if self.library.get(resource_id) is not None:
                self.openResource.emit(resource_id)
