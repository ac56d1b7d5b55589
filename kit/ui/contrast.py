"""WCAG 2 contrast between two colours (#rrggbb), for the themes and the tests that hold them to AA or AAA."""

from __future__ import annotations

AA_TEXT = 4.5  # WCAG 1.4.3, body text
AAA_TEXT = 7.0  # WCAG 1.4.6: the projector's theme, read from the back of a room
NON_TEXT = 3.0  # WCAG 1.4.11: the focus ring, the ruler's edges


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of '#rrggbb' (WCAG 2's definition, sRGB)."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    r, g, b = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    """From 1 (the same) to 21 (black on white), whichever is lighter."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
