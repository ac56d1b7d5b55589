"""The user guide is a teacher's manual: a section per task, and every menu item it names exists.

The French guide (guide-utilisation) is held to the same checks: it keeps the app's English menu and button names."""

import re

from PySide6.QtWidgets import QMenu

from kit.ui.help import USER_GUIDE_ID, user_guide

TASKS = ("Prepare a lesson", "Present on two screens", "Print a class set", "Share a pack", "Add your own files")
FRENCH_GUIDE_ID = "guide-utilisation"
MENU_ITEM = re.compile(r"\*\*(File|View|Lessons|Bookmarks) → ([^*]+?)\*\*")


def guide_texts(window) -> dict[str, str]:
    """Guide id → its Markdown, for the English guide F1 opens and its French translation."""
    french = window.library.get(FRENCH_GUIDE_ID)
    assert french is not None and french.language == "fr" and french.translation_of == USER_GUIDE_ID
    english = user_guide(window.library)
    return {english.id: english.path.read_text(encoding="utf-8"), french.id: french.path.read_text(encoding="utf-8")}


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
    # Wait for the page itself: a slow load first shows a "Preparing the page…" notice with the same title.
    qtbot.waitUntil(lambda: "Classroom Kit user guide" in window.reader.toPlainText() and window.contents.count() > 0)
    headings = [window.contents.item(i).text().strip() for i in range(window.contents.count())]
    for task in TASKS:
        assert task in headings
    items = menu_items(window)
    texts = guide_texts(window)
    for guide, text in texts.items():
        named = MENU_ITEM.findall(text)
        assert len(named) >= 8, guide
        for menu, item in named:
            assert item.replace("...", "…") in items[menu], f"{guide}: {menu} → {item} is not in the {menu} menu"
    # Same facts in both languages: the translation names the same menu items, and has as many sections.
    english, french = texts.values()
    assert set(MENU_ITEM.findall(french)) == set(MENU_ITEM.findall(english))
    assert french.count("\n## ") == english.count("\n## ")


def test_the_guide_names_the_lessons_window_buttons(qtbot, window, features):
    dialog = features.teacher.open_lessons()
    buttons = {b.text().replace("&", "") for b in dialog.findChildren(type(dialog.new_button))}
    for guide, text in guide_texts(window).items():
        for name in ("New", "Add to Lesson", "Move Up", "Move Down", "Present", "Print Packet"):
            assert f"**{name}**" in text and name in buttons, (guide, name)
    dialog.close()
