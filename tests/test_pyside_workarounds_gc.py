"""Garbage is collected on the GUI thread only (kit.pyside_workarounds.gc_on_gui_thread, kit.ui.app)."""

import gc

from kit.pyside_workarounds import collect_due_garbage


def test_automatic_collection_is_off_and_the_due_generation_is_collected():
    assert not gc.isenabled()  # tests/conftest.py turns it off as the app does
    gc.collect()
    assert collect_due_garbage() == -1  # nothing due right after a collection
    cycles = []
    for _ in range(gc.get_threshold()[0] + 10):
        a, b = [], []
        a.append(b)
        b.append(a)
        cycles.append(a)
    del cycles
    assert collect_due_garbage() >= 0 and gc.get_count()[0] < gc.get_threshold()[0]


def test_the_heap_is_frozen_once_the_first_library_is_shown_and_only_then(qtbot):
    """kit.ui.app.run_app freezes the start-up heap, so a generation-2 pass does not scan the library again."""
    from pathlib import Path

    from kit.core.content.loader import load_library
    from kit.ui.app import freeze_after_first_library
    from kit.ui.main_window import MainWindow

    library = load_library([Path(__file__).resolve().parent.parent / "resources"])
    assert gc.get_freeze_count() == 0
    window = MainWindow()
    qtbot.addWidget(window)
    freeze_after_first_library(window)
    try:
        qtbot.wait(20)
        assert gc.get_freeze_count() == 0  # nothing shown yet
        window.set_library(library)
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=2000)
        frozen = gc.get_freeze_count()
        assert frozen > 1000  # the library's objects and the window's
        window.set_library(load_library([Path(__file__).resolve().parent.parent / "resources"]))
        qtbot.wait(50)
        assert (
            gc.get_freeze_count() <= frozen
        )  # once (objects freed by refcounting leave it): later ones stay collectable
    finally:
        gc.unfreeze()  # the other tests run on a heap the collector sees whole
