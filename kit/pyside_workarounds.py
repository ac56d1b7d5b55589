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
