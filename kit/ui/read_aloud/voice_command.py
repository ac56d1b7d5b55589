"""How the app starts its voice child (kit.ui.read_aloud.voice_process), from Python or from the installed app.

From a Python install the child is `python -m kit.ui.read_aloud.voice_process ENGINE`. A frozen app (the
installers) has no Python to hand `-m` to: sys.executable is the kit's own program, so the child is that program
with a hidden first argument, which kit.__main__ checks before the command line is parsed. No Qt here: the entry
point imports this module on every start.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kit.core.child_process import console_program  # one place for every child of the kit

MODULE = "kit.ui.read_aloud.voice_process"
# Never shown in --help and not a command: only the app passes it, to itself.
HIDDEN_ARGUMENT = "--read-aloud-voice-process"


def command(engine_name: str, executable: str | None = None, frozen: bool | None = None) -> tuple[str, list[str]]:
    """(program, arguments) for QProcess.start: the voice child for `engine_name`."""
    executable = sys.executable if executable is None else executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if not frozen:
        return executable, ["-m", MODULE, engine_name]
    return console_program(Path(executable)), [HIDDEN_ARGUMENT, engine_name]
