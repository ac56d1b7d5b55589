"""`kit export-pdf ID... -o OUT.pdf`: print resources (several make a class packet) to a PDF, headless."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.core.dates_numbers import number
from kit.core.i18n import QT_TRANSLATE_NOOP, counted, current_language, translate
from kit.core.model import EDITIONS

PAPER_CHOICES = ("a4", "letter")
HELP = QT_TRANSLATE_NOOP("Cli", "print resources to a PDF (several ids make a class packet)")
DESCRIPTION = QT_TRANSLATE_NOOP(
    "Cli",
    "Print one resource, or a class packet of several (cover, contents, each from a new page), to a PDF file. "
    "Needs no display.",
)


def add_arguments(parser) -> None:
    parser.add_argument(
        "ids", nargs="+", metavar="ID", help=translate("Cli", "resource ids, in packet order (see 'kit list')")
    )
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="OUT.pdf", help=translate("Cli", "the PDF to write")
    )
    parser.add_argument(
        "--edition", choices=EDITIONS, default="student", help=translate("Cli", "teacher adds facilitator notes")
    )
    parser.add_argument(
        "--paper", choices=PAPER_CHOICES, help=translate("Cli", "default: from the locale (Letter in the US/Canada)")
    )
    cover = parser.add_argument_group(translate("Cli", "packet cover (several ids)"))
    cover.add_argument(
        "--title", default="", help=translate("Cli", 'cover title (default: "Class packet" in the packet\'s language)')
    )
    cover.add_argument("--class-name", default="", metavar="NAME", help=translate("Cli", "the class, e.g. '10B'"))
    cover.add_argument("--date", default="", help=translate("Cli", "date on the cover (default: today)"))
    cover.add_argument("--teacher", default="", help=translate("Cli", "teacher's name (default: a line to write on)"))


def run(args, context) -> int:
    resources = [context.resource(resource_id) for resource_id in args.ids]  # every id checked before Qt starts
    output = _with_pdf_suffix(args.output)
    if output != args.output:
        print("kit: " + translate("Cli", "adding .pdf: writing {path}").format(path=output), file=sys.stderr)

    from kit.printing import Cover, ensure_gui_application, export_pdf  # Qt: only once there is something to print

    ensure_gui_application()
    cover = Cover(args.title, args.class_name, args.date, args.teacher) if len(resources) > 1 else None
    result = export_pdf(
        resources,
        output,
        edition=args.edition,
        paper=args.paper,
        cover=cover,
        packs={pack.id: pack for pack in context.library.packs},
    )
    print(
        counted(
            result.pages,
            translate("Cli", "wrote {path} ({count} page, {size} KB)"),
            translate("Cli", "wrote {path} ({count} pages, {size} KB)"),
            path=result.path,
            size=number(result.size // 1024, current_language()),
        )
    )
    return 0


def _with_pdf_suffix(output: Path) -> Path:
    """`-o ticket` writes `ticket.pdf`, the file a teacher expects to find and open. An existing folder is left
    as typed, so it is refused as a folder rather than silently becoming `folder.pdf` beside it."""
    if output.suffix.lower() == ".pdf" or output.is_dir():
        return output
    return output.with_name(output.name + ".pdf")
