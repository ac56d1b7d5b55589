"""The teacher's own data in the main window: bookmarks (Ctrl+D), a note beside the reader, lessons, packs.

`install(window, locations)` adds the actions, menus and the note panel; the logic is in kit.core
(store, packs, own_material); this module only wires it to widgets and says what happened.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kit.core.i18n import QT_TRANSLATE_NOOP
from kit.core.packs.manifest import OWN_PACK_ID
from kit.core.packs.own_pack import with_replaced
from kit.core.paths import Locations
from kit.core.store.database import LessonItem, Store, StoreError
from kit.ui.background import Background
from kit.ui.features import Window
from kit.ui.i18n import counted, translate
from kit.ui.notices import HIDDEN_NOTICE, STORE_NOTICE
from kit.ui.teacher import pack_actions, pack_jobs
from kit.ui.teacher.lesson_actions import LessonActions
from kit.ui.teacher.lessons_dialog import LessonsDialog
from kit.ui.teacher.own_editor import OwnEditor

NOTE_HINT = QT_TRANSLATE_NOOP("TeacherData", "Your note on this resource (only you see it)")
NOTE_SAVE_DELAY_MS = 700  # save this long after the last keystroke (and always on switching resource)


class NotePanel(QWidget):
    """A plain-text note for the open resource, saved by itself; says "Saved" or why not."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.resource_id: str | None = None
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(NOTE_HINT)
        self.editor.setAccessibleName(translate("TeacherData", "Note on this resource"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self.editor.textChanged.connect(self._changed)
        self._loading = False
        self._dirty = False
        self._unsaved: dict[str, tuple[str, str]] = {}  # edits that could not be saved (disk full): text, why
        if store.read_only:
            self.editor.setReadOnly(True)
            self.status.setText(store.notice or translate("TeacherData", "Read-only"))

    def show_resource(self, resource_id: str | None) -> None:
        self.save()
        self.resource_id = resource_id
        self._loading = True
        unsaved = self._unsaved.get(resource_id or "")
        saved = self.store.note(resource_id) if resource_id else ""
        self.editor.setPlainText(unsaved[0] if unsaved is not None else saved)
        self._loading = False
        self._dirty = unsaved is not None
        if unsaved is not None:
            self.status.setText(unsaved[1])
        self.editor.setEnabled(resource_id is not None)
        # Disabled text looks like a place to type: say why nothing can be written yet.
        self.editor.setPlaceholderText(
            translate("TeacherData", NOTE_HINT)
            if resource_id is not None
            else translate("TeacherData", "Open a resource to write a note on it")
        )
        if not self.store.read_only and not self._dirty:
            self.status.clear()

    def _changed(self) -> None:
        if not self._loading and self.resource_id is not None and not self.store.read_only:
            self._dirty = True
            self.status.setText(translate("TeacherData", "Editing…"))
            self._timer.start()

    def save(self) -> bool:
        """Save now if there is an unsaved edit; on failure the text stays in the editor and the reason shows."""
        self._timer.stop()
        if not self._dirty:
            return True
        try:
            self.store.set_note(self.resource_id, self.editor.toPlainText())
        except StoreError as exc:
            self._unsaved[self.resource_id] = (self.editor.toPlainText(), str(exc))
            self.status.setText(str(exc))
            return False
        self._unsaved.pop(self.resource_id, None)
        self._dirty = False
        self.status.setText(translate("TeacherData", "Saved"))
        return True


class NotesSearch(QDialog):
    """Find resources by the words in my notes (and list every resource with a note when empty)."""

    def __init__(self, store: Store, library, open_resource, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.library, self._open = store, library, open_resource
        self.setWindowTitle(translate("TeacherData", "Search My Notes"))
        self.query = QLineEdit()
        self.query.setPlaceholderText(translate("TeacherData", "Words in my notes"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        self.query.textChanged.connect(self.refresh)
        self.results.itemActivated.connect(self._activated)
        self.resize(460, 360)
        self.refresh("")

    def refresh(self, text: str) -> None:
        ids = self.store.search_notes(text) if text.strip() else list(self.store.notes())
        self.results.clear()
        for resource_id in ids:
            resource = self.library.get(resource_id)
            first_line = self.store.note(resource_id).strip().split("\n")[0][:80]
            item = QListWidgetItem(f"{resource.title if resource else resource_id}\n{first_line}")
            item.setData(Qt.ItemDataRole.UserRole, resource_id)
            item.setFlags(item.flags() if resource else Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        self._open(item.data(Qt.ItemDataRole.UserRole))
        self.accept()


class TeacherData(QObject):
    """Bookmarks, notes, lessons and packs for one main window; files dropped on it are added as material."""

    add_progress = Signal(int, int, str)  # files done, files in all, the next file's name (from the worker)
    importing = property(lambda self: self.job == pack_jobs.IMPORTING, doc="a pack import is running")
    adding = property(lambda self: self.job == pack_jobs.ADDING, doc="material is being added")

    def __init__(self, window: Window, locations: Locations, store: Store, lessons: LessonActions | None = None):
        parent = window.dialog_parent()
        super().__init__(parent)
        self.window, self.locations, self.store, self.lessons = window, locations, store, lessons
        self.background = Background(self)  # pack imports, material being added
        self.job: str | None = None  # the change to the packs running now (kit.ui.teacher.pack_jobs)
        self.last_added: list[str] = []  # ids added by the last Add Material
        self.last_import: str | None = None  # id of the last pack imported (None when refused)
        self.notes = NotePanel(store)
        self.note_panel = window.add_side_panel(
            translate("TeacherData", "My note"), self.notes
        )  # under the contents, beside the page

        self.bookmark_action = QAction(translate("TeacherData", "&Bookmark This Resource"), window)
        self.bookmark_action.setShortcut(QKeySequence("Ctrl+D"))
        self.bookmark_action.setCheckable(True)
        self.bookmark_action.triggered.connect(self.toggle_bookmark)
        self.bookmarks_menu = QMenu(translate("TeacherData", "&Bookmarks"), window)
        self.bookmarks_menu.aboutToShow.connect(self._fill_bookmarks_menu)
        self.search_notes_action = QAction(translate("TeacherData", "&Search My Notes…"), window)
        self.search_notes_action.triggered.connect(self.search_notes)
        self.lessons_action = QAction(translate("TeacherData", "&Lessons…"), window)
        self.lessons_action.setShortcut(QKeySequence("Ctrl+Shift+L"))  # Ctrl+L is the search field
        self.lessons_action.triggered.connect(self.open_lessons)
        self.add_to_lesson_action = QAction(translate("TeacherData", "&Add to Lesson"), window)
        self.add_to_lesson_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.add_to_lesson_action.setStatusTip(
            translate("TeacherData", "Add this resource to the lesson you are planning")
        )
        self.add_to_lesson_action.triggered.connect(self.add_to_lesson)
        self.add_to_lesson_action.setEnabled(not store.read_only)
        self.lessons_dialog: LessonsDialog | None = None  # one, kept open while presenting or printing
        self.planning: int | None = None  # the lesson "Add to Lesson" adds to: the one last shown in the dialog
        self.add_action = QAction(translate("TeacherData", "Add &Material…"), window)
        self.import_action = QAction(translate("TeacherData", "&Import Pack…"), window)
        self.export_action = QAction(translate("TeacherData", "&Export Pack…"), window)
        self.remove_action = QAction(translate("TeacherData", "&Remove Imported Pack…"), window)
        self.copy_action = QAction(translate("TeacherData", "Make an Editable &Copy"), window)
        self.edit_action = QAction(translate("TeacherData", "&Edit My Resource…"), window)
        self.edit_action.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_action.triggered.connect(self.edit_resource)
        self.update_action = QAction(translate("TeacherData", "&Update from Original…"), window)
        self.update_action.setToolTip(
            translate("TeacherData", "Import your Word, PowerPoint or PDF file again after editing it")
        )
        self.update_action.triggered.connect(lambda: pack_actions.update_from_original(self))

        self.add_action.triggered.connect(lambda: pack_actions.add_material(self))
        self.import_action.triggered.connect(lambda: pack_actions.import_pack(self))
        self.export_action.triggered.connect(lambda: pack_actions.export_pack(self))
        self.remove_action.triggered.connect(lambda: pack_actions.remove_pack(self))
        self.copy_action.triggered.connect(lambda: pack_actions.make_copy(self))
        self.bookmark_action.setEnabled(not store.read_only)
        self._build_menus()
        window.resource_opened.connect(lambda resource: self.show_resource(resource.id if resource else None))
        window.closing.connect(self._closing)
        parent.setAcceptDrops(True)  # files dropped anywhere on the window (the reader itself takes no drops)
        parent.installEventFilter(self)
        self.destroyed.connect(store.close)  # also when the window is deleted without closing (this is its child)
        window.library_loaded.connect(self._tell_hidden)
        if store.notice:
            window.show_notice(store.notice, key=STORE_NOTICE)
        self.show_resource(window.current_resource_id())

    def _tell_hidden(self, library) -> None:
        """A lasting notice while anything is hidden by a same-id one (issue 15: nothing takes a place unseen)."""
        self.window.show_notice(hidden_notice(library), key=HIDDEN_NOTICE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Drag and drop of files and folders onto the window: added as My material."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self._dropped_paths(event):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            paths = self._dropped_paths(event)
            if paths:
                event.acceptProposedAction()
                pack_actions.add_material(self, paths)
                return True
        return False

    @staticmethod
    def _dropped_paths(event) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return [path for path in paths if pack_actions.addable(path)]

    def _closing(self) -> None:
        """Save a note being typed, then let go of the database file (a USB stick can then be removed)."""
        self.notes.save()
        if self.lessons_dialog is not None:
            self.lessons_dialog.finish()
        self.store.close()

    def _build_menus(self) -> None:
        for action in (
            self.add_action,
            self.copy_action,
            self.edit_action,
            self.update_action,
            self.import_action,
            self.export_action,
            self.remove_action,
        ):
            self.window.add_action("file", action)
        lessons_menu = QMenu(translate("TeacherData", "&Lessons"), self.window.dialog_parent())
        lessons_menu.addAction(self.lessons_action)
        lessons_menu.addAction(self.add_to_lesson_action)
        self.window.dialog_parent().addAction(self.add_to_lesson_action)  # the shortcut works from any panel
        self.window.add_resource_action(self.add_to_lesson_action)
        self.window.add_menu(self.bookmarks_menu)
        self.window.add_menu(lessons_menu)

    # -- the open resource ---------------------------------------------------------------------------
    def show_resource(self, resource_id: str | None) -> None:
        self.notes.show_resource(resource_id)
        self.bookmark_action.setChecked(bool(resource_id) and self.store.is_bookmarked(resource_id))
        pack_jobs.refresh_actions(self)

    def toggle_bookmark(self) -> None:
        resource_id = self.window.current_resource_id()
        if not resource_id:
            return
        try:
            on = self.store.toggle_bookmark(resource_id)
        except StoreError as exc:
            self.window.show_status(str(exc))
            self.bookmark_action.setChecked(self.store.is_bookmarked(resource_id))
            return
        self.bookmark_action.setChecked(on)
        self.window.show_status(
            translate("TeacherData", "Bookmarked") if on else translate("TeacherData", "Bookmark removed"), 3000
        )

    def _fill_bookmarks_menu(self) -> None:
        menu = self.bookmarks_menu
        menu.clear()
        menu.addActions([self.bookmark_action, self.search_notes_action])
        menu.addSeparator()
        ids = self.store.bookmarks()
        if not ids:
            menu.addAction(translate("TeacherData", "No bookmarks yet (Ctrl+D)")).setEnabled(False)
        self._add_resource_actions(menu, ids)
        noted = list(self.store.notes())
        if noted:
            menu.addSection(translate("TeacherData", "With my notes"))
            self._add_resource_actions(menu, noted)

    def _add_resource_actions(self, menu: QMenu, ids: list[str]) -> None:
        for resource_id in ids:
            resource = self.window.library.get(resource_id)
            title = (
                resource.title
                if resource
                else translate("TeacherData", "{id} (no longer in the kit)").format(id=resource_id)
            )
            action = menu.addAction(title)
            action.setEnabled(resource is not None)
            action.triggered.connect(lambda _=False, rid=resource_id: self.window.open_resource(rid))

    def edit_resource(self) -> None:
        if pack_jobs.refuse_if_busy(self):  # the library is being read again: an edit now would be overwritten
            return

        resource = self.window.library.get(self.window.current_resource_id() or "")
        if resource is None or resource.pack != OWN_PACK_ID:
            return
        editor = OwnEditor(resource, self.window.dialog_parent())
        editor.saved.connect(lambda new: self.window.set_library(with_replaced(self.window.library, new), new.id))
        editor.exec()

    def search_notes(self) -> None:
        self.notes.save()
        NotesSearch(self.store, self.window.library, self.window.open_resource, self.window.dialog_parent()).exec()

    def open_lessons(self) -> LessonsDialog:
        """Show the Lessons dialog (not modal: it stays open beside the window while presenting or printing)."""
        self.notes.save()
        dialog = self.lessons_dialog
        if dialog is None:
            # Present and Print Packet show when the app installed presenting and printing.
            present = self.lessons.present if self.lessons is not None else None
            print_packet = self.lessons.print_packet if self.lessons is not None else None
            dialog = LessonsDialog(self.store, self.window.library, self.window.dialog_parent(), present, print_packet)
            dialog.openResource.connect(self.window.open_resource)
            # Deleted when it closes, not kept hidden under the window until quit: PySide tore a leftover dialog
            # down with the app after Print Packet and crashed ("shared QObject was deleted directly", exit 139).
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(self._lessons_dialog_gone)
            dialog.lesson_list.currentRowChanged.connect(lambda _row: self._planning(dialog.current_id()))
            dialog.lesson_changed.connect(self._planning)
            self.window.library_loaded.connect(dialog.set_library)
            self.lessons_dialog = dialog
            if self.planning is not None:
                dialog.show_lesson_id(self.planning)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _lessons_dialog_gone(self) -> None:
        self.lessons_dialog = None

    def _planning(self, lesson_id: int | None) -> None:
        if lesson_id is not None:
            self.planning = lesson_id

    def add_to_lesson(self) -> None:
        """Ctrl+Shift+A, or right-click in the library or the results: add the resource to the lesson being
        planned (the last one shown in the Lessons dialog; a new lesson when there is none yet)."""
        resource = self.window.library.get(self.window.chosen_resource_id() or "") if self.window.library else None
        if resource is None:
            self.window.show_status(
                translate("TeacherData", "Choose a resource in the library first, then Add to Lesson.")
            )
            return
        try:
            lesson = self.store.lesson(self.planning) if self.planning is not None else None
            lessons = self.store.lessons()
            if lesson is None and lessons:
                lesson = max(lessons, key=lambda one: one.id)  # the newest
            if lesson is None:
                lesson = self.store.lesson(self.store.create_lesson(translate("TeacherData", "New lesson")))
            lesson = replace(lesson, items=(*lesson.items, LessonItem(resource.id, resource.minutes)))
            self.store.update_lesson(lesson)
        except StoreError as exc:
            self.window.show_status(str(exc))
            return
        self.planning = lesson.id
        if self.lessons_dialog is not None:
            self.lessons_dialog.show_lesson_id(lesson.id)
        count = len(lesson.items)
        self.window.show_status(
            translate(
                "TeacherData",
                "Added “{title}” to “{lesson}”: {resources}, {minutes} min (Lessons… to plan it, Ctrl+Shift+L).",
            ).format(
                title=resource.title,
                lesson=lesson.title,
                resources=counted(
                    count, translate("TeacherData", "{count} resource"), translate("TeacherData", "{count} resources")
                ),
                minutes=lesson.total_minutes,
            )
        )


def hidden_notice(library) -> str:
    """One line for the status bar about Library.hidden, or "" when nothing is hidden."""
    count = len(library.hidden)
    if not count:
        return ""
    return counted(
        count,
        translate(
            "TeacherData",
            "{count} resource is hidden by others with the same id — File → Remove Imported Pack… or see `kit list`",
        ),
        translate(
            "TeacherData",
            "{count} resources are hidden by others with the same id — File → Remove Imported Pack… or see `kit list`",
        ),
    )


def install(
    window: Window, locations: Locations, lessons: LessonActions | None = None, read_only: str | None = None
) -> TeacherData:
    """Open the store and add the teacher's data to `window` (run packs.tidy before loading the library).
    `read_only`: why nothing may be written (the data folder's lock could not be taken); it becomes the notice."""
    if read_only is None:
        return TeacherData(window, locations, Store.open(locations.data_dir), lessons)
    store = Store.open_read_only(locations.data_dir)
    store.notice = read_only
    return TeacherData(window, locations, store, lessons)
