"""Workarounds for bugs in the Qt bindings we ship, each with how it was found; applied once at start-up."""

from __future__ import annotations

import sys


def protect_none_refcount() -> None:
    """Keep None alive under PySide6 6.12.0 on Python 3.11.

    PySide6/shiboken6 6.12.0 drops one reference to None on every call of a Qt method that returns
    void (measured: 1,000 `QWidget.update()` calls take 1,000 off `sys.getrefcount(None)`; 6.11.3
    does not). None starts with a few thousand references, so after some thousands of calls — a
    long lesson, or the test suite — CPython aborts with "Fatal Python error: none_dealloc".
    Python 3.12+ makes None immortal (PEP 683), so there the bug is harmless; on 3.11 we give None
    enough references that it can never reach zero, which is what 3.12 does too.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    if refcount.value < 1 << 40:
        refcount.value += 1 << 40
