"""Reading comfort in the reader: the bundled legible typeface, line spacing and the width of the text column,
as the teacher chose them in the settings (View → Reading Options…)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

from kit.core.install_files import tell_unusable
from kit.core.paths import bundled_resources_dir
from kit.core.settings import Settings
from kit.ui.reader.view import LINE_LENGTH_EM

LEGIBLE_FONT_DIR = ("fonts", "atkinson-hyperlegible")  # under the bundled resources/ folder
# Column widths in em of the body type: about 60, 75 and 95 characters a line. "normal" is what book typography
# recommends and what the reader always had.
TEXT_WIDTH_EM = {"narrow": 34, "normal": LINE_LENGTH_EM, "wide": 56}

_loaded: dict[str, str | None] = {}


def legible_family() -> str | None:
    """Load the bundled Atkinson Hyperlegible files into the application's font database (once) and return the
    family name Qt gives them; None when the files are missing or unreadable (the standard font stays)."""
    if QGuiApplication.instance() is None:  # Qt's font database needs the application (it crashes without)
        return None
    if "family" not in _loaded:
        _loaded["family"] = None
        resources = bundled_resources_dir()
        folder = resources.joinpath(*LEGIBLE_FONT_DIR) if resources is not None else None
        files = sorted(folder.glob("*.ttf")) if folder is not None and folder.is_dir() else []
        for path in files:
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families:
                _loaded["family"] = families[0]
            else:  # one damaged style (the bold, say): the others still load; Qt synthesises what is missing
                tell_unusable(path, "the reading font's other files are used")
        if _loaded["family"] is None:  # bad-inputs F4: the option falls back to the theme's standard font
            tell_unusable(folder or Path("resources", *LEGIBLE_FONT_DIR), "the reader keeps the standard font")
    return _loaded["family"]


def reading_family(settings: Settings) -> str:
    """The family the reader's text is set in; empty for the theme's standard font."""
    return (legible_family() or "") if settings.reading_font == "legible" else ""


def reading_css(settings: Settings) -> str:
    """Rules added after the theme's style sheet: the typeface and the line spacing. Qt keeps the first `body`
    font-family it reads, so the family is given to each text element too (code keeps its own monospace rule)."""
    family = reading_family(settings)
    rules = [f"p, li, td, blockquote {{ line-height: {settings.line_spacing}%; }}"]
    if family:
        rules.append(f'body, p, li, div, h1, h2, h3, h4, h5, h6, th, td, blockquote {{ font-family: "{family}"; }}')
    return "\n".join(rules) + "\n"


def text_width_em(settings: Settings) -> int:
    return TEXT_WIDTH_EM.get(settings.text_width, TEXT_WIDTH_EM["normal"])
