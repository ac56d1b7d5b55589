"""The user guide is a teacher's manual: a section per task, and every menu item it names exists.

The French guide (guide-utilisation) is held to the same checks against the French interface, whose menu and
button names it uses (F1 opens it when the app is in French)."""

import json
import re

import pytest
from PySide6.QtWidgets import QApplication, QMenu

from kit.core.settings import settings_path
from kit.ui.app import open_window
from kit.ui.help import USER_GUIDE_ID, user_guide
from kit.ui.i18n import install_translations

TASKS = ("Prepare a lesson", "Present on two screens", "Print a class set", "Share a pack", "Add your own files")
FRENCH_GUIDE_ID = "guide-utilisation"
MENU_ITEM = re.compile(r"\*\*(File|View|Lessons|Bookmarks) → ([^*]+?)\*\*")
FRENCH_MENU_ITEM = re.compile(r"\*\*(Fichier|Affichage|Leçons|Signets) → ([^*]+?)\*\*")


@pytest.fixture
def french_window(qtbot, locations):
    """The app as a teacher who chose Français gets it."""
    locations.config_dir.mkdir(parents=True, exist_ok=True)
    settings_path(locations.config_dir).write_text(json.dumps({"language": "fr"}), encoding="utf-8")
    window, features = open_window(locations)
    qtbot.addWidget(window)
    yield window, features
    features.presenting.end()
    install_translations(QApplication.instance(), "en")


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
    english, french = guide_texts(window).values()
    named = MENU_ITEM.findall(english)
    assert len(named) >= 8
    items = menu_items(window)
    for menu, item in named:
        assert item.replace("...", "…") in items[menu], f"{menu} → {item} is not in the {menu} menu"
    # Same facts in both languages: the translation names as many menu items, and has as many sections.
    # (The French names the theme submenu its sentence needs.)
    extra = {("Affichage", "Thème")}
    assert len(set(FRENCH_MENU_ITEM.findall(french)) - extra) == len(set(named))
    assert french.count("\n## ") == english.count("\n## ")


def test_the_french_guide_names_the_french_menus_and_f1_opens_it(qtbot, french_window):
    window, _features = french_window
    text = window.library.get(FRENCH_GUIDE_ID).path.read_text(encoding="utf-8")
    items = menu_items(window)
    for menu, item in FRENCH_MENU_ITEM.findall(text):
        assert item in items[menu], f"{menu} → {item} is not in the {menu} menu"
    window.actions.user_guide.trigger()
    assert window.current_resource_id() == FRENCH_GUIDE_ID


def _lessons_buttons(features) -> set[str]:
    dialog = features.teacher.open_lessons()
    buttons = {b.text().replace("&", "") for b in dialog.findChildren(type(dialog.new_button))}
    dialog.close()
    return buttons


def test_the_guide_names_the_lessons_window_buttons(qtbot, window, features):
    buttons = _lessons_buttons(features)
    text = user_guide(window.library).path.read_text(encoding="utf-8")
    for name in ("New", "Add to Lesson", "Move Up", "Move Down", "Present", "Print Packet"):
        assert f"**{name}**" in text and name in buttons, name


def test_the_french_guide_names_the_french_lessons_window_buttons(qtbot, french_window):
    window, features = french_window
    buttons = _lessons_buttons(features)
    text = window.library.get(FRENCH_GUIDE_ID).path.read_text(encoding="utf-8")
    for name in ("Nouvelle", "Ajouter à la leçon", "Monter", "Descendre", "Présenter", "Imprimer le cahier"):
        assert f"**{name}**" in text and name in buttons, name
