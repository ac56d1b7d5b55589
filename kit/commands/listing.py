"""`kit list`: the resources of the kit, as a table or JSON (named `listing`: `list` is a builtin)."""

from __future__ import annotations

import json
import sys

from kit.core.i18n import QT_TRANSLATE_NOOP, translate
from kit.core.model import AUDIENCES, KINDS, LANGUAGES

HELP = QT_TRANSLATE_NOOP("Cli", "list the resources")


def add_arguments(parser) -> None:
    parser.add_argument("--kind", choices=KINDS)
    parser.add_argument("--audience", choices=AUDIENCES)
    parser.add_argument("--language", choices=LANGUAGES)
    parser.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))


def run(args, context) -> int:
    resources = [
        r
        for r in context.library.resources
        if (not args.kind or r.kind == args.kind)
        and (not args.audience or args.audience in r.audience)
        and (not args.language or r.language == args.language)
    ]
    if args.json:
        rows = [
            {
                "id": r.id,
                "title": r.title,
                "kind": r.kind,
                "audience": list(r.audience),
                "minutes": r.minutes,
                "topics": list(r.topics),
                "language": r.language,
                "path": str(r.path),
            }
            for r in resources
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not resources:
        print(translate("Cli", "No resources match."), file=sys.stderr)
        return 0
    width = max(len(r.id) for r in resources)
    for r in resources:
        minutes = f"{r.minutes} min" if r.minutes else ""
        print(f"{r.id:<{width}}  {r.kind:<8}  {r.language}  {minutes:>7}  {r.title}")
    return 0
