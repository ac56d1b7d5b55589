"""View → Language: the computer's language, English or Français, saved in the settings and used from the next
start (widgets take their words as they are built; kit.ui.i18n installs the translators once). The box that says
so offers to restart now (kit.ui.restart): the same data folder, the open page back, in the new language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from kit.core import i18n
from kit.core.i18n import LANGUAGE_CHOICES, QT_TRANSLATE_NOOP, interface_language
from kit.ui import restart
from kit.ui.i18n import system_language, translate
from kit.ui.messages import TITLE, tell

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
RESTART_NOW = QT_TRANSLATE_NOOP("Language", "&Restart Now")
LATER = QT_TRANSLATE_NOOP("Language", "&Later")


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
    text = i18n.translate_for(language, "Language", RESTART_NOTES[language])
    # A box, not a passing status line: the teacher must know nothing changes until the kit starts again.
    if not restart.can_restart():  # a window `kit present` or a test built: nothing here can start the kit again
        return tell(window.dialog_parent(), "", text)
    return _offer_restart(window, language, text)


def _offer_restart(window, language: str, text: str) -> QMessageBox:
    """The note with Restart Now (the default: Enter) and Later, all in the language chosen."""
    box = QMessageBox(QMessageBox.Icon.Information, translate("MainWindow", TITLE), text)
    box.setParent(window.dialog_parent(), box.windowFlags())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    now = box.addButton(i18n.translate_for(language, "Language", RESTART_NOW), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(i18n.translate_for(language, "Language", LATER), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(now)
    now.clicked.connect(lambda: restart.request(window))
    box.show()
    return box
