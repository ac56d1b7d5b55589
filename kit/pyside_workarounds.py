"""Guards against PySide6 reference-count bugs that would abort the app after a long session.

Measured with PySide6 6.12.0 on CPython 3.11: every `Signal.emit()` from Python drops one reference to
`True`; every call into a Python override of a void virtual (`resizeEvent`, `doSetSource`...) and every
`QThreadPool.start(callable)` drops one reference to `None`. After enough of them the interpreter aborts
with "Fatal Python error: bool_dealloc / none_dealloc" (the test suite hit it). CPython 3.12 made these
singletons immortal, so there it cannot happen; on 3.11 we do what 3.12 does: give them a reference count
no session can exhaust. Extra references to these objects are harmless; they are never freed anyway.
"""

from __future__ import annotations

import ctypes
import gc
import sys

# 2**40 references: at a million lost references a second, more than 12 days of use.
RESERVE = 1 << 40 if sys.maxsize > 2**32 else 1 << 29
_protected: list[bool] = []


def protect_singletons() -> bool:
    """Make None, True and False effectively immortal on CPython < 3.12. Idempotent; returns True if applied."""
    if _protected or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every PyObject in release builds of CPython.
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
    _protected.append(True)
    return True


def collect_due_garbage() -> int:
    """Run the collection Python's own collector would run now (generation 0, 1 or 2 by its counters); -1 if
    none is due. Called on the GUI thread by a timer once automatic collection is off (`gc_on_gui_thread`)."""
    threshold0, threshold1, threshold2 = gc.get_threshold()
    count0, count1, count2 = gc.get_count()
    if count0 < threshold0:
        return -1
    generation = 2 if count2 >= threshold2 and count1 >= threshold1 else 1 if count1 >= threshold1 else 0
    gc.collect(generation)
    return generation


def gc_on_gui_thread() -> None:
    """Turn off automatic garbage collection, so it never runs on a worker thread.

    Python's collector runs on whichever thread happens to allocate when a threshold is crossed. If that is a
    worker and the garbage holds Qt wrappers, PySide destroys Qt objects on the wrong thread and the process can
    crash (seen in a full test run: "Segmentation fault … Garbage-collecting" on the library-loading worker).
    The caller then collects on the GUI thread: the app with a timer (kit.ui.app), the tests after each test."""
    gc.disable()


def freeze_long_lived() -> int:
    """Put every object alive now in the permanent generation (gc.freeze); returns how many are frozen.

    Called once the first library is shown: the library, the widgets and the modules then live as long as the app,
    and a generation-2 pass no longer scans them again (benchmarks/gc_pause_bench.py: 100+ ms on the bundled kit
    plus three 300-resource packs before, a few ms after). Nothing is collected first: that full pass is the very
    pause this avoids, and what start-up left for the collector is kept (cycles only; refcounting still frees the
    rest, e.g. a library replaced after an import)."""
    gc.freeze()
    return gc.get_freeze_count()
