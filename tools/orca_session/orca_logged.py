"""Start Orca with its debug log written line by line (tools/orca_session/session.sh).

Orca 43 writes its --debug-file through a buffered file and never flushes it, so stopping Orca at the end of a
session lost the last part of the log, which is what was said. Run with the system Python (Orca's own)."""

import runpy
import sys

import orca.debug as debug

_println = debug.println


def println(*args, **kwargs):
    _println(*args, **kwargs)
    if debug.debugFile:
        debug.debugFile.flush()


debug.println = println
sys.argv[0] = "/usr/bin/orca"
runpy.run_path("/usr/bin/orca", run_name="__main__")
