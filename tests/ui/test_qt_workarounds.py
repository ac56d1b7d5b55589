"""The PySide6 None-refcount workaround keeps a long session alive (see kit.pyside_workarounds)."""

import os
import subprocess
import sys

from testdata import REPO

SCRIPT = """
from kit.pyside_workarounds import guard_none_refcount
guard_none_refcount()
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
for _ in range(50_000):  # a long lesson's worth of void Qt calls
    widget.update()
print("alive")
"""


def test_many_void_qt_calls_do_not_kill_the_interpreter():
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
