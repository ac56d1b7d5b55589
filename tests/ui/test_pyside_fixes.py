"""PySide6's lost references to None/True cannot abort a long session (see kit/ui/pyside_fixes.py)."""

import sys

from PySide6.QtCore import QObject, QThreadPool, Signal

from kit.ui.pyside_fixes import RESERVE, protect_singletons


class _Source(QObject):
    changed = Signal(str)


def test_many_emits_and_pool_jobs_leave_the_singletons_alive(qtbot):
    protect_singletons()
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) > RESERVE and sys.getrefcount(True) > RESERVE
    source = _Source()
    received = []
    source.changed.connect(received.append)
    pool = QThreadPool()
    for number in range(2000):
        source.changed.emit(str(number))
    for _ in range(200):
        pool.start(lambda: None)
    pool.waitForDone()
    assert len(received) == 2000
    assert sys.getrefcount(True) > 1000 and sys.getrefcount(None) > 1000
    assert protect_singletons() is False  # idempotent
