"""`kit add FILE...`: add Markdown or text files (or folders of them) to the teacher's own pack."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    add = subparsers.add_parser("add", help="add your own Markdown or text files to the kit")
    add.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="files or folders (.md, .txt)")
    add.set_defaults(handler=cmd_add)


def cmd_add(args, locations) -> int:
    from kit.cli import UserError, _load
    from kit.core.packs.own_pack import MaterialError, add_paths

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
