"""Entry points: `python -m kit`, the `kit` console script and the `kit-gui` desktop launcher."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from kit.core.child_process import CHILD_FLAG  # no Qt
    from kit.ui.read_aloud.voice_command import HIDDEN_ARGUMENT  # no Qt

    if argv[:1] == [CHILD_FLAG]:  # the kit started a piece of itself (kit.core.child_process)
        return run_child(argv[1:])
    if argv[:1] == [HIDDEN_ARGUMENT]:  # the installed app starting its own read-aloud voice (voice_command)
        from kit.ui.read_aloud import voice_process

        return voice_process.main([sys.argv[0] if sys.argv else "kit", *argv[1:]])
    from kit.cli import main as cli_main

    return cli_main(argv)


def run_child(args: list[str]) -> int:
    import importlib

    from kit.core.child_process import CHILDREN

    if not args or args[0] not in CHILDREN:
        print(f"kit: no child process named {args[:1]}", file=sys.stderr)
        return 2
    return importlib.import_module(CHILDREN[args[0]]).main(args[1:])


def main_gui(argv: list[str] | None = None) -> int:
    """Desktop launchers: always the app, whatever arguments a file manager adds; a double-clicked pack
    (the first argument ending in .kitpack) is imported."""
    from kit.cli import PACK_SUFFIX
    from kit.cli import main as cli_main

    packs = [a for a in (sys.argv[1:] if argv is None else argv) if a.lower().endswith(PACK_SUFFIX)]
    return cli_main(["gui", *packs[:1]])


if __name__ == "__main__":
    sys.exit(main())
