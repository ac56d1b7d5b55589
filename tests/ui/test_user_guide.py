"""The user guide is a teacher's manual: a section per task, and every menu item it names exists."""

import re

from PySide6.QtWidgets import QMenu

from kit.ui.help import user_guide

TASKS = ("Prepare a lesson", "Present on two screens", "Print a class set", "Share a pack", "Add your own files")


def menu_items(window) -> dict[str, set[str]]:
    """Menu title → the texts of its items, without the & of their keyboard letters."""
    items: dict[str, set[str]] = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            items[menu.title().replace("&", "")] = {a.text().replace("&", "") for a in menu.actions()}
    return items


def test_the_guide_has_a_section_per_task_and_names_real_menu_items(qtbot, window):
    window.actions.user_guide.trigger()
    qtbot.waitUntil(lambda: "Classroom Kit user guide" in window.reader.toPlainText())
    headings = [window.contents.item(i).text().strip() for i in range(window.contents.count())]
    for task in TASKS:
        assert task in headings
    text = user_guide(window.library).path.read_text(encoding="utf-8")
    named = re.findall(r"\*\*(File|View|Lessons|Bookmarks) → ([^*]+?)\*\*", text)
    assert len(named) >= 8
    items = menu_items(window)
    for menu, item in named:
        assert item.replace("...", "…") in items[menu], f"{menu} → {item} is not in the {menu} menu"


def test_the_guide_names_the_lessons_window_buttons(qtbot, window, features):
    dialog = features.teacher.open_lessons()
    text = user_guide(window.library).path.read_text(encoding="utf-8")
    buttons = {b.text().replace("&", "") for b in dialog.findChildren(type(dialog.new_button))}
    for name in ("New", "Add to Lesson", "Move Up", "Move Down", "Present", "Print Packet"):
        assert f"**{name}**" in text and name in buttons
    dialog.close()
