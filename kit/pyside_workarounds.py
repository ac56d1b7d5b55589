"""Workarounds for bugs in the PySide6 we ship, applied once when a Qt application is made (never at import)."""

from __future__ import annotations

import sys

_applied = False


def guard_none_refcount() -> None:
    """Keep None alive under PySide6 6.12.0 on Python 3.11.

    The 6.12.0 abi3 wheels drop one reference to None on every call of a C++ method that returns void
    (measured here: 1,000 `QObject.setObjectName` calls take None's count down by 1,000). Python 3.12+ makes
    None immortal, so nothing happens there; on 3.11 a few thousand calls (one packet export) bring it to zero
    and the process aborts with "Fatal Python error: none_dealloc". Giving None a very large count once makes
    it effectively immortal, as it is on 3.12. Remove when the wheel is fixed or 3.11 support is dropped.
    """
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    # ob_refcnt is the first field of every CPython object (non-debug builds).
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    _applied = True
