"""Entry points: `python -m kit`, the `kit` console script and the `kit-gui` desktop launcher."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from kit.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


def main_gui(argv: list[str] | None = None) -> int:
    """Desktop launchers: always the app, whatever arguments a file manager adds; a double-clicked pack
    (the first argument ending in .kitpack) is imported."""
    from kit.cli import PACK_SUFFIX
    from kit.cli import main as cli_main

    packs = [a for a in (sys.argv[1:] if argv is None else argv) if a.lower().endswith(PACK_SUFFIX)]
    return cli_main(["gui", *packs[:1]])


if __name__ == "__main__":
    sys.exit(main())
