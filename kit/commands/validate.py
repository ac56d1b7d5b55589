"""`kit validate [PATH...]`: check packs; exit 0 when clean, else print every problem as file:line and exit 1."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.commands.context import UserError
from kit.core.i18n import QT_TRANSLATE_NOOP, translate

HELP = QT_TRANSLATE_NOOP("Cli", "check packs; exit 0 when clean, else list every problem")


def add_arguments(parser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=translate("Cli", "pack folders or folders of packs (default: the kit's resources)"),
    )


def run(args, context) -> int:
    from kit.core.validate import validate  # imports the YAML loader: a cold-start cost `kit --version` skips

    roots = list(args.paths) or list(context.library_roots())
    if not roots:
        raise UserError(translate("Cli", "nothing to validate; give a pack folder"))
    report = validate(roots)
    base = Path.cwd()
    for problem in report.problems:
        print(problem.relative_to(base))
    print(report.summary(), file=sys.stderr)
    return 0 if report.clean else 1
