"""`kit search QUERY`: search the kit from the command line (`kit index` builds the same index).

`kit search -` answers one query per stdin line with one JSON object per line, so tools can run many queries
in one process; `took_ms` is the time spent inside `SearchIndex.search`.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys

from kit.commands.context import UserError
from kit.core.dates_numbers import number
from kit.core.i18n import QT_TRANSLATE_NOOP, current_language, translate
from kit.core.model import AUDIENCES, KINDS, LANGUAGES

HELP = QT_TRANSLATE_NOOP("Cli", "search the kit ('-' reads one query per line from stdin)")


def add_arguments(parser) -> None:
    parser.add_argument(
        "query", metavar="QUERY", help=translate("Cli", "words to find, or '-' to read queries from stdin")
    )
    parser.add_argument("--kind", choices=KINDS)
    parser.add_argument("--audience", choices=AUDIENCES)
    parser.add_argument("--language", choices=LANGUAGES)
    parser.add_argument(
        "--limit", type=_limit, default=10, metavar="N", help=translate("Cli", "at most N results (default 10)")
    )
    parser.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate("Cli", "not a number: {text}").format(text=repr(text))) from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError("give a number from 1 to 1000")
    return value


def open_index(context, rebuild: bool = False):
    """The search index of the context's library (built, updated or repaired as needed), saying why on stderr."""
    from kit.core.search import SearchIndex  # tantivy: only for the commands that search

    opener = SearchIndex.rebuild if rebuild else SearchIndex.open
    show_progress = sys.stderr.isatty()
    index = opener(context.locations.index_dir, context.library, _progress if show_progress else None)
    if show_progress:
        print("\r\033[K", end="", file=sys.stderr)
    if index.notice:
        print(f"kit: {index.notice}", file=sys.stderr)
    return index


def _progress(done: int, total: int) -> None:
    print(
        "\r" + translate("Cli", "Indexing {done}/{total}").format(done=done, total=total),
        end="",
        file=sys.stderr,
        flush=True,
    )


def run(args, context) -> int:
    if not args.query.strip():  # said before the index opens: an empty query finds nothing, and exit 0 hid that
        raise UserError(translate("Cli", "type something to search for"))
    index = open_index(context)
    options = {"kind": args.kind, "audience": args.audience, "language": args.language, "limit": args.limit}
    if args.query == "-":
        if hasattr(sys.stdin, "reconfigure"):
            sys.stdin.reconfigure(errors="replace")  # a stray byte is one odd query, not a crash
        for line in sys.stdin:
            results = index.search(line.rstrip("\r\n"), **options)
            print(json.dumps(_as_json(results), ensure_ascii=False), flush=True)
        return 0
    results = index.search(args.query, **options)
    if args.json:
        print(json.dumps(_as_json(results), ensure_ascii=False, indent=2))
        return 0
    _print_text(results, already_said=index.notice)
    return 0


def _as_json(results) -> dict:
    return {
        "query": results.query,
        "results": [
            {
                "id": h.id,
                "title": h.title,
                "kind": h.kind,
                "audience": h.audience,
                "snippet": h.snippet,
                "score": h.score,
            }
            for h in results.results
        ],
        "suggestion": results.suggestion,
        "total": results.total,
        "took_ms": round(results.took_ms, 3),
    }


def _print_text(results, already_said: str | None = None) -> None:
    if results.notice and results.notice != already_said:
        print(results.notice, file=sys.stderr)
    if results.suggestion:
        print(translate("Cli", "Did you mean: {word}").format(word=results.suggestion))
    if not results.results:
        if not results.notice or results.notice == already_said:
            print(translate("Cli", "No matches."), file=sys.stderr)
        return
    bold = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("*", "*")
    width = max(len(h.id) for h in results.results)
    for hit in results.results:
        print(f"{hit.id:<{width}}  {hit.kind:<8}  {hit.title}")
        snippet = re.sub(r"</?b>", lambda m: bold[m.group(0) == "</b>"], hit.snippet)
        print(f"{'':<{width}}  {html.unescape(snippet)}")
    shown = translate("Cli", "{shown} of {total} shown ({ms} ms)")
    took = number(results.took_ms, current_language(), 1)
    print(shown.format(shown=len(results.results), total=results.total, ms=took), file=sys.stderr)
