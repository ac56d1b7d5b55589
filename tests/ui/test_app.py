"""Starting the app: the window frame first, the widgets after its first paint, then the library; Qt never sees
the user's arguments."""

import subprocess
import sys

import pytest

from kit.core.paths import resolve_locations
from kit.ui.app import after_first_paint, build_window, load_library_in_background
from kit.ui.main_window import OPENING_TITLE, TITLE
from kit.ui.reader.history import History
from ui.ui_helpers import REPO


def test_deferred_window_shows_first_then_builds_and_loads(qtbot):
    locations = resolve_locations()
    window = build_window(locations, deferred=True)
    qtbot.addWidget(window)
    assert window.windowTitle() == OPENING_TITLE and not window.built
    window.show()

    def finish():
        window.build()
        return load_library_in_background(window, locations)

    after_first_paint(window, finish)
    qtbot.waitUntil(lambda: window.library is not None, timeout=10_000)
    assert window.built and window.windowTitle() == TITLE
    assert window.library_panel.tree.topLevelItemCount() > 0


@pytest.mark.parametrize("argument", ["-platform", "-reverse", "-stylesheet"])
def test_qt_options_on_the_command_line_are_refused_not_obeyed(argument, tmp_path):
    """C1/C2: `-platform nonexistent` would abort inside QApplication; argparse refuses it first."""
    result = subprocess.run(
        [sys.executable, "-m", "kit", argument, "x"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "KIT_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("kit: error: ") and "Traceback" not in result.stderr


def test_history_records_steps_and_drops():
    history = History()
    for resource_id in ("a", "b", "c"):
        history.record(resource_id)
    history.record("c")  # the same page twice is one entry
    assert history.step(-1) == "b" and history.step(-1) == "a" and history.step(-1) is None
    assert history.can_go_forward and not history.can_go_back
    history.record("d")  # a new page drops the forward list
    assert not history.can_go_forward and history.step(-1) == "a"
    history.step(1)
    history.drop_current()
    assert history.current() == "a"


def test_the_window_makes_workers_hand_the_interpreter_lock_back_quickly(qtbot, tmp_path, monkeypatch):
    """Issue 15: with Python's 5 ms switch interval, every step of a repaint waited up to 5 ms for a worker
    preparing the index or a page; the window asks for 1 ms, and never lengthens a shorter interval."""
    from kit.ui.app import GUI_SWITCH_INTERVAL_S

    monkeypatch.setattr(sys, "setswitchinterval", lambda value: asked.append(value))
    monkeypatch.setattr(sys, "getswitchinterval", lambda: 0.005)
    asked = []
    locations = resolve_locations([REPO / "resources"], tmp_path / "data", environ={})
    window = build_window(locations, deferred=True)
    qtbot.addWidget(window)
    assert asked == [GUI_SWITCH_INTERVAL_S] and GUI_SWITCH_INTERVAL_S <= 0.001
    monkeypatch.setattr(sys, "getswitchinterval", lambda: 0.0002)
    qtbot.addWidget(build_window(locations, deferred=True))
    assert asked[-1] == 0.0002
