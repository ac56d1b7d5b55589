"""The interface language of the app: Qt's translators for the kit's words and Qt's own dialogs (the menu
that chooses it is kit.ui.language_menu).

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

from kit.core import i18n
from kit.core.i18n import counted, interface_language
from kit.core.install_files import tell_unusable
from kit.core.model import AUDIENCE_LABELS, KIND_LABELS

translate = QCoreApplication.translate
__all__ = [  # counted is core's, offered here beside translate for the interface's modules
    "audience_names",
    "counted",
    "install_translations",
    "installed_catalogues",
    "kind_name",
    "qt_translations_dir",
    "system_language",
    "translate",
]

QT_CATALOGUES = ("qtbase",)  # Qt's own words: the print, page setup and file dialogs, standard buttons
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
        elif path == files[0]:  # the kit's own: its window speaks English (bad-inputs F4), and says which file
            tell_unusable(path, "the window's words stay in English")
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
