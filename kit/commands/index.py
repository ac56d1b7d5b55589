"""`kit index [--rebuild]`: build or update the search index and say what it did, with counts and time."""

from __future__ import annotations

from kit.commands.search import open_index

HELP = "build or update the search index; prints counts and time"


def add_arguments(parser) -> None:
    parser.add_argument("--rebuild", action="store_true", help="throw the index away and build it again")


def run(args, context) -> int:
    index = open_index(context, rebuild=args.rebuild)
    stats = index.last_update
    where = index.location or "kept in memory only"
    if stats.rebuilt:
        what = f"built: {stats.documents} resources indexed"
    else:
        what = f"{stats.documents} resources: {stats.added} added, {stats.changed} changed, {stats.removed} removed"
    print(f"Search index {what} in {stats.seconds:.2f} s ({where})")
    return 0
