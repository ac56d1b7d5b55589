"""Read aloud and the reading options in a French session: every word French (1,5 with a decimal comma), and
nothing cut off in the bar or the dialog though French runs longer than English."""

import json
import sys

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel

from kit.core.settings import settings_path
from kit.ui.app import open_window
from kit.ui.i18n import install_translations
from ui.test_read_aloud import FakeVoice
from ui.ui_helpers import open_and_wait


@pytest.fixture
def french_window(qtbot, locations):
    locations.config_dir.mkdir(parents=True, exist_ok=True)
    settings_path(locations.config_dir).write_text(json.dumps({"language": "fr"}), encoding="utf-8")
    window, features = open_window(locations)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window, features
    features.presenting.end()
    install_translations(QApplication.instance(), "en")


def clipped(root) -> list[str]:
    """Visible labels, buttons and lists narrower than their text needs (a word-wrapped label: shorter)."""
    found = []
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton) + root.findChildren(QComboBox):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            cut = widget.height() < widget.heightForWidth(widget.width())
        else:
            cut = widget.width() < widget.sizeHint().width()
        if cut:
            found.append(f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}")
    return found


def assert_nothing_cut(qtbot, root) -> None:
    """Give the layouts the event-loop turns they take after a change (a wrapped line's height climbs through
    them one at a time), then nothing may be cut off."""
    try:
        qtbot.waitUntil(lambda: not clipped(root), timeout=2000)
    except AssertionError:
        raise AssertionError(f"cut off: {clipped(root)}") from None


def test_the_read_aloud_bar_speaks_french_and_fits(qtbot, french_window):
    window, features = french_window
    voice = FakeVoice()
    features.read_aloud.reading.engine_factory = lambda parent: (voice, None)
    french_id = next(r.id for r in window.library.resources if r.language == "fr" and r.kind == "article")
    open_and_wait(qtbot, window, french_id)
    assert features.read_aloud.read_or_pause() and voice.language == "fr"
    bar = features.read_aloud.bar
    assert bar.line.text().startswith("Lecture de la phrase 1 sur ")
    bar.pause_button.click()
    assert bar.pause_button.text() == "Reprendre" and bar.line.text().startswith("En pause à la phrase 1 sur ")
    assert_nothing_cut(qtbot, bar)
    features.read_aloud.reading.stop()
    assert bar.line.text() == "Lecture arrêtée."


def test_the_no_voice_line_is_french_and_fits(qtbot, french_window, monkeypatch):
    window, features = french_window
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # the Addons wheel is not installed
    open_and_wait(qtbot, window, next(r.id for r in window.library.resources if r.language == "fr"))
    assert not features.read_aloud.read_or_pause()
    bar = features.read_aloud.bar
    assert bar.line.text().startswith("La lecture à voix haute a besoin d'une voix\u00a0: sous Linux")
    assert_nothing_cut(qtbot, bar)
    assert window.width() == 1280  # a line that does not wrap widens the window instead


def test_the_reading_options_dialog_is_french_and_nothing_is_cut_off(qtbot, french_window):
    _window, features = french_window
    dialog = features.reading.open_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Options de lecture"
    assert [dialog.spacing.itemText(i) for i in range(dialog.spacing.count())] == [
        "Interligne 1,35",
        "Interligne 1,5",
        "Interligne 1,75",
        "Interligne 2",
    ]
    assert dialog.ruler.text() == "&Règle de lecture\u00a0: la ligne lue sur une bande (Ctrl+Shift+R)"
    assert_nothing_cut(qtbot, dialog)
    dialog.close()
