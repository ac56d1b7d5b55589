"""WCAG contrast of every theme (kit/ui/themes.py), the presenter and the projected slides: body text and every
other text colour at AA (4.5:1), the projector theme and the slides at AAA (7:1), the focus ring and the reading
ruler's mark at 3:1 against what they sit on."""

import re

import pytest

from kit.ui.contrast import AA_TEXT, AAA_TEXT, NON_TEXT, contrast
from kit.ui.present import presenter, slide_view
from kit.ui.themes import THEMES

LEVEL = {"light": AA_TEXT, "dark": AA_TEXT, "projector": AAA_TEXT}


def text_pairs(theme):
    """Every (what, foreground, background) the theme puts text on (themes.reader_stylesheet and apply_theme)."""
    t = theme
    for background, where in ((t.base, "page"), (t.window, "window"), (t.panel, "panel")):
        for colour, what in ((t.text, "text"), (t.muted, "muted"), (t.heading, "heading"), (t.accent, "link"),
                             (t.warning, "warning")):  # fmt: skip
            yield f"{what} on {where}", colour, background
    yield "selected text", t.highlight_text, t.highlight
    yield "text on the reading ruler", t.text, t.ruler
    yield "link on the reading ruler", t.accent, t.ruler


def test_contrast_matches_wcag_reference_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey passing AA on white
    with pytest.raises(ValueError):
        contrast("red", "#ffffff")


def test_every_theme_is_checked_at_a_level():
    assert set(LEVEL) == set(THEMES)


@pytest.mark.parametrize("name", list(THEMES))
def test_theme_text_meets_its_level(name):
    failing = [
        f"{what}: {contrast(fg, bg):.2f}:1"
        for what, fg, bg in text_pairs(THEMES[name])
        if contrast(fg, bg) < LEVEL[name]
    ]
    assert not failing, f"{name} below {LEVEL[name]}:1: {failing}"


@pytest.mark.parametrize("name", list(THEMES))
def test_focus_ring_and_ruler_mark_stand_out(name):
    t = THEMES[name]
    for background in (t.base, t.window, t.panel, t.ruler):
        assert contrast(t.focus, background) >= NON_TEXT, background


def _stylesheet_pairs(css: str):
    """(color, background) of each rule in a Qt style sheet that sets both."""
    for rule in re.findall(r"\{([^}]*)\}", css):
        fg = re.search(r"(?<!-)color:\s*(#[0-9a-fA-F]{6})", rule)
        bg = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", rule)
        if fg and bg:
            yield fg.group(1), bg.group(1)


def test_presenter_and_slides_meet_aaa():
    pairs = list(_stylesheet_pairs(presenter.WINDOW_STYLE))
    assert len(pairs) >= 4  # the parser found the presenter's rules
    label_background = re.search(r"QWidget#presenter \{ background: (#\w{6})", presenter.WINDOW_STYLE).group(1)
    pairs += [("#f0f0f0", label_background), ("#ffd54f", label_background)]  # labels and headings on the window
    notes = re.findall(r"color: (#\w{6})", presenter.NOTES_STYLE)  # the notes' headings and links, on #101010
    pairs += [(colour, "#101010") for colour in notes]
    slide = slide_view.BACKGROUND.name()
    pairs += [(slide_view.TEXT.name(), slide), (slide_view.HEADING, slide), (slide_view.LINK, slide)]
    pairs += [(slide_view.MUTED.name(), slide)]
    failing = [(fg, bg, round(contrast(fg, bg), 2)) for fg, bg in pairs if contrast(fg, bg) < AAA_TEXT]
    assert not failing
