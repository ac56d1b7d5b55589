"""`kit export-pdf ID... -o OUT.pdf`: print resources (several make a class packet) to a PDF, headless."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.core.model import EDITIONS

PAPER_CHOICES = ("a4", "letter")
HELP = "print resources to a PDF (several ids make a class packet)"
DESCRIPTION = (
    "Print one resource, or a class packet of several (cover, contents, each from a new page), to a PDF file. "
    "Needs no display."
)


def add_arguments(parser) -> None:
    parser.add_argument("ids", nargs="+", metavar="ID", help="resource ids, in packet order (see 'kit list')")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf", help="the PDF to write")
    parser.add_argument("--edition", choices=EDITIONS, default="student", help="teacher adds facilitator notes")
    parser.add_argument("--paper", choices=PAPER_CHOICES, help="default: from the locale (Letter in the US/Canada)")
    cover = parser.add_argument_group("packet cover (several ids)")
    cover.add_argument("--title", default="", help='cover title (default: "Class packet" in the packet\'s language)')
    cover.add_argument("--class-name", default="", metavar="NAME", help="the class, e.g. '10B'")
    cover.add_argument("--date", default="", help="date on the cover (default: today)")
    cover.add_argument("--teacher", default="", help="teacher's name (default: a line to write on)")


def run(args, context) -> int:
    resources = [context.resource(resource_id) for resource_id in args.ids]  # every id checked before Qt starts
    output = _with_pdf_suffix(args.output)
    if output != args.output:
        print(f"kit: adding .pdf: writing {output}", file=sys.stderr)

    from kit.printing import Cover, ensure_gui_application, export_pdf  # Qt: only once there is something to print

    ensure_gui_application()
    cover = Cover(args.title, args.class_name, args.date, args.teacher) if len(resources) > 1 else None
    result = export_pdf(
        resources,
        output,
        edition=args.edition,
        paper=args.paper,
        cover=cover,
        pack_titles={pack.id: pack.title for pack in context.library.packs},
    )
    pages = f"{result.pages} page" + ("" if result.pages == 1 else "s")
    print(f"wrote {result.path} ({pages}, {result.size // 1024} KB)")
    return 0


def _with_pdf_suffix(output: Path) -> Path:
    """`-o ticket` writes `ticket.pdf`, the file a teacher expects to find and open. An existing folder is left
    as typed, so it is refused as a folder rather than silently becoming `folder.pdf` beside it."""
    if output.suffix.lower() == ".pdf" or output.is_dir():
        return output
    return output.with_name(output.name + ".pdf")
