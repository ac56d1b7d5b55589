"""Entry points: `python -m kit`, the `kit` console script and the `kit-gui` desktop launcher."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from kit.ui.read_aloud.voice_command import HIDDEN_ARGUMENT  # no Qt

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [HIDDEN_ARGUMENT]:  # the installed app starting its own read-aloud voice (voice_command)
        from kit.ui.read_aloud import voice_process

        return voice_process.main([sys.argv[0] if sys.argv else "kit", *argv[1:]])
    from kit.cli import main as cli_main

    return cli_main(argv)


def main_gui(argv: list[str] | None = None) -> int:
    """Desktop launchers: always the app, whatever arguments a file manager adds; a double-clicked pack
    (the first argument ending in .kitpack) is imported."""
    from kit.cli import PACK_SUFFIX
    from kit.cli import main as cli_main

    packs = [a for a in (sys.argv[1:] if argv is None else argv) if a.lower().endswith(PACK_SUFFIX)]
    return cli_main(["gui", *packs[:1]])


if __name__ == "__main__":
    sys.exit(main())
