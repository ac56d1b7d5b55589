"""`kit index [--rebuild]`: build or update the search index and say what it did, with counts and time."""

from __future__ import annotations

from kit.commands.search import open_index
from kit.core.dates_numbers import number
from kit.core.i18n import QT_TRANSLATE_NOOP, current_language, translate

HELP = QT_TRANSLATE_NOOP("Cli", "build or update the search index; prints counts and time")


def add_arguments(parser) -> None:
    parser.add_argument(
        "--rebuild", action="store_true", help=translate("Cli", "throw the index away and build it again")
    )


def run(args, context) -> int:
    index = open_index(context, rebuild=args.rebuild)
    stats = index.last_update
    where = index.location or translate("Cli", "kept in memory only")
    if stats.rebuilt:
        text = translate("Cli", "Search index built: {count} resources indexed in {seconds} s ({where})")
    else:
        text = translate(
            "Cli",
            "Search index {count} resources: {added} added, {changed} changed, {removed} removed "
            "in {seconds} s ({where})",
        )
    print(
        text.format(
            count=stats.documents,
            added=stats.added,
            changed=stats.changed,
            removed=stats.removed,
            seconds=number(stats.seconds, current_language(), 2),
            where=where,
        )
    )
    return 0
