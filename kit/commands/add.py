"""`kit add FILE...`: add files (Markdown, text, Word, PowerPoint, OpenDocument, PDF, saved web pages) or folders
of them to the teacher's own pack; `kit add --update ID` imports a document's kept original again."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    add = subparsers.add_parser("add", help="add your own files (Markdown, Word, PowerPoint, PDF...) to the kit")
    add.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="files or folders (.md, .txt, .docx, .pptx, .odt, .odp, .pdf, .html)",
    )
    add.add_argument(
        "--update",
        metavar="ID",
        help="import the kept original of your resource ID again (after editing it); "
        "with one FILE, import that edited version instead",
    )
    add.set_defaults(handler=cmd_add)


def cmd_add(args, locations) -> int:
    from kit.cli import UserError, _load
    from kit.core.packs.own_pack import MaterialError, add_paths

    if args.update:
        if len(args.paths) > 1:
            raise UserError("--update takes one resource id and at most one FILE")
        return _update(args.update, args.paths[0] if args.paths else None, locations)
    if not args.paths:
        raise UserError("give files or folders to add, or --update ID")
    library = _load(locations) if locations.library_roots() else None
    taken = {r.id for r in library.resources} if library else set()
    try:
        added, refused = add_paths(args.paths, locations.own_packs_dir, taken)
    except MaterialError as exc:
        raise UserError(str(exc)) from None
    for item in added:
        print(f"Added '{item.resource_id}' ({item.path})")
        for warning in item.warnings:
            print(f"  note: {warning}", file=sys.stderr)
    for line in refused:
        print(f"kit: not added: {line}", file=sys.stderr)
    return 0 if not refused else 1


def _update(resource_id: str, source: Path | None, locations) -> int:
    from kit.cli import UserError
    from kit.core.packs.own_documents import update_from_original
    from kit.core.packs.own_pack import MaterialError

    try:
        updated = update_from_original(locations.own_packs_dir, resource_id, source=source)
    except MaterialError as exc:
        raise UserError(str(exc)) from None
    print(f"Updated '{updated.resource_id}' from its original ({updated.path})")
    for warning in updated.warnings:
        print(f"  note: {warning}", file=sys.stderr)
    return 0
