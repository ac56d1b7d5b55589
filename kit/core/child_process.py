"""How the kit starts a piece of itself in a child process, from a source checkout, a venv or a frozen build.

The same hidden first argument works everywhere: `python -m kit --kit-child NAME` (kit.__main__ hands it to
the child's module before the command line is parsed), and in a PyInstaller build the `kit` executable itself,
which runs the same `kit.__main__.main` (installer/launch.py). Where the bundle has a console `kit-cli` beside the
windowed `kit` (Windows, macOS), the child is the console one: it always has the standard input and output the
child talks over, and QProcess starts it without a console window (as kit.ui.read_aloud.voice_command does).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CHILD_FLAG = "--kit-child"  # never shown in `kit --help`: only the kit itself starts children
# Each child's name → the module whose `main(argv) -> int` runs it (kit.__main__ imports it by name).
CONSOLE_SUFFIX = "-cli"  # installer/meta.py: `kit` windowed, `kit-cli` console
CHILDREN = {"export-pdf": "kit.printing.export_child", "layout-trial": "kit.ui.reader.layout_trial_child"}


def child_command(name: str) -> tuple[str, list[str]]:
    """(program, arguments) that start child `name` with the kit this process runs."""
    if name not in CHILDREN:
        raise ValueError(f"no kit child process named {name!r}")
    if getattr(sys, "frozen", False):
        return console_program(Path(sys.executable)), [CHILD_FLAG, name]
    return sys.executable, ["-m", "kit", CHILD_FLAG, name]


def console_program(executable: Path) -> str:
    """The frozen bundle's console program beside `executable` when there is one (kit.exe → kit-cli.exe)."""
    console = executable.with_name(executable.stem + CONSOLE_SUFFIX + executable.suffix)
    return str(console if console.is_file() else executable)


def child_environment(environ: dict[str, str] | None = None) -> dict[str, str]:
    """The child's environment: this one, with Qt headless (no window, no Dock icon, no display needed) and,
    from a source checkout, this kit first on the import path, so the child runs the same code."""
    env = dict(os.environ if environ is None else environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    if not getattr(sys, "frozen", False):
        root = str(Path(__file__).resolve().parents[2])
        if Path(root).name not in ("site-packages", "dist-packages"):  # an installed kit is found anyway
            env["PYTHONPATH"] = os.pathsep.join([root, *filter(None, [env.get("PYTHONPATH")])])
    return env
