"""PySide6's lost references to None/True cannot abort a long session (see kit/pyside_workarounds.py)."""

import sys

from PySide6.QtCore import QObject, QThreadPool, Signal

from kit.pyside_workarounds import RESERVE, protect_singletons


class _Source(QObject):
    changed = Signal(str)


def test_many_emits_and_pool_jobs_leave_the_singletons_alive(qtbot):
    protect_singletons()
    if sys.version_info < (3, 12):
        # Earlier tests in the same process may already have lost thousands of references to None (the bug this
        # guards against; a loaded full run saw exactly RESERVE): what matters is that the reserve is in place.
        assert sys.getrefcount(None) > RESERVE // 2 and sys.getrefcount(True) > RESERVE // 2
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


SCRIPT = """
import sys
from kit.pyside_workarounds import protect_singletons
protect_singletons()
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget
class Source(QObject):
    changed = Signal(str)
app = QApplication([])
widget, source = QWidget(), Source()
for _ in range(50_000):  # a long lesson's worth of void calls and emits
    widget.update()
    source.changed.emit("x")
print("alive")
"""


def test_a_long_session_in_a_fresh_process_survives():
    """In a fresh process (no test-suite protection), 50,000 void calls and emits do not abort the interpreter."""
    import os
    import subprocess

    from testdata import REPO

    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
