"""`render_present_screenshots` (for `kit screenshots`): audience and presenter views at the size asked for."""

import pytest
from PySide6.QtGui import QImage

from kit.core.content.loader import load_library
from kit.ui.present.screenshots import parse_size, render_present_screenshots
from testdata import REPO


def test_screenshots_are_written_at_the_size_given_and_show_something(qtbot, tmp_path):
    library = load_library([REPO / "resources"])
    paths = render_present_screenshots(library, tmp_path / "shots", (1024, 768))
    names = sorted(p.name for p in paths)
    assert names == [
        "present-audience-1024x768.png",
        "present-audience-longest-slide-1024x768.png",
        "present-presenter-1024x768.png",
    ]
    for path in paths:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1024, 768)
        colours = {image.pixelColor(x, y).name() for x in range(0, 1024, 8) for y in range(0, 768, 8)}
        assert len(colours) > 8, path.name  # text drawn, not an empty window


@pytest.mark.parametrize(("given", "expected"), [("1920x1080", (1920, 1080)), ((800, 600), (800, 600))])
def test_parse_size(given, expected):
    assert parse_size(given) == expected
