"""Changes to the packs read the library again off the GUI thread (kit.ui.teacher.pack_jobs): the window keeps
running its timers while the library is read, the actions that change packs are off meanwhile, and a second
change asked for during the first is refused with a status line instead of racing it."""

import threading
import time

import pytest
from PySide6.QtCore import QTimer

from kit.core.content.loader import load_library
from kit.core.packs import importer
from kit.ui.teacher import material_actions, pack_actions, pack_jobs
from packfixtures import kitpack

SLOW_READ_S = 0.6  # how long the patched library read takes; the GUI thread must keep ticking through it


@pytest.fixture
def told(monkeypatch):
    messages = []
    monkeypatch.setattr(pack_actions, "tell", lambda parent, title, text, error=False: messages.append(text))
    monkeypatch.setattr(material_actions, "tell", lambda parent, title, text, error=False: messages.append(text))
    return messages


class SlowRead:
    """The library read takes SLOW_READ_S more; records on which thread it ran and when it slept."""

    def __init__(self):
        self.on_gui_thread = []
        self.window = None  # (start, end) of the last read's sleep, by time.perf_counter

    def __call__(self, roots):
        self.on_gui_thread.append(threading.current_thread() is threading.main_thread())
        start = time.perf_counter()
        time.sleep(SLOW_READ_S)
        self.window = (start, time.perf_counter())
        return load_library(roots)


@pytest.fixture
def slow_read(monkeypatch):
    read = SlowRead()
    monkeypatch.setattr(pack_jobs, "load_library", read)
    return read


class Ticks:
    """A 10 ms timer on the GUI thread, remembering when it ticked."""

    def __init__(self):
        self.times = [time.perf_counter()]
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))
        self.timer.start()

    def during(self, window):
        """How many ticks fell inside `window` (start, end). Only the read's own time counts: what the GUI thread
        does before and after it (opening the updated page) is other work. A read on the GUI thread leaves none;
        a free GUI thread ticks about 60 times in SLOW_READ_S even on a loaded machine (asking for a few keeps
        the test steady when other processes take the CPU)."""
        start, end = window
        return sum(start < t < end for t in self.times)


def changing_actions(data):
    return [data.add_action, data.import_action, data.remove_action, data.copy_action, data.edit_action]


def _import_directly(window, data, tmp_path):
    archive = kitpack(tmp_path / "extra.kitpack", "extra", {"extra-page": "an extra page"})
    importer.import_pack(archive, data.locations.own_packs_dir)
    window.set_library(load_library(list(data.locations.library_roots())))
    assert window.library.get("extra-page") is not None
    return archive


def test_removing_a_pack_reads_the_library_while_the_window_keeps_ticking(
    qtbot, window, features, tmp_path, monkeypatch, told, slow_read
):
    data = features.teacher
    archive = _import_directly(window, data, tmp_path)
    monkeypatch.setattr(pack_actions, "get_item", lambda *a: ("extra", True))
    ticks = Ticks()
    assert pack_actions.remove_pack(data) == "extra"
    assert data.job == pack_jobs.REMOVING
    assert not any(action.isEnabled() for action in changing_actions(data))
    pack_actions.import_pack(data, str(archive))  # a second change (a shortcut, a drop) while the first runs
    assert data.job == pack_jobs.REMOVING and "Still removing a pack" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: data.job is None, timeout=10_000)
    ticks.timer.stop()
    assert slow_read.on_gui_thread == [False]
    assert ticks.during(slow_read.window) >= 5  # on the GUI thread the read would leave no tick at all
    assert window.library.get("extra-page") is None and told == []
    assert data.add_action.isEnabled() and data.import_action.isEnabled() and data.remove_action.isEnabled()


def test_update_from_original_reads_the_library_while_the_window_keeps_ticking(
    qtbot, window, features, tmp_path, monkeypatch, told, slow_read
):
    from testdocuments import make_docx

    data = features.teacher
    monkeypatch.setattr(material_actions, "ask_audience", lambda parent: ("grades-9-10",))
    source = make_docx(tmp_path / "Water Cycle.docx")
    pack_actions.add_material(data, [source])
    qtbot.waitUntil(lambda: data.job is None and data.update_action.isEnabled(), timeout=30_000)
    (tmp_path / "edited").mkdir()
    edited = make_docx(tmp_path / "edited" / "Water Cycle.docx", paragraphs=3)
    ticks = Ticks()
    pack_actions.update_from_original(data, str(edited))
    assert data.job == pack_jobs.UPDATING and not data.update_action.isEnabled()
    assert not any(action.isEnabled() for action in changing_actions(data))
    qtbot.waitUntil(lambda: data.job is None, timeout=15_000)
    ticks.timer.stop()
    assert slow_read.on_gui_thread == [False]
    assert ticks.during(slow_read.window) >= 5
    assert "Paragraph 2:" in window.library.get("water-cycle").body and told == []
    assert data.update_action.isEnabled()  # the updated page is open again: its actions come back


def test_a_failed_change_gives_the_actions_back(qtbot, window, features, monkeypatch, told):
    data = features.teacher

    def full_disk(packs_dir, name):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pack_actions.installed, "installed_pack_dirs", lambda packs_dir: [packs_dir / "extra"])
    monkeypatch.setattr(pack_actions.installed, "remove_pack", full_disk)
    monkeypatch.setattr(pack_actions, "get_item", lambda *a: ("extra", True))
    assert pack_actions.remove_pack(data) == "extra"
    qtbot.waitUntil(lambda: data.job is None, timeout=10_000)
    assert told and "No space left" in told[-1]
    assert data.add_action.isEnabled() and data.import_action.isEnabled() and data.remove_action.isEnabled()


def test_the_hidden_resources_box_is_built_before_the_library_starts_its_background_work(
    qtbot, window, features, tmp_path, monkeypatch
):
    """Issue 15: built after set_library, the box waited for the interpreter lock at every step while the index
    and the reopened page were prepared on worker threads (60-110 ms). It must come first."""
    data = features.teacher
    archive = kitpack(tmp_path / "again.kitpack", "again", {"exit-ticket": "a pack's own exit ticket"})
    at_tell = []

    def tell(parent, title, text, error=False):
        busy = window.search_service._opening.busy() or window.loader._background.busy()
        at_tell.append((window.library.pack("again") is None, busy, text))

    monkeypatch.setattr(pack_actions, "tell", tell)
    monkeypatch.setattr(material_actions, "tell", tell)
    # The window's own start-up work ends first: only what the import starts may count.
    idle = lambda: window.search_service.is_ready and not window.loader._background.busy()  # noqa: E731
    qtbot.waitUntil(idle, timeout=30_000)
    pack_actions.import_pack(data, str(archive), "keep-both")
    qtbot.waitUntil(lambda: data.last_import == "again" and not data.importing, timeout=30_000)
    (library_not_shown_yet, workers_busy, text) = at_tell[-1]
    assert "resource 'exit-ticket' of pack 'trafficking' is hidden by the one in pack 'again'" in text
    assert library_not_shown_yet and not workers_busy
    assert window.library.pack("again") is not None
