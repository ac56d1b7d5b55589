"""Emitting signals from Python must not drop references to True (PySide6 6.12 bug, see kit/ui/signals.py)."""

import sys

from PySide6.QtCore import QObject, Signal

from kit.ui.signals import emit


class _Source(QObject):
    changed = Signal(str)


def test_emit_keeps_the_reference_count_of_true(qtbot):
    source = _Source()
    received = []
    source.changed.connect(received.append)
    emit(source.changed, "warm-up")
    before = sys.getrefcount(True)
    for number in range(1000):
        emit(source.changed, str(number))
    assert len(received) == 1001
    assert abs(sys.getrefcount(True) - before) < 50  # the bug alone would take 1000 away
