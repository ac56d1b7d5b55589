"""The `kit` command line: argparse in front of the core; the app is the default command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kit import __version__


class UserError(Exception):
    """A mistake the user can fix: printed as one line, exit status 1, never a traceback."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one usage line and exit 2, as argparse does, but in our words
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from kit.core.model import EDITIONS  # here, not at import: opening the app does not need it

    parser = _Parser(
        prog="kit",
        description="Classroom Kit: search, read, present and print a teaching kit, offline.",
        epilog="With no command, kit opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"kit {__version__}")
    parser.add_argument(
        "--resources",
        action="append",
        default=[],
        metavar="DIR",
        help="read packs from DIR instead of the bundled kit (repeatable; also KIT_RESOURCES)",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="keep the teacher's data in DIR (also KIT_DATA_DIR)")
    parser.add_argument(
        "--smoke-test", action="store_true", help="check this install works, offscreen, and exit (= kit smoke-test)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    commands.add_parser("gui", help="open the app (the default)")

    listing = commands.add_parser("list", help="list the resources")
    _add_filters(listing)
    listing.add_argument("--json", action="store_true", help="print JSON")

    show = commands.add_parser("show", help="print one resource")
    show.add_argument("id", help="the resource id (see 'kit list')")
    show.add_argument("--edition", choices=EDITIONS, default="student")
    show.add_argument("--format", choices=("text", "html", "md"), default="text")

    validate = commands.add_parser("validate", help="check packs; exit 0 when clean, else list every problem")
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="pack folders or folders of packs (default: the kit's resources)",
    )

    for register in _extra_commands():
        register(commands)
    return parser


def _add_filters(parser: argparse.ArgumentParser) -> None:
    from kit.core.model import AUDIENCES, KINDS, LANGUAGES

    parser.add_argument("--kind", choices=KINDS)
    parser.add_argument("--audience", choices=AUDIENCES)
    parser.add_argument("--language", choices=LANGUAGES)


def _extra_commands() -> list[Callable[[argparse._SubParsersAction], None]]:
    """Each module in `kit.commands` adds its feature's command (search, export-pdf, present...).

    A module there defines `register(subparsers)`, which adds a sub-parser whose defaults set
    `handler(args, locations) -> int`. Modules import Qt only inside their handlers.
    """
    import importlib
    import pkgutil

    import kit.commands

    names = sorted(m.name for m in pkgutil.iter_modules(kit.commands.__path__) if not m.name.startswith("_"))
    return [importlib.import_module(f"kit.commands.{name}").register for name in names]


def plain_gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options of a plain `kit [--resources DIR]... [--data-dir DIR] [gui]`, or None for anything else.

    Opening the app is the common case and should be quick: it skips building every command's parser
    (and importing their modules). Anything unusual, including mistakes, goes to the full parser.
    """
    resources: list[str] = []
    data_dir = None
    tokens = list(argv)
    if tokens and tokens[-1] == "gui":
        tokens.pop()
    while tokens:
        option = tokens.pop(0)
        name, equals, value = option.partition("=")
        if name not in ("--resources", "--data-dir"):
            return None
        if not equals:
            if not tokens or tokens[0].startswith("-"):
                return None
            value = tokens.pop(0)
        if not value:
            return None
        if name == "--resources":
            resources.append(value)
        else:
            data_dir = value
    return argparse.Namespace(command="gui", resources=resources, data_dir=data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = plain_gui_arguments(argv) or build_parser().parse_args(argv)
    streams = sys.stdout, sys.stderr
    if (args.command or "gui") != "gui":
        _escape_terminal_output()
    try:
        return run(args)
    except UserError as exc:
        print(f"kit: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kit list | head`
        return 0
    finally:
        sys.stdout, sys.stderr = streams


def run(args: argparse.Namespace) -> int:
    from kit.core.paths import resolve_locations

    locations = resolve_locations(args.resources, args.data_dir)
    # A flag as well as a command: installers and IT scripts call `kit --smoke-test`.
    if getattr(args, "smoke_test", False):
        from kit.commands.smoke_test import handle

        return handle(args, locations)
    command = args.command or "gui"
    if command == "gui":
        from kit.ui.app import run_app

        return run_app(locations)
    handler = getattr(args, "handler", None) or _HANDLERS[command]
    return handler(args, locations)


def _escape_terminal_output() -> None:
    """Pack text and file names reach stdout and stderr: a terminal must show their control characters, not obey
    them (kit.core.terminal). Every command below prints through these streams."""
    from kit.core.terminal import EscapingWriter

    sys.stdout, sys.stderr = EscapingWriter(sys.stdout), EscapingWriter(sys.stderr)


def _load(locations):
    from kit.core.content.loader import load_library

    roots = locations.library_roots()
    if not roots:
        raise UserError("no resources found; give --resources DIR or set KIT_RESOURCES")
    library = load_library(list(roots))
    for hidden in library.hidden:  # nothing takes another's place unseen (Library.hidden)
        print(f"warning: {hidden.describe()}", file=sys.stderr)
    return library


def _filtered(resources, args):
    return [
        r
        for r in resources
        if (not args.kind or r.kind == args.kind)
        and (not args.audience or args.audience in r.audience)
        and (not args.language or r.language == args.language)
    ]


def cmd_list(args, locations) -> int:
    library = _load(locations)
    resources = _filtered(library.resources, args)
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
        print("No resources match.", file=sys.stderr)
        return 0
    width = max(len(r.id) for r in resources)
    for r in resources:
        minutes = f"{r.minutes} min" if r.minutes else ""
        print(f"{r.id:<{width}}  {r.kind:<8}  {r.language}  {minutes:>7}  {r.title}")
    return 0


def find_resource(library, resource_id: str):
    resource = library.get(resource_id)
    if resource is None:
        raise UserError(f"no resource with id '{resource_id}' (see 'kit list')")
    return resource


def cmd_show(args, locations) -> int:
    from kit.core.content import editions
    from kit.core.render import markup, plain_text

    resource = find_resource(_load(locations), args.id)
    if args.format == "md":
        sys.stdout.write(editions.edition_markdown(resource.body, args.edition).strip() + "\n")
        return 0
    rendered = markup.render(resource, args.edition)
    if args.format == "html":
        sys.stdout.write(rendered.html + "\n")
    else:
        sys.stdout.write(f"{resource.title}\n\n{plain_text.html_to_text(rendered.html)}")
    return 0


def cmd_validate(args, locations) -> int:
    from kit.core.validate import validate

    roots = list(args.paths) or list(locations.library_roots())
    if not roots:
        raise UserError("nothing to validate; give a pack folder")
    report = validate(roots)
    base = Path.cwd()
    for problem in report.problems:
        print(problem.relative_to(base))
    print(report.summary(), file=sys.stderr)
    return 0 if report.clean else 1


_HANDLERS = {"list": cmd_list, "show": cmd_show, "validate": cmd_validate}
