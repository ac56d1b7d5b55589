"""`kit screenshots` writes the main screens as non-blank PNGs of the asked size, and rejects bad sizes."""

import pytest
from PySide6.QtGui import QImage

from kit.cli import main
from kit.commands.context import UserError
from kit.commands.screenshots import PRESENT_SHOTS, SHOTS, parse_size


def test_screenshots_writes_every_screen(qtbot, tmp_path, capsys):
    # The whole app window (library, reader, contents and the note panel) needs about 820 px across, so the
    # smallest size tried is a 1024-wide netbook or projector.
    assert main(["screenshots", str(tmp_path), "--size", "1024x640"]) == 0
    names = [*SHOTS, *(f"{name}-1024x640" for name in PRESENT_SHOTS)]
    for name in names:
        image = QImage(str(tmp_path / f"{name}.png"))
        assert (image.width(), image.height()) == (1024, 640), name
        colours = {image.pixel(x, y) for x in range(0, 1024, 40) for y in range(0, 640, 25)}
        assert len(colours) > 3, f"{name} looks blank"
    assert capsys.readouterr().out.count(".png") == len(names)


@pytest.mark.parametrize("text", ["big", "10x10", "99999x800", "1280"])
def test_screenshots_rejects_bad_sizes(text):
    with pytest.raises(UserError):
        parse_size(text)


def test_screenshots_size_parses():
    assert parse_size("1280x800") == (1280, 800)


def test_screenshots_in_french(qtbot, tmp_path, monkeypatch, capsys):
    """`--language fr`: the French set, the app's words in French while the screens were taken."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from kit.core import i18n
    from kit.ui.i18n import install_translations

    monkeypatch.setenv("KIT_LANGUAGE", "en")  # restored after the test: the command sets it for its process
    try:
        assert main(["screenshots", str(tmp_path), "--size", "1024x640", "--language", "fr"]) == 0
        assert i18n.current_language() == "fr"
        assert QCoreApplication.translate("Menus", "&File") == "&Fichier"
    finally:
        install_translations(QApplication.instance(), "en")
    assert (tmp_path / "print-preview.png").exists()
    assert capsys.readouterr().out.count(".png") == len(SHOTS) + len(PRESENT_SHOTS)
