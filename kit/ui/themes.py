"""Light, dark and projector themes: the widgets' palette and the reader's style sheet."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette

from kit.core.i18n import QT_TRANSLATE_NOOP
from kit.ui.contrast import AAA_TEXT, contrast
from kit.ui.focus_ring import FocusRingStyle

ZOOM_STEP = 0.1  # each zoom step scales the reader's type by 10 %


@dataclass(frozen=True)
class Theme:
    name: str
    label: str
    window: str
    base: str  # the reader's page
    text: str
    muted: str
    accent: str  # links and highlights
    heading: str
    panel: str  # notes, teacher blocks, table headers
    border: str
    warning: str
    highlight: str
    highlight_text: str
    body_pt: float  # the reader's body type size before zoom
    ui_pt: float  # the widgets' type size; 0 keeps the platform's

    @property
    def focus(self) -> str:
        """The keyboard focus ring (kit.ui.focus_ring): the link colour, at least 3:1 against the page."""
        return self.accent

    @property
    def ruler(self) -> str:
        """The reading ruler's band (kit.ui.reader.ruler): the selection colour when the page's text keeps AAA
        contrast on it, else the panel colour (the projector's yellow selection would drown white text)."""
        return ruler_band(self.text, self.highlight, self.panel)


def ruler_band(text: str, highlight: str, panel: str) -> str:
    """The selection colour when text keeps AAA contrast on it, else the panel colour."""
    return highlight if contrast(text, highlight) >= AAA_TEXT else panel


THEMES = {
    "light": Theme(
        "light",
        QT_TRANSLATE_NOOP("Themes", "Light"),
        "#eef0f3",
        "#ffffff",
        "#1f2328",
        "#57606a",
        "#0a58ca",
        "#12263f",
        "#f3f6fa",
        "#d0d7de",
        "#8a4b00",
        "#cfe2ff",
        "#111111",
        12.0,
        0,
    ),
    "dark": Theme(
        "dark",
        QT_TRANSLATE_NOOP("Themes", "Dark"),
        "#1e2127",
        "#15171b",
        "#e6e6e6",
        "#a7adb5",
        "#8ab4f8",
        "#f0f3f6",
        "#23272e",
        "#3b414a",
        "#f0b866",
        "#284066",  # selection and reading ruler: the link colour keeps 4.9:1 on it
        "#ffffff",
        12.0,
        0,
    ),
    # High contrast and large type, for the back row of a classroom.
    "projector": Theme(
        "projector",
        QT_TRANSLATE_NOOP("Themes", "Projector"),
        "#000000",
        "#000000",
        "#ffffff",
        "#e0e0e0",
        "#ffe14d",
        "#ffffff",
        "#1a1a1a",
        "#ffffff",
        "#ffe14d",
        "#ffe14d",
        "#000000",
        20.0,
        13.0,
    ),
}
THEME_NAMES = tuple(THEMES)


def theme_named(name: str) -> Theme:
    return THEMES.get(name, THEMES["light"])


def body_size(theme: Theme, zoom: int) -> float:
    return round(theme.body_pt * max(0.4, 1 + ZOOM_STEP * zoom), 1)


def reader_stylesheet(theme: Theme, zoom: int = 0) -> str:
    """CSS for the reader's document. Qt's rich text takes a subset of CSS 2; sizes are in pt so zoom scales all."""
    size = body_size(theme, zoom)

    def pt(factor: float) -> str:
        return f"{round(size * factor, 1)}pt"

    def px(factor: float) -> str:  # Qt honours heading margins in px more faithfully than in pt
        return f"{round(size * factor * 4 / 3)}px"

    t = theme
    return f"""
body {{ color: {t.text}; background-color: {t.base}; font-family: "Noto Sans", "Segoe UI", "DejaVu Sans", sans-serif;
       font-size: {pt(1)}; }}
p, li {{ line-height: 135%; }}
p {{ margin-top: 0; margin-bottom: {px(0.75)}; }}
h1 {{ color: {t.heading}; font-size: {pt(1.85)}; font-weight: 700; margin-top: 0; margin-bottom: {pt(0.3)}; }}
h2 {{ color: {t.heading}; font-size: {pt(1.4)}; font-weight: 700; margin-top: {px(1.6)}; margin-bottom: {px(0.4)}; }}
h3 {{ color: {t.heading}; font-size: {pt(1.15)}; font-weight: 700; margin-top: {px(1.2)}; margin-bottom: {px(0.3)}; }}
h4, h5, h6 {{ color: {t.heading}; font-size: {pt(1.0)}; font-weight: 700; }}
a {{ color: {t.accent}; text-decoration: underline; }}
a.external {{ color: {t.accent}; }}
code, pre, kbd {{ font-family: "DejaVu Sans Mono", monospace; font-size: {pt(0.9)}; }}
pre {{ background-color: {t.panel}; }}
blockquote {{ color: {t.text}; background-color: {t.panel}; margin-left: {pt(1)}; margin-right: {pt(1)}; }}
table {{ border-color: {t.border}; border-style: solid; border-collapse: collapse; margin-bottom: {pt(0.8)}; }}
th {{ background-color: {t.panel}; color: {t.heading}; font-weight: 700; padding: 6px; text-align: left; }}
td {{ padding: 6px; }}
hr {{ color: {t.border}; }}
.meta {{ color: {t.muted}; font-size: {pt(0.9)}; margin-bottom: {pt(0.2)}; }}
.summary {{ color: {t.text}; font-size: {pt(1.08)}; margin-bottom: {px(1.0)}; }}
.admonition {{ background-color: {t.panel}; margin-top: {pt(0.5)}; margin-bottom: {pt(0.8)}; }}
.admonition-title {{ font-weight: 700; color: {t.heading}; margin-bottom: {pt(0.3)}; }}
.teacher {{ background-color: {t.panel}; }}
.warning {{ color: {t.warning}; }}
.image-missing {{ color: {t.muted}; font-style: italic; }}
.section-title {{ color: {t.heading}; font-size: {pt(1.15)}; font-weight: 700;
                  margin-top: {px(1.6)}; margin-bottom: {px(0.3)}; }}
.sources li, .related li {{ color: {t.muted}; font-size: {pt(0.92)}; }}
.figure-note {{ color: {t.muted}; font-size: {pt(0.85)}; }}
.figures-checked {{ color: {t.muted}; font-size: {pt(0.92)}; font-style: italic; margin-top: {px(1.2)}; }}
.notice {{ color: {t.warning}; font-weight: 700; }}
"""


def apply_theme(app, theme: Theme) -> None:
    """Give the whole application the theme's palette (Fusion, so it looks the same on every platform)."""

    app.setStyle(FocusRingStyle(theme.focus))  # Fusion, with a focus ring a keyboard user can see
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.base,
        QPalette.ColorRole.AlternateBase: theme.panel,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.window,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.ToolTipBase: theme.base,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Highlight: theme.highlight,
        QPalette.ColorRole.HighlightedText: theme.highlight_text,
        QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.LinkVisited: theme.accent,
        QPalette.ColorRole.BrightText: theme.warning,
        QPalette.ColorRole.Mid: theme.border,
        QPalette.ColorRole.Dark: theme.border,
        QPalette.ColorRole.Shadow: theme.border,
        QPalette.ColorRole.Midlight: theme.panel,
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted))
    app.setPalette(palette)
    font = QFont(app.font())
    default_pt = app.property("kit_default_pt")
    if not default_pt:  # remember the platform's size once, so leaving the projector theme restores it
        default_pt = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        app.setProperty("kit_default_pt", default_pt)
    font.setPointSizeF(theme.ui_pt or default_pt)
    app.setFont(font)
