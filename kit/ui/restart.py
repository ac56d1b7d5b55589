"""Restarting the app (View → Language → Restart Now): this copy closes as on Quit, lets go of the data folder,
then starts its successor on the same data folder with the same options.

The order matters. The successor's first act is to claim the data folder (kit.ui.single_instance.claim); if this
copy still held the lock, the successor would hand its start over to the dying copy and exit, and no kit would be
left. So `start_successor` runs in `run_app` after the window has closed and the lock is released, never from the
menu. The page that was open comes back by itself: the settings keep it (last_resource).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QProcess

KEPT_OPTIONS = ("--resources", "--data-dir")  # what says which kit and which data; a .kitpack is not imported twice

_state = {"enabled": False, "command": None}


def enable() -> None:
    """Called by run_app: this process owns its start-up, so it can start a successor when it ends. Windows built
    by `kit present`, `kit screenshots` or the tests do not offer a restart."""
    _state["enabled"] = True


def can_restart() -> bool:
    return bool(_state["enabled"])


def restart_command(
    argv: Sequence[str] | None = None, executable: str | None = None, frozen: bool | None = None
) -> list[str]:
    """The command that starts the kit again as this process was started: the frozen app's own executable, else
    this Python with `-m kit`; with this start's --resources and --data-dir options and nothing else (the
    command name `gui`, a double-clicked pack). The environment (KIT_DATA_DIR, KIT_LANGUAGE…) and the working
    folder (a relative --data-dir) are inherited."""
    argv = list(sys.argv[1:] if argv is None else argv)
    executable = executable or sys.executable
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    options: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        name, equals, _value = token.partition("=")
        if name not in KEPT_OPTIONS:
            continue
        if equals:
            options.append(token)
        else:
            value = next(tokens, None)
            if value is not None:
                options += [name, value]
    return [executable, *options] if frozen else [executable, "-m", "kit", *options]


def request(window) -> bool:
    """Close `window` as Quit does and start the kit again once it has let go of the data folder. False (and
    nothing pending) when the window stayed open."""
    if not can_restart():
        return False
    _state["command"] = restart_command()
    if window.close():
        return True
    _state["command"] = None
    return False


def pending() -> list[str] | None:
    return _state["command"]


def start_successor(start=QProcess.startDetached) -> bool:
    """Start the command `request` left, if any (run_app calls this after releasing the data folder's lock)."""
    command, _state["command"] = _state["command"], None
    if not command:
        return False
    started = start(command[0], command[1:], os.getcwd())
    return bool(started[0] if isinstance(started, tuple) else started)
