"""`kit add FILE...`: add files (Markdown, text, Word, PowerPoint, OpenDocument, PDF, saved web pages) or folders
of them to the teacher's own pack; `kit add --update ID` imports a document's kept original again."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.commands.context import UserError

HELP = "add your own files (Markdown, Word, PowerPoint, PDF...) to the kit"


def add_arguments(parser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="files or folders (.md, .txt, .docx, .pptx, .odt, .odp, .pdf, .html)",
    )
    parser.add_argument(
        "--update",
        metavar="ID",
        help="import the kept original of your resource ID again (after editing it); "
        "with one FILE, import that edited version instead",
    )


def run(args, context) -> int:
    if args.update:
        if len(args.paths) > 1:
            raise UserError("--update takes one resource id and at most one FILE")
        return _update(args.update, args.paths[0] if args.paths else None, context)
    if not args.paths:
        raise UserError("give files or folders to add, or --update ID")
    from kit.core.packs.own_pack import add_paths  # the document importers: only for this command

    # Ids already in the kit are taken; with no kit at all (no bundled content, nothing installed) none are.
    taken = {r.id for r in context.library.resources} if context.library_roots() else set()
    added, refused = add_paths(args.paths, context.locations.own_packs_dir, taken)
    for item in added:
        print(f"Added '{item.resource_id}' ({item.path})")
        for warning in item.warnings:
            print(f"  note: {warning}", file=sys.stderr)
    for line in refused:
        print(f"kit: not added: {line}", file=sys.stderr)
    return 0 if not refused else 1


def _update(resource_id: str, source: Path | None, context) -> int:
    from kit.core.packs.own_documents import update_from_original

    updated = update_from_original(context.locations.own_packs_dir, resource_id, source=source)
    print(f"Updated '{updated.resource_id}' from its original ({updated.path})")
    for warning in updated.warnings:
        print(f"  note: {warning}", file=sys.stderr)
    return 0
