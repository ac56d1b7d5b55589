"""`kit gui` (and plain `kit`): open the app."""

from __future__ import annotations

HELP = "open the app (the default)"


def add_arguments(parser) -> None:
    """No options of its own: `--resources` and `--data-dir` are the kit's."""


def run(args, context) -> int:
    from kit.ui.app import run_app  # Qt: only when the app really opens

    return run_app(context.locations)
