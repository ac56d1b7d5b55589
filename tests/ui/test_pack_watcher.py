"""Material added, changed or removed in the teacher's packs while the app runs shows without a restart."""

import os
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kit.core.packs.own_pack import add_paths
from kit.ui.library.pack_watcher import PackWatcher

ARRIVES_WITHIN_MS = 2000  # issue 21: `kit add` while the app is open shows within 2 s
DEBOUNCE_WAIT_MS = 800  # past the watcher's 300 ms debounce and the check it then runs


def add_like_kit_add(
    window, locations, tmp_path, name="field-trip-plan.md", text="# Field trip plan\n\nBring a lunch.\n"
):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    added, refused = add_paths([source], locations.own_packs_dir, {r.id for r in window.library.resources})
    assert not refused
    return added[0]


def test_material_added_by_kit_add_appears_in_the_open_window(qtbot, window, locations, tmp_path):
    assert window.library.get("field-trip-plan") is None
    started = time.monotonic()
    added = add_like_kit_add(window, locations, tmp_path)
    qtbot.waitUntil(lambda: window.library.get(added.resource_id) is not None, timeout=ARRIVES_WITHIN_MS)
    print(f"appeared after {time.monotonic() - started:.2f} s")
    tree = window.library_panel.tree
    titles = [tree.topLevelItem(i).child(j).text(0) for i in range(tree.topLevelItemCount())
              for j in range(tree.topLevelItem(i).childCount())]  # fmt: skip
    assert "Field trip plan" in titles
    # ...and the search index: its words are found.
    window.search_panel.field.setText("lunch")
    results = window.search_panel.results
    found = lambda: any(results.item(i).text() == "Field trip plan" for i in range(results.count()))  # noqa: E731
    qtbot.waitUntil(found, timeout=15_000)


def test_an_edit_and_a_removal_show_too(qtbot, window, features, locations, tmp_path):
    added = add_like_kit_add(window, locations, tmp_path)
    qtbot.waitUntil(lambda: window.library.get(added.resource_id) is not None, timeout=ARRIVES_WITHIN_MS)
    text = added.path.read_text(encoding="utf-8").replace("title: Field trip plan", "title: Museum trip plan")
    assert "Museum trip plan" in text
    added.path.write_text(text, encoding="utf-8")  # in place, as an editor would
    qtbot.waitUntil(
        lambda: window.library.get(added.resource_id).title == "Museum trip plan", timeout=ARRIVES_WITHIN_MS
    )
    os.remove(added.path)
    qtbot.waitUntil(lambda: window.library.get(added.resource_id) is None, timeout=ARRIVES_WITHIN_MS)


def test_nothing_is_reloaded_when_nothing_changed(qtbot, window, features):
    watcher: PackWatcher = features.packs_watcher
    before = window.library
    watcher.changed()  # an event about a folder whose files are as they were, or the app regaining focus
    QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    qtbot.wait(600)
    assert watcher.reloads == 0 and window.library is before


def test_a_reload_started_before_the_library_was_loaded_again_is_dropped(qtbot, window, features, locations, tmp_path):
    """An import writes its files while it runs, so the watcher starts a reload from the disk as it was before;
    the import then shows its library. The watcher's reload must not show the same packs a second time."""
    from kit.core.content.loader import load_library
    from kit.ui.library import pack_watcher

    watcher: PackWatcher = features.packs_watcher
    reading = []

    def slow_load(roots):
        reading.append(1)
        time.sleep(0.5)
        return load_library(roots)

    qtbot.waitUntil(lambda: watcher._loaded_from is not None)
    watcher._watcher.blockSignals(True)  # its events came earlier, during the import; here only the check runs
    add_like_kit_add(window, locations, tmp_path)  # the disk now differs from what the library was read from
    watcher._timer.stop()  # a check the window's start-up asked for must not supersede the one below
    real_load = pack_watcher.load_library
    pack_watcher.load_library = slow_load
    try:
        watcher.check()
        qtbot.waitUntil(lambda: bool(reading), timeout=5000)
        window.set_library(load_library(list(locations.library_roots())))  # the import's own reload, meanwhile
        qtbot.waitUntil(lambda: not watcher.background.busy(), timeout=5000)
        qtbot.wait(DEBOUNCE_WAIT_MS)
    finally:
        pack_watcher.load_library = real_load
        watcher._watcher.blockSignals(False)
    assert watcher.reloads == 0
    assert window.library.get("field-trip-plan") is not None


def test_a_reload_whose_result_still_waits_in_the_queue_is_dropped(qtbot, window, features, locations, tmp_path):
    """The watcher's reload can end on its worker just before the import's library is shown: its result is then
    queued, not running, and was shown after the import's (the same packs read and shown twice in a row)."""
    from kit.core.content.loader import load_library

    watcher: PackWatcher = features.packs_watcher
    qtbot.waitUntil(lambda: watcher._loaded_from is not None)
    watcher._watcher.blockSignals(True)
    add_like_kit_add(window, locations, tmp_path)
    watcher._timer.stop()
    shown = []
    window.library_loaded.connect(shown.append)
    try:
        watcher.check()
        watcher.background._pool.waitForDone()  # the reload has ended; its result is queued, not yet handled
        assert not watcher.background.busy()
        window.set_library(load_library(list(locations.library_roots())))  # the import's own library
        qtbot.wait(DEBOUNCE_WAIT_MS)
        qtbot.waitUntil(lambda: not watcher.background.busy(), timeout=5000)
    finally:
        watcher._watcher.blockSignals(False)
    assert watcher.reloads == 0
    assert len(shown) == 1
