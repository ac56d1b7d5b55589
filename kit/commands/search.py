"""`kit index` and `kit search`: the search index from the command line (architecture.md §9).

`kit search -` answers one query per stdin line with one JSON object per line, so tools can run many queries
in one process; `took_ms` is the time spent inside `SearchIndex.search`.
"""

from __future__ import annotations

import json
import re
import sys

from kit.core.model import AUDIENCES, KINDS, LANGUAGES


def register(subparsers) -> None:
    index = subparsers.add_parser("index", help="build or update the search index; prints counts and time")
    index.add_argument("--rebuild", action="store_true", help="throw the index away and build it again")
    index.set_defaults(handler=cmd_index)

    search = subparsers.add_parser("search", help="search the kit ('-' reads one query per line from stdin)")
    search.add_argument("query", metavar="QUERY", help="words to find, or '-' to read queries from stdin")
    search.add_argument("--kind", choices=KINDS)
    search.add_argument("--audience", choices=AUDIENCES)
    search.add_argument("--language", choices=LANGUAGES)
    search.add_argument("--limit", type=_limit, default=10, metavar="N", help="at most N results (default 10)")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(handler=cmd_search)


def _limit(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError("give a number from 1 to 1000")
    return value


def _open(locations, rebuild: bool = False):
    from kit.cli import _load
    from kit.core.search import SearchIndex

    library = _load(locations)
    opener = SearchIndex.rebuild if rebuild else SearchIndex.open
    index = opener(locations.index_dir, library, _progress if sys.stderr.isatty() else None)
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr)
    if index.notice:
        print(f"kit: {index.notice}", file=sys.stderr)
    return index


def _progress(done: int, total: int) -> None:
    print(f"\rIndexing {done}/{total}", end="", file=sys.stderr, flush=True)


def cmd_index(args, locations) -> int:
    index = _open(locations, rebuild=args.rebuild)
    stats = index.last_update
    where = index.location or "kept in memory only"
    if stats.rebuilt:
        what = f"built: {stats.documents} resources indexed"
    else:
        what = f"{stats.documents} resources: {stats.added} added, {stats.changed} changed, {stats.removed} removed"
    print(f"Search index {what} in {stats.seconds:.2f} s ({where})")
    return 0


def cmd_search(args, locations) -> int:
    index = _open(locations)
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
    import html

    if results.notice and results.notice != already_said:
        print(results.notice, file=sys.stderr)
    if results.suggestion:
        print(f"Did you mean: {results.suggestion}")
    if not results.results:
        if not results.notice or results.notice == already_said:
            print("No matches.", file=sys.stderr)
        return
    bold = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("*", "*")
    width = max(len(h.id) for h in results.results)
    for hit in results.results:
        print(f"{hit.id:<{width}}  {hit.kind:<8}  {hit.title}")
        snippet = re.sub(r"</?b>", lambda m: bold[m.group(0) == "</b>"], hit.snippet)
        print(f"{'':<{width}}  {html.unescape(snippet)}")
    print(f"{len(results.results)} of {results.total} shown ({results.took_ms:.1f} ms)", file=sys.stderr)
