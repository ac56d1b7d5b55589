"""Emitting Qt signals from Python without tripping a PySide6 reference-count bug.

PySide6 6.12 (CPython 3.11) returns the result of `SignalInstance.emit()` (True) without a new
reference, so each `.emit()` call drops one reference to `True`. After enough emits the interpreter
aborts with "Fatal Python error: bool_dealloc". Measured here: 100 emits, refcount(True) - 100.
`emit()` below detects the bug once and gives the reference back; on a fixed PySide6 it does nothing.
Extra references to True are harmless (it is never freed), missing ones are fatal.
"""

from __future__ import annotations

import ctypes
import functools
import sys

PROBE_EMITS = 20


@functools.cache
def emit_drops_a_reference() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(PROBE_EMITS):
        probe.ping.emit()
    # Other threads may move the count a little; the bug moves it by one per emit.
    dropped = before - sys.getrefcount(True) >= PROBE_EMITS // 2
    if dropped:  # give back what the probe itself lost
        for _ in range(PROBE_EMITS):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return dropped


def emit(signal, *args) -> None:
    """`signal.emit(*args)`, compensating for the lost reference when this PySide6 has the bug."""
    result = signal.emit(*args)
    if (result is True or result is False) and emit_drops_a_reference():
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
