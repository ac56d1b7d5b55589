"""The kit's interface languages, and the translation catalogue read without Qt.

The catalogue is Qt Linguist's: `kit/translations/kit_<lang>.ts`, written by `pyside6-lupdate` from every
`translate("context", "text")` and `QT_TRANSLATE_NOOP("context", "text")` in the code, and compiled to
`kit_<lang>.qm` for Qt's own translator (kit.ui.i18n). Core and the command line cannot load Qt, so they read the
same `.ts` here: one catalogue, two readers. Printing asks for a resource's language (`translate_for`) so a French
resource prints French labels in an English session.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
SOURCE_LANGUAGE = "en"  # the language the code is written in: it needs no catalogue
INTERFACE_LANGUAGES = ("en", "fr")
LANGUAGE_CHOICES = ("system", *INTERFACE_LANGUAGES)  # the setting's values

_active = [SOURCE_LANGUAGE]  # the interface language of this process, chosen once at start-up


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for the catalogue where it is defined (a constant); it is translated where it is shown."""
    del context
    return text


def catalogue_path(language: str, suffix: str = ".ts") -> Path:
    return TRANSLATIONS_DIR / f"kit_{language}{suffix}"


@cache
def catalogue(language: str) -> dict[tuple[str, str], str]:
    """(context, source text) → finished translation, from the shipped `.ts`; empty for English or no file."""
    if language == SOURCE_LANGUAGE:
        return {}
    try:
        root = ET.parse(catalogue_path(language)).getroot()  # the kit's own file, shipped with it
    except (OSError, ET.ParseError):
        from kit.core.install_files import tell_unusable  # only on this rare path: i18n imports nothing of the kit

        tell_unusable(catalogue_path(language), "the kit's messages stay in English")
        return {}
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text:
                found[(name, message.findtext("source", ""))] = translation.text
    return found


def translate_for(language: str, context: str, text: str) -> str:
    """`text` in `language` (itself where the catalogue has no finished translation)."""
    return catalogue(language).get((context, text), text) if language != SOURCE_LANGUAGE else text


def translate(context: str, text: str) -> str:
    """`text` in the interface language chosen at start-up (`set_language`)."""
    return translate_for(_active[0], context, text)


def set_language(language: str) -> None:
    _active[0] = language if language in INTERFACE_LANGUAGES else SOURCE_LANGUAGE


def current_language() -> str:
    return _active[0]


def is_singular(count: int, language: str | None = None) -> bool:
    """Whether `count` takes the singular: English says "0 results", French « 0 résultat »."""
    language = language or _active[0]
    return count in (0, 1) if language == "fr" else count == 1


def language_override(environ=os.environ) -> str | None:
    """KIT_LANGUAGE=fr or en: the interface's language whatever the system's (screenshots, tests, a shared lab
    computer); the choice in the settings still wins."""
    value = environ.get("KIT_LANGUAGE", "").strip().lower()
    return value if value in INTERFACE_LANGUAGES else None


def counted(count: int, one: str, many: str, **values) -> str:
    """`one` or `many` (translated, each with {count} and any other `values`) as the interface language counts."""
    return (one if is_singular(count) else many).format(count=count, **values)


def system_language(environ=os.environ) -> str:
    """The interface language the system asks for (KIT_LANGUAGE, LANGUAGE, LC_ALL, LC_MESSAGES, LANG, then the
    OS locale)."""
    override = language_override(environ)
    if override:
        return override
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            for tag in value.split(":"):  # LANGUAGE is a priority list: "fr_CA:fr:en"
                code = tag.split("_")[0].split(".")[0].split("-")[0].lower()
                if code in INTERFACE_LANGUAGES:
                    return code
            if name != "LANGUAGE":
                return SOURCE_LANGUAGE  # LANG=de_DE: a language the kit does not speak, so English
    code = (locale.getlocale()[0] or "").split("_")[0].lower()  # Windows and macOS set no variables
    return code if code in INTERFACE_LANGUAGES else SOURCE_LANGUAGE


def interface_language(choice: str, system: str | None = None) -> str:
    """The language to use for the setting `choice` ("system", "en", "fr"); `system` overrides the guess."""
    if choice in INTERFACE_LANGUAGES:
        return choice
    return system if system in INTERFACE_LANGUAGES else system_language()
