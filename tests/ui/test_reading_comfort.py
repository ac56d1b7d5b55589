"""Reading comfort: the bundled legible font (with its licence), line spacing, text width and the reading ruler
that follows the keyboard and the mouse without dimming the text under it."""

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QFontDatabase, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from kit.core.paths import bundled_resources_dir
from kit.ui.reader.reading_style import LEGIBLE_FONT_DIR, TEXT_WIDTH_EM, legible_family
from kit.ui.reader.view import INTERACTION
from kit.ui.themes import THEMES
from ui.ui_helpers import open_and_wait

PAGE = "what-is-human-trafficking"


def _paragraph_format(window):
    """The character and block format of the page's first paragraph after its title."""
    document = window.reader.document()
    block = document.begin()
    while block.isValid() and len(block.text()) < 60:  # past the title and the short meta line
        block = block.next()
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.Right)
    return cursor.charFormat(), block.blockFormat()


def test_the_legible_font_is_bundled_with_its_licence_and_loaded_from_the_kit(qapp):
    folder = bundled_resources_dir().joinpath(*LEGIBLE_FONT_DIR)
    assert len(list(folder.glob("*.ttf"))) == 4  # regular, italic, bold, bold italic
    licence = (folder / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Braille Institute" in licence
    family = legible_family()
    assert family == "Atkinson Hyperlegible"
    assert family in QFontDatabase.families()  # loaded into the app's database: never looked up on the system


def test_reading_font_and_line_spacing_reach_the_page(qtbot, window):
    open_and_wait(qtbot, window, PAGE)
    characters, block = _paragraph_format(window)
    assert "Atkinson Hyperlegible" not in characters.fontFamilies()
    window.set_reading(reading_font="legible", line_spacing=175)
    characters, block = _paragraph_format(window)
    assert characters.fontFamilies()[0] == "Atkinson Hyperlegible"
    assert block.lineHeight() == 175 and window.settings.line_spacing == 175
    window.set_reading(reading_font="standard", line_spacing=135)
    characters, block = _paragraph_format(window)
    assert "Atkinson Hyperlegible" not in characters.fontFamilies() and block.lineHeight() == 135


def test_text_width_narrows_and_widens_the_column(qtbot, window):
    open_and_wait(qtbot, window, PAGE)
    window.resize(1600, 900)
    window.set_focus_layout(True)  # the page alone, so even the wide column fits

    def column() -> float:
        margin = window.reader.document().rootFrame().frameFormat().leftMargin()
        return window.reader.viewport().width() - 2 * margin

    widths = {}
    for name in ("narrow", "normal", "wide"):
        window.set_reading(text_width=name)
        widths[name] = column()
    assert widths["narrow"] < widths["normal"] < widths["wide"]
    assert widths["narrow"] / widths["normal"] == pytest.approx(TEXT_WIDTH_EM["narrow"] / TEXT_WIDTH_EM["normal"], 0.05)


@pytest.fixture
def ruler(qtbot, window, features):
    open_and_wait(qtbot, window, PAGE)
    window.activateWindow()
    qtbot.keyClick(window.reader, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.settings.reading_ruler and features.reading.ruler.on
    return features.reading.ruler


def test_ruler_follows_the_keyboard_line_by_line(qtbot, window, ruler):
    first = ruler.band_rect()
    assert not first.isEmpty() and ruler.line_text()
    lines = [ruler.line_text()]
    for _ in range(3):
        qtbot.keyClick(window.reader, Qt.Key.Key_Down)
        lines.append(ruler.line_text())
    assert ruler.band_rect().top() > first.top()
    assert len(set(lines)) == 4  # four different lines, one after the other
    caret, band = window.reader.cursorRect(), ruler.band_rect()
    assert band.top() <= caret.center().y() <= band.bottom()  # the caret is on the band


def test_ruler_follows_the_mouse(qtbot, window, ruler):
    viewport = window.reader.viewport()
    target = QPointF(200, viewport.height() * 0.6)
    move = QMouseEvent(QEvent.Type.MouseMove, target, target, Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip

    def followed() -> bool:
        QApplication.sendEvent(viewport, move)  # straight to the viewport, as the platform sends it
        band = ruler.band_rect()
        return band.top() <= target.y() <= band.bottom()

    # Asked again while waiting: on a loaded machine the page can still be laid out again (the index build's
    # reload) between the move and the check, which moves every line; a ruler that ignores the mouse never passes.
    qtbot.waitUntil(followed, timeout=5_000)


@pytest.mark.parametrize("theme", list(THEMES))
def test_ruler_band_shows_without_dimming_the_text(qtbot, window, ruler, theme):
    window.set_theme(theme)
    for _ in range(2):
        qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    band = ruler.band_rect().toRect()
    image = window.reader.viewport().grab().toImage()
    rows = range(band.top() + 1, band.bottom())
    colours = {QColor(image.pixel(x, y)).name() for y in rows for x in range(20, image.width() - 20, 2)}
    t = THEMES[theme]
    assert t.ruler in colours  # the band
    assert t.text in colours  # the text on it keeps its own colour (a darken / lighten blend)
    mark = QColor(image.pixel(1, band.center().y())).name()
    assert mark == t.focus


def test_ruler_off_leaves_the_page_as_it_was(qtbot, window, ruler, features):
    features.reading.set_ruler(False)
    assert not ruler.on and not window.settings.reading_ruler
    assert window.reader.textInteractionFlags() == INTERACTION  # no caret left behind: the arrows scroll again


def test_reading_options_dialog_changes_the_page_at_once(qtbot, window, features):
    open_and_wait(qtbot, window, PAGE)
    dialog = features.reading.open_dialog()
    dialog.font.setCurrentIndex(dialog.font.findData("legible"))
    dialog.spacing.setCurrentIndex(dialog.spacing.findData(200))
    characters, block = _paragraph_format(window)
    assert characters.fontFamilies()[0] == "Atkinson Hyperlegible" and block.lineHeight() == 200
    assert window.settings.reading_font == "legible"
    dialog.close()


def test_ruler_starts_on_the_first_line_in_view(qtbot, window, features):
    open_and_wait(qtbot, window, "fr-quest-ce-que-la-traite")  # a table further down fooled Qt's hit test
    features.reading.set_ruler(True)
    assert window.reader.verticalScrollBar().value() == 0
    first_line = features.reading.ruler.line_text().strip()
    assert first_line and window.current_resource().title.startswith(first_line)  # the title's first line
    features.reading.set_ruler(False)
