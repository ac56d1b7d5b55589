"""`kit add FILE...`: add files (Markdown, text, Word, PowerPoint, OpenDocument, PDF, saved web pages) or folders
of them to the teacher's own pack; `kit add --update ID` imports a document's kept original again."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.commands.context import UserError
from kit.core.i18n import QT_TRANSLATE_NOOP, translate
from kit.core.model import AUDIENCES

HELP = QT_TRANSLATE_NOOP("Cli", "add your own files (Markdown, Word, PowerPoint, PDF...) to the kit")


def add_arguments(parser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="FILE",
        help=translate("Cli", "files or folders (.md, .txt, .docx, .pptx, .odt, .odp, .pdf, .html)"),
    )
    parser.add_argument(
        "--audience",
        action="append",
        choices=AUDIENCES,
        default=[],
        metavar="A",
        help="who it is for, where a file does not say (repeatable: " + ", ".join(AUDIENCES) + "; default educators)",
    )
    parser.add_argument(
        "--update",
        metavar="ID",
        help=translate(
            "Cli",
            "import the kept original of your resource ID again (after editing it); "
            "with one FILE, import that edited version instead",
        ),
    )


def run(args, context) -> int:
    if args.update:
        if len(args.paths) > 1:
            raise UserError(translate("Cli", "--update takes one resource id and at most one FILE"))
        return _update(args.update, args.paths[0] if args.paths else None, context)
    if not args.paths:
        raise UserError(translate("Cli", "give files or folders to add, or --update ID"))
    from kit.core.packs.own_pack import add_paths  # the document importers: only for this command

    # Ids already in the kit are taken; with no kit at all (no bundled content, nothing installed) none are.
    taken = {r.id for r in context.library.resources} if context.library_roots() else set()
    added, refused = add_paths(args.paths, context.locations.own_packs_dir, taken, audience=args.audience)
    for item in added:
        print(translate("Cli", "Added '{id}' ({path})").format(id=item.resource_id, path=item.path))
        for warning in item.warnings:
            print("  " + translate("Cli", "note: {warning}").format(warning=warning), file=sys.stderr)
    for line in refused:
        print("kit: " + translate("Cli", "not added: {problem}").format(problem=line), file=sys.stderr)
    return 0 if not refused else 1


def _update(resource_id: str, source: Path | None, context) -> int:
    from kit.core.packs.own_documents import update_from_original

    updated = update_from_original(context.locations.own_packs_dir, resource_id, source=source)
    print(
        translate("Cli", "Updated '{id}' from its original ({path})").format(id=updated.resource_id, path=updated.path)
    )
    for warning in updated.warnings:
        print("  " + translate("Cli", "note: {warning}").format(warning=warning), file=sys.stderr)
    return 0
