"""Visible focus: in every theme the control the keyboard is on wears a ring of the theme's focus colour, at least
3:1 against the page (tests/ui/test_theme_contrast.py checks the colours)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from kit.ui.themes import THEMES


def _ring_pixels(widget, colour: str) -> int:
    image = widget.grab().toImage()
    wanted = QColor(colour).rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == wanted)


@pytest.mark.parametrize("theme", list(THEMES))
def test_the_control_reached_with_tab_has_a_ring_in_every_theme(qtbot, window, theme):
    window.set_theme(theme)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    combo = window.search_panel.kind
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert _ring_pixels(combo, THEMES[theme].focus) == 0  # not focused: no ring
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is combo
    perimeter = 2 * (combo.width() + combo.height())
    assert _ring_pixels(combo, THEMES[theme].focus) >= perimeter  # two pixels wide, all round, less the corners
