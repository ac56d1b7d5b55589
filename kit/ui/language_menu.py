"""View → Language: the computer's language, English or Français, saved in the settings and used from the next
start (widgets take their words as they are built; kit.ui.i18n installs the translators once)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from kit.core import i18n
from kit.core.i18n import LANGUAGE_CHOICES, QT_TRANSLATE_NOOP, interface_language
from kit.ui.i18n import system_language, translate
from kit.ui.messages import tell

LANGUAGE_NAMES = {
    "system": QT_TRANSLATE_NOOP("Language", "System language"),
    "en": "English",  # each language in its own name, never translated
    "fr": "Français",
}
# What the menu says after a choice, in the language chosen (the teacher may not read this session's one).
RESTART_NOTES = {
    "en": QT_TRANSLATE_NOOP("Language", "The kit will be in English the next time it starts."),
    "fr": QT_TRANSLATE_NOOP("Language", "The kit will be in French the next time it starts."),
}


def install_language_menu(window) -> QMenu:
    """View → Language: the system's, English or Français; saved in the settings, used from the next start."""
    menu = QMenu(translate("Language", "&Language"), window)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    for choice in LANGUAGE_CHOICES:
        label = LANGUAGE_NAMES[choice]
        action = QAction(translate("Language", label) if choice == "system" else label, menu, checkable=True)
        action.setData(choice)
        action.setChecked(window.settings.language == choice)
        action.triggered.connect(lambda _checked=False, c=choice: _choose(window, c))
        group.addAction(action)
        menu.addAction(action)
    window.menu("view").addSeparator()
    window.menu("view").addMenu(menu)
    return menu


def _choose(window, choice: str):
    if choice == window.settings.language:
        return None
    window.update_settings(language=choice)
    language = interface_language(choice, system_language())
    # A box, not a passing status line: the teacher must know nothing changes until the kit starts again.
    return tell(window.dialog_parent(), "", i18n.translate_for(language, "Language", RESTART_NOTES[language]))
