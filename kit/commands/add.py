"""`kit add FILE...`: add Markdown or text files (or folders of them) to the teacher's own pack."""

from __future__ import annotations

import sys
from pathlib import Path

HELP = "add your own Markdown or text files to the kit"


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="files or folders (.md, .txt)")


def run(args, context) -> int:
    from kit.core.packs.own_pack import add_paths  # renders what it adds (Markdown): only for this command

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
