"""Help: the welcome page, the user guide (a resource in the bundled help pack) and the About box with licences."""

from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kit import __version__
from kit.core.content.loader import load_library
from kit.core.i18n import QT_TRANSLATE_NOOP, current_language
from kit.core.paths import bundled_resources_dir
from kit.ui.i18n import translate

if TYPE_CHECKING:
    from kit.core.content.loader import Library
    from kit.core.model import Resource

USER_GUIDE_ID = "user-guide"
LICENCES = (
    ("Classroom Kit", "GPL-3.0-or-later"),
    (
        QT_TRANSLATE_NOOP("Help", "Bundled teaching kit"),
        QT_TRANSLATE_NOOP("Help", "CC BY 4.0 (see each resource's sources)"),
    ),
    ("Qt and PySide6", "LGPL-3.0"),
    (QT_TRANSLATE_NOOP("Help", "tantivy (search)"), "MIT"),
    ("Python-Markdown", "BSD-3-Clause"),
    (QT_TRANSLATE_NOOP("Help", "nh3 / ammonia (HTML cleaning)"), QT_TRANSLATE_NOOP("Help", "MIT or Apache-2.0")),
    ("PyYAML, platformdirs", "MIT"),
    (QT_TRANSLATE_NOOP("Help", "cheroot (classroom share)"), "BSD-3-Clause"),
    (QT_TRANSLATE_NOOP("Help", "segno (QR codes), ifaddr"), "BSD-3-Clause, MIT"),
    (QT_TRANSLATE_NOOP("Help", "pyspellchecker (word lists)"), "MIT"),
    (QT_TRANSLATE_NOOP("Help", "mammoth, markdownify, Beautiful Soup (Word documents)"), "BSD-2-Clause, MIT"),
    (QT_TRANSLATE_NOOP("Help", "python-pptx, lxml, Pillow (PowerPoint, pictures)"), "MIT, BSD-3-Clause, MIT-CMU"),
    (QT_TRANSLATE_NOOP("Help", "odfdo (OpenDocument)"), "Apache-2.0"),
    (QT_TRANSLATE_NOOP("Help", "pypdfium2 and PDFium (PDF)"), "Apache-2.0 or BSD-3-Clause"),
)


@functools.cache
def bundled_user_guide() -> Resource | None:
    """The guide from the bundled help pack, for runs whose library does not include it (`--resources`)."""

    root = bundled_resources_dir()
    if root is None or not (root / "help").is_dir():
        return None
    return load_library([root / "help"]).get(USER_GUIDE_ID)


def user_guide(library, language: str = "en") -> Resource | None:
    """The user guide, in `language` when the library has it translated (the French guide in a French session)."""
    found = library.get(USER_GUIDE_ID) if library is not None else None
    if library is not None and language != "en":
        translated = [r for r in library.resources if r.translation_of == USER_GUIDE_ID and r.language == language]
        found = translated[0] if translated else found
    return found or bundled_user_guide()


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{html.escape(translate('Help', a))}</td><td>&nbsp;&nbsp;{html.escape(translate('Help', b))}</td></tr>"
        for a, b in LICENCES
    )
    name = translate("Help", "Classroom Kit")
    intro = translate(
        "Help",
        "An offline teaching kit: search, read, present and print classroom resources without internet. "
        "The app never connects to the network.",
    )
    licences = translate("Help", "Licences")
    return (
        f"<h3>{html.escape(name)} {html.escape(__version__)}</h3><p>{html.escape(intro)}</p>"
        f"<p><b>{html.escape(licences)}</b></p><table>{rows}</table>"
    )


def show_about(parent):
    """A non-blocking About box (tests and screenshots can drive it; `open()` never blocks the caller)."""

    box = QMessageBox(parent)
    box.setWindowTitle(translate("Help", "About Classroom Kit"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html())
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setObjectName("aboutBox")
    box.open()
    return box


def start_here_resources(library: Library, language: str, count: int = 3) -> list[Resource]:
    """The teacher notes a teacher might read first, in `language` where the kit has them translated (a French
    session is offered the French disclosure guide, not its English original); never the user guide, F1's page."""
    guides = {USER_GUIDE_ID} | {r.id for r in library.resources if r.translation_of == USER_GUIDE_ID}
    notes = [r for r in library.resources if r.kind == "teacher" and r.id not in guides]
    translated = {r.translation_of: r for r in notes if r.translation_of and r.language == language}
    chosen = [translated.get(r.id, r) for r in notes if not r.translation_of]
    chosen += [r for r in notes if r.translation_of and r.translation_of not in {c.id for c in notes}]
    # The interface's language first; the order within each language stays the library's.
    return sorted(chosen, key=lambda r: r.language != language)[:count]


def welcome_html(library: Library | None) -> str:
    """The page shown when no resource is open: what the kit holds and where a teacher might start."""
    if library is None:
        name, opening = translate("Help", "Classroom Kit"), translate("Help", "Opening the kit…")
        return f"<h1>{html.escape(name)}</h1><p class='meta'>{html.escape(opening)}</p>"
    language = current_language()
    packs = "".join(
        f"<h2>{html.escape(p.title_in(language))}</h2><p>{html.escape(p.description_in(language))}</p>"
        for p in library.packs
    )
    starts = start_here_resources(library, language)
    links = "".join(f'<li><a href="kit:{r.id}">{html.escape(r.title)}</a></li>' for r in starts)
    start_here = html.escape(translate("Help", "Start here"))
    start = f"<p class='section-title'>{start_here}</p><ul>{links}</ul>" if links else ""
    welcome = translate("Help", "Welcome to Classroom Kit")
    summary = translate(
        "Help",
        "{count} resources to read, present and print — no internet needed. Pick one on the left, or search "
        "with Ctrl+K.",
    ).format(count=len(library.resources))
    guide = translate("Help", "Press F1 for the user guide.")
    return (
        f"<h1>{html.escape(welcome)}</h1><p class='summary'>{html.escape(summary)}</p>"
        f"{start}{packs}<p class='meta'>{html.escape(guide)}</p>"
    )
