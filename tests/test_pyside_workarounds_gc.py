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
