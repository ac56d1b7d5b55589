"""`kit gui` (and plain `kit`): open the app, or hand a pack to import to the copy already open on this data."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.commands.context import UserError
from kit.core.i18n import QT_TRANSLATE_NOOP

HELP = QT_TRANSLATE_NOOP("Cli", "open the app (the default)")


def add_arguments(parser) -> None:
    """`--resources` and `--data-dir` are the kit's; the pack is what a file manager passes (file association)."""
    parser.add_argument(
        "pack", nargs="?", metavar="PACK.kitpack", help="import this pack (in the kit already open, if one is)"
    )


def run(args, context) -> int:
    from kit.ui.single_instance.claim import claim  # QtCore + QtNetwork only: a second start opens no window
    from kit.ui.single_instance.message import IMPORT, RAISE, BadRequest, Request, pack_path

    pack = None
    if getattr(args, "pack", None):
        try:
            pack = pack_path(str(Path(args.pack).expanduser().absolute()))
        except BadRequest as exc:
            raise UserError(f"{args.pack}: {exc}") from None
    taken = claim(context.locations.data_dir, Request(IMPORT, pack) if pack else Request(RAISE))
    if taken.reply is not None:
        return _handed_over(taken.reply, pack)
    if taken.read_only:
        print(f"kit: {taken.read_only}", file=sys.stderr)
    # Checked again by create_application; here too because importing kit.ui.app loads QtGui, which already
    # needs some of these libraries (libEGL, libfontconfig...): a missing one is the install line, not a traceback.
    from kit.ui.system_libraries import require_window_libraries  # ctypes: only when a window opens

    require_window_libraries()
    from kit.ui.app import run_app  # Qt: only when the app really opens

    return run_app(context.locations, claim=taken, pack=pack)


def _handed_over(reply: str, pack: Path | None) -> int:
    if reply != "ok":
        raise UserError(f"the open kit did not take the request ({reply})")
    asked = f"asked it to import {pack.name}" if pack else "brought it to the front"
    print(f"Classroom Kit is already open with this data folder: {asked}.")
    return 0
