"""Help: the welcome page, the user guide (a resource in the bundled help pack) and the About box with licences."""

from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kit import __version__
from kit.core.content.loader import load_library
from kit.core.paths import bundled_resources_dir

if TYPE_CHECKING:
    from kit.core.content.loader import Library
    from kit.core.model import Resource

USER_GUIDE_ID = "user-guide"
LICENCES = (
    ("Classroom Kit", "GPL-3.0-or-later"),
    ("Bundled teaching kit", "CC BY 4.0 (see each resource's sources)"),
    ("Qt and PySide6", "LGPL-3.0"),
    ("tantivy (search)", "MIT"),
    ("Python-Markdown", "BSD-3-Clause"),
    ("nh3 / ammonia (HTML cleaning)", "MIT or Apache-2.0"),
    ("PyYAML, platformdirs", "MIT"),
)


@functools.cache
def bundled_user_guide() -> Resource | None:
    """The guide from the bundled help pack, for runs whose library does not include it (`--resources`)."""

    root = bundled_resources_dir()
    if root is None or not (root / "help").is_dir():
        return None
    return load_library([root / "help"]).get(USER_GUIDE_ID)


def user_guide(library) -> Resource | None:
    found = library.get(USER_GUIDE_ID) if library is not None else None
    return found or bundled_user_guide()


def about_html() -> str:
    rows = "".join(f"<tr><td>{html.escape(a)}</td><td>&nbsp;&nbsp;{html.escape(b)}</td></tr>" for a, b in LICENCES)
    return (
        f"<h3>Classroom Kit {html.escape(__version__)}</h3>"
        "<p>An offline teaching kit: search, read, present and print classroom resources without internet. "
        "The app never connects to the network.</p>"
        f"<p><b>Licences</b></p><table>{rows}</table>"
    )


def show_about(parent):
    """A non-blocking About box (tests and screenshots can drive it; `open()` never blocks the caller)."""

    box = QMessageBox(parent)
    box.setWindowTitle("About Classroom Kit")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html())
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setObjectName("aboutBox")
    box.open()
    return box


def welcome_html(library: Library | None) -> str:
    """The page shown when no resource is open: what the kit holds and where a teacher might start."""
    if library is None:
        return "<h1>Classroom Kit</h1><p class='meta'>Opening the kit…</p>"
    packs = "".join(f"<h2>{html.escape(p.title)}</h2><p>{html.escape(p.description)}</p>" for p in library.packs)
    guides = {USER_GUIDE_ID} | {r.id for r in library.resources if r.translation_of == USER_GUIDE_ID}
    starts = [r for r in library.resources if r.kind == "teacher" and r.id not in guides][:3]
    links = "".join(f'<li><a href="kit:{r.id}">{html.escape(r.title)}</a></li>' for r in starts)
    start = f"<p class='section-title'>Start here</p><ul>{links}</ul>" if links else ""
    return (
        "<h1>Welcome to Classroom Kit</h1>"
        f"<p class='summary'>{len(library.resources)} resources to read, present and print — no internet "
        "needed. Pick one on the left, or search with Ctrl+K.</p>"
        f"{start}{packs}<p class='meta'>Press F1 for the user guide.</p>"
    )
