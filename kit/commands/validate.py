"""`kit validate [PATH...]`: check packs; exit 0 when clean, else print every problem as file:line and exit 1."""

from __future__ import annotations

import datetime as dt
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
    parser.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help=translate(
            "Cli", "judge how old each figure's data is on this day, e.g. the first day of term (default: today)"
        ),
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        import argparse

        raise argparse.ArgumentTypeError(
            translate("Cli", "not a date like 2027-09-01: {text}").format(text=repr(text))
        ) from None


def run(args, context) -> int:
    from kit.core.validate import validate  # imports the YAML loader: a cold-start cost `kit --version` skips

    roots = list(args.paths) or list(context.library_roots())
    if not roots:
        raise UserError(translate("Cli", "nothing to validate; give a pack folder"))
    report = validate(roots, today=args.as_of)
    base = Path.cwd()
    for problem in report.problems:
        print(problem.relative_to(base))
    print(report.summary(), file=sys.stderr)
    return 0 if report.clean else 1
