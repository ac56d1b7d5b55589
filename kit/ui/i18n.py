"""The interface language of the app: Qt's translators for the kit's words and Qt's own dialogs, and the
View → Language menu.

Every user-visible string in kit/ui goes through `translate("context", "text")` (QCoreApplication.translate,
the name pyside6-lupdate collects) or, for a constant, `QT_TRANSLATE_NOOP` where it is defined and `translate`
where it is shown. The catalogue is `kit/translations/kit_<lang>.ts`, compiled to `.qm` (see
docs/translations.md). The language is chosen once at start-up: widgets take their words as they are built, so
a new choice applies the next time the kit starts (the menu says so, in the language chosen).
"""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from kit.core import i18n
from kit.core.i18n import LANGUAGE_CHOICES, QT_TRANSLATE_NOOP, counted, interface_language
from kit.core.model import AUDIENCE_LABELS, KIND_LABELS

translate = QCoreApplication.translate
__all__ = ["counted", "translate"]  # what the interface's modules import from here

QT_CATALOGUES = ("qtbase",)  # Qt's own words: the print, page setup and file dialogs, standard buttons
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
_installed: list[QTranslator] = []


def kind_name(resource) -> str:
    """A resource's kind in the interface's language (a list of the teacher's, not the resource's own page)."""
    return translate("Model", KIND_LABELS.get(resource.kind, resource.kind.title()))


def audience_names(resource) -> str:
    return ", ".join(translate("Model", AUDIENCE_LABELS.get(a, a)) for a in resource.audience)


def qt_translations_dir() -> Path:
    """Where Qt's own .qm files are: Qt's configured path, else the PySide6 wheel's (a frozen app sets the first)."""
    configured = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if configured.is_dir():
        return configured
    return Path(PySide6.__file__).resolve().parent / "Qt" / "translations"


def system_language() -> str:
    """KIT_LANGUAGE, else Qt's reading of the system (on Windows and macOS, the user's display language)."""
    return i18n.language_override() or QLocale.system().name().split("_")[0]


def install_translations(app: QCoreApplication, choice: str) -> str:
    """Use the language the setting `choice` names ("system", "en", "fr") for the kit's words, Qt's dialogs and
    core's messages; returns the language used. Called again with another choice (tests), it replaces the last."""
    language = interface_language(choice, system_language())
    QLocale.setDefault(QLocale.system())  # undo an earlier call's choice
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(language)
    _follow_in_dates_and_numbers(language)
    if language == i18n.SOURCE_LANGUAGE:
        app.setApplicationDisplayName("Classroom Kit")
        return language
    files = [i18n.catalogue_path(language, ".qm")]
    files += [qt_translations_dir() / f"{name}_{language}.qm" for name in QT_CATALOGUES]
    for path in files:
        translator = QTranslator(app)
        if translator.load(str(path)):  # a missing Qt catalogue leaves those dialogs in English, nothing worse
            app.installTranslator(translator)
            _installed.append(translator)
    app.setApplicationDisplayName(translate("MainWindow", "Classroom Kit"))  # Qt adds it to some window titles
    return language


def _follow_in_dates_and_numbers(language: str) -> None:
    """A language chosen over the system's also writes dates and numbers its way (a lesson's date, « 12,5 »),
    in the system's country (Canada when it names none: the kit is made for Canadian classrooms)."""
    system = QLocale.system()
    if system.name().split("_")[0] == language:
        return
    territory = QLocale.territoryToCode(system.territory()) or "CA"
    if system.language() == QLocale.Language.C and language == i18n.SOURCE_LANGUAGE:
        return  # English on a server or CI: "C" already writes English
    QLocale.setDefault(QLocale(f"{language}_{territory}"))


def installed_catalogues() -> list[str]:
    """The .qm files in use (for the About box and tests)."""
    return [Path(t.filePath()).name for t in _installed]


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


def _choose(window, choice: str) -> None:
    if choice == window.settings.language:
        return
    window.update_settings(language=choice)
    language = interface_language(choice, system_language())
    window.show_status(i18n.translate_for(language, "Language", RESTART_NOTES[language]), 15_000)
