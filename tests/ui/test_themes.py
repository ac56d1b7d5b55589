"""Themes reach the reader's page legibly: page colour, text colour and type size follow the theme."""

import pytest
from PySide6.QtGui import QColor

from kit.ui.contrast import AAA_TEXT, contrast
from kit.ui.themes import THEMES, reader_stylesheet
from ui.ui_helpers import open_and_wait


@pytest.mark.parametrize("name", list(THEMES))
def test_theme_text_has_strong_contrast(name):
    theme = THEMES[name]
    assert contrast(theme.text, theme.base) >= AAA_TEXT  # body text; every other pair: test_theme_contrast.py


@pytest.mark.parametrize("name", list(THEMES))
def test_reader_page_is_painted_in_the_theme(qtbot, make_window, name):
    window = make_window()
    open_and_wait(qtbot, window, "exit-ticket")
    window.set_theme(name)
    image = window.reader.viewport().grab().toImage()
    corner = QColor(image.pixel(5, image.height() - 5))
    assert corner.name() == THEMES[name].base
    colours = {QColor(image.pixel(x, y)).name() for x in range(image.width()) for y in range(0, 260, 2)}
    assert THEMES[name].text in colours and THEMES[name].heading in colours
    window.set_theme("light")


def test_projector_type_is_larger_and_zoom_scales_every_size():
    light, projector = reader_stylesheet(THEMES["light"]), reader_stylesheet(THEMES["projector"])
    assert "font-size: 12.0pt" in light and "font-size: 20.0pt" in projector
    assert "font-size: 14.4pt" in reader_stylesheet(THEMES["light"], 2)
