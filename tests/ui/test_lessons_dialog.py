"""Lessons in a minute: a searchable picker, Add to Lesson from the library, drag to reorder, locale dates."""

import datetime as dt

from PySide6.QtCore import QDate, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMenu

from kit.core.dates_numbers import long_date
from kit.core.i18n import current_language
from kit.ui.teacher.lesson_actions import lesson_cover
from ui.ui_helpers import open_and_wait


def pick(qtbot, picker, text, kind=None, audience=None):
    """Filter the picker as a teacher does, then press Enter in the field (adds the first match)."""
    picker.kind.setCurrentIndex(picker.kind.findData(kind))
    picker.audience.setCurrentIndex(picker.audience.findData(audience))
    picker.field.clear()
    qtbot.keyClicks(picker.field, text)
    shown = picker.shown_ids()
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)
    return shown


def test_a_five_resource_lesson_built_through_the_searchable_picker(qtbot, window, features):
    library = window.library
    features.teacher.lessons_action.trigger()
    dialog = features.teacher.lessons_dialog
    assert dialog.isVisible() and not dialog.isModal()
    # Nothing to type into before a lesson exists.
    assert not dialog.title_edit.isEnabled() and not dialog.picker.isEnabled() and not dialog.no_lesson.isHidden()
    dialog.new_button.click()
    assert dialog.title_edit.isEnabled() and dialog.picker.isEnabled() and dialog.no_lesson.isHidden()
    picker = dialog.picker
    # The list is sorted by title, with kind and minutes.
    titles = [picker.list.topLevelItem(i).text(0) for i in range(picker.list.topLevelItemCount())]
    assert titles == sorted(titles, key=str.casefold) and len(titles) == len(library.resources)

    shown = pick(qtbot, picker, "myths facts")
    assert shown and all("myths" in library.get(i).title.casefold() for i in shown)
    first = shown[0]
    assert pick(qtbot, picker, "exit", kind="handout") == ["exit-ticket"]
    guides = pick(qtbot, picker, "", kind="guide", audience="grades-11-12")
    assert guides and all(library.get(i).kind == "guide" and "grades-11-12" in library.get(i).audience for i in guides)
    pick(qtbot, picker, "warning signs", kind="handout")
    picker.field.clear()
    picker.kind.setCurrentIndex(0)
    picker.audience.setCurrentIndex(0)
    qtbot.keyClicks(picker.field, "glossary")
    glossary = picker.list.currentItem()  # the first match is highlighted; Add takes the selection
    picker.list.setCurrentItem(glossary)
    picker.add_button.click()

    lesson = features.teacher.store.lesson(dialog.current_id())
    chosen = [first, "exit-ticket", guides[0], "warning-signs-sheet", glossary.data(0, Qt.ItemDataRole.UserRole)]
    assert [item.resource_id for item in lesson.items] == chosen
    minutes = [library.get(i).minutes for i in chosen]
    assert [item.minutes for item in lesson.items] == minutes
    assert dialog.total.text() == f"5 resources · {sum(m or 0 for m in minutes)} min in all"  # as you go
    assert dialog.items.topLevelItem(1).text(1) == "Handout"

    # Drag the last row to the top: it moves, and the new order is saved.
    view = dialog.items
    view.select_row(4)
    top = view.visualItemRect(view.topLevelItem(0)).topLeft() + QPoint(10, 2)
    drop = QDropEvent(
        QPointF(top), Qt.DropAction.MoveAction, QMimeData(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    view.dropEvent(drop)
    saved = [item.resource_id for item in features.teacher.store.lesson(lesson.id).items]
    assert saved == [chosen[4], *chosen[:4]]
    assert drop.dropAction() == Qt.DropAction.IgnoreAction  # so the drag's source deletes nothing afterwards
    dialog.close()


def test_add_to_lesson_from_the_library_and_with_ctrl_shift_a(qtbot, window, features):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    tree = window.library_panel.tree
    group = tree.topLevelItem(0)
    row = group.child(1)
    rect = tree.visualItemRect(row)
    menu = window.resource_menu.show_menu(tree, rect.center())
    assert isinstance(menu, QMenu)
    qtbot.waitUntil(menu.isVisible)
    assert [a.text() for a in menu.actions()] == ["&Add to Lesson"]
    menu.setActiveAction(menu.actions()[0])
    qtbot.keyClick(menu, Qt.Key.Key_Return)  # choose it, as the teacher does
    lessons = features.teacher.store.lessons()
    resource_id = row.data(0, Qt.ItemDataRole.UserRole)
    assert len(lessons) == 1 and [i.resource_id for i in lessons[0].items] == [resource_id]
    assert window.library.get(resource_id).title in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the keyboard is the window's again

    # Ctrl+Shift+A on the page being read adds it to the same lesson.
    open_and_wait(qtbot, window, "warning-signs-sheet")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    lesson = features.teacher.store.lessons()[0]
    assert [i.resource_id for i in lesson.items] == [resource_id, "warning-signs-sheet"]
    # The dialog opens on that lesson.
    dialog = features.teacher.open_lessons()
    assert dialog.current_id() == lesson.id and dialog.items.topLevelItemCount() == 2
    dialog.close()


def test_the_dialog_and_the_cover_write_the_date_alike(qtbot, window, features):
    dialog = features.teacher.open_lessons()
    dialog.new_button.click()
    dialog.has_date.setChecked(True)
    dialog.date_edit.setDate(QDate(2026, 12, 4))
    lesson = features.teacher.store.lesson(dialog.current_id())
    assert lesson.date == dt.date(2026, 12, 4)
    written = long_date(lesson.date, current_language())
    assert written == "4\u00a0December 2026"
    assert dialog.date_edit.text() == written  # the editor and the list write the date as core does
    assert written in dialog.lesson_list.currentItem().text()
    assert lesson_cover(lesson).date == "2026-12-04"  # the cover writes it out in the packet's language
    dialog.close()
    QApplication.processEvents()
