"""View → Language → Restart Now (kit.ui.restart): the command that starts the kit again, and when it runs.

No test starts a second kit: the command is checked as built, and its start is handed a recorder."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QMessageBox

from kit.core.settings import load_settings
from kit.ui import restart


@pytest.fixture
def restartable(monkeypatch):
    """This process as run_app makes it: allowed to restart; nothing pending afterwards."""
    monkeypatch.setitem(restart._state, "enabled", True)
    monkeypatch.setitem(restart._state, "command", None)
    return restart


@pytest.mark.parametrize(
    ("argv", "frozen", "expected"),
    [
        ([], False, ["PY", "-m", "kit"]),
        (["--data-dir", "d", "--resources", "r1", "--resources=r2"], False,
         ["PY", "-m", "kit", "--data-dir", "d", "--resources", "r1", "--resources=r2"]),
        # kit-gui from a double-clicked pack: that pack is imported once, not again by the successor.
        (["gui", "/home/t/Downloads/week3.kitpack"], False, ["PY", "-m", "kit"]),
        (["--data-dir=/mnt/usb/kit", "gui"], True, ["PY", "--data-dir=/mnt/usb/kit"]),  # the frozen app is its own program
        (["--data-dir"], False, ["PY", "-m", "kit"]),  # cut short: nothing to keep
    ],
)  # fmt: skip
def test_the_successor_starts_as_this_copy_did(argv, frozen, expected):
    assert restart.restart_command(argv, executable="PY", frozen=frozen) == expected


def test_the_successor_is_started_once_and_only_when_asked(restartable, monkeypatch):
    started = []
    assert restartable.start_successor(lambda *a: started.append(a) or (True, 1)) is False and not started

    class Closing:
        def close(self):
            return True

    monkeypatch.setattr("sys.argv", ["kit", "--data-dir", "d"])
    assert restartable.request(Closing())
    assert restartable.start_successor(lambda *a: started.append(a) or (True, 4321)) is True
    assert started == [(restart.sys.executable, ["-m", "kit", "--data-dir", "d"], os.getcwd())]
    assert restartable.start_successor(lambda *a: started.append(a) or (True, 1)) is False and len(started) == 1


def test_a_window_that_stays_open_leaves_nothing_pending(restartable):
    class Staying:
        def close(self):
            return False

    assert not restartable.request(Staying()) and restartable.pending() is None


def test_windows_not_built_by_run_app_do_not_restart(window, monkeypatch):
    monkeypatch.setitem(restart._state, "enabled", False)
    assert not restart.request(window) and window.isVisible() and restart.pending() is None


def _box(window) -> QMessageBox:
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_the_language_box_offers_restart_now_in_the_language_chosen(qtbot, window, locations, restartable):
    menu = window.findChild(type(window.menu("view")), "languageMenu")
    choices = {action.data(): action for action in menu.actions()}
    choices["fr"].trigger()
    box = _box(window)
    assert box.text() == "La trousse sera en français au prochain démarrage."
    buttons = {button.text(): button for button in box.buttons()}
    assert list(buttons) == ["&Redémarrer maintenant", "Plus &tard"]
    assert box.defaultButton() is buttons["&Redémarrer maintenant"]  # Enter restarts
    buttons["Plus &tard"].click()
    assert restartable.pending() is None and window.isVisible()
    choices["en"].trigger()
    box = _box(window)
    now = next(b for b in box.buttons() if b.text() == "&Restart Now")
    now.click()
    # The window closed as on Quit (the settings saved, the features told); the successor waits for run_app,
    # which starts it after releasing the data folder's lock.
    assert not window.isVisible()
    assert restartable.pending() == restart.restart_command()
    assert load_settings(locations.config_dir)[0].language == "en"
