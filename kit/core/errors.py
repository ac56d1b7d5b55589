"""The kit's error model: one base for what the user should be told, one rule for what must never be swallowed.

Every error the core raises for the user to read (a file that cannot be read, a refused pack, a change that
cannot be saved...) derives from `KitError`: its message is one line a teacher can act on. The command line
prints it as `kit: <message>` and exits 1; the app shows it to the teacher. Anything else is a bug.

Code that must survive hostile input (rendering a crafted page, querying a damaged index) catches
`BaseException`, because extension modules raise panics as `BaseException`. It asks `is_fatal` first.
"""

from __future__ import annotations

# The process is being stopped (Ctrl+C, sys.exit, a generator closed) or is out of memory: handling these as
# "this page failed" would hide the stop, and a MemoryError says nothing about the input, only the moment,
# so an answer built from it must not be remembered (the render cache would keep an error page all session).
_FATAL = (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)


class KitError(Exception):
    """Something the user can act on, said in one line; never a bug."""


def is_fatal(exc: BaseException) -> bool:
    """True when `exc` must propagate even from code that otherwise turns every failure into a message."""
    return isinstance(exc, _FATAL)
