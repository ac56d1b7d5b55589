"""Entry points: `python -m kit`, the `kit` console script and the `kit-gui` desktop launcher."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from kit.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


def main_gui() -> int:
    """Desktop launchers: always the app, whatever arguments a file manager adds."""
    from kit.cli import main as cli_main

    return cli_main(["gui"])


if __name__ == "__main__":
    sys.exit(main())
