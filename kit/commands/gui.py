"""`kit gui` (and plain `kit`): open the app."""

from __future__ import annotations

from kit.core.i18n import QT_TRANSLATE_NOOP

HELP = QT_TRANSLATE_NOOP("Cli", "open the app (the default)")


def add_arguments(parser) -> None:
    """No options of its own: `--resources` and `--data-dir` are the kit's."""


def run(args, context) -> int:
    # Checked again by create_application; here too because importing kit.ui.app loads QtGui, which already
    # needs some of these libraries (libEGL, libfontconfig...): a missing one is the install line, not a traceback.
    from kit.ui.system_libraries import require_window_libraries  # ctypes: only when a window opens

    require_window_libraries()
    from kit.ui.app import run_app  # Qt: only when the app really opens

    return run_app(context.locations)
