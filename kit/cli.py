"""The `kit` command line: the table of commands, the options every command shares, and `main`.

Each command is one module in `kit.commands` with `HELP` (optionally `DESCRIPTION`), `add_arguments(parser)`
and `run(args, context) -> int`. The table below lists them explicitly, in the order `kit --help` shows them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kit import __version__
from kit.commands.context import Context
from kit.core.errors import KitError
from kit.core.i18n import set_language, system_language, translate
from kit.core.paths import resolve_locations
from kit.ui.single_instance.message import PACK_SUFFIX  # stdlib only: `kit` stays quick to start

# (command, module in kit.commands). Command modules import Qt, tantivy and other heavy parts inside `run`:
# building this parser imports every one of them, and `kit --version` must stay quick.
COMMANDS = (
    ("gui", "gui"),
    ("list", "listing"),
    ("show", "show"),
    ("search", "search"),
    ("index", "index"),
    ("export-pdf", "export_pdf"),
    ("present", "present"),
    ("serve", "serve"),
    ("add", "add"),
    ("pack", "pack"),
    ("validate", "validate"),
    ("screenshots", "screenshots"),
    ("smoke-test", "smoke_test"),
)


def command_module(name: str):
    """The module that implements command `name` (see COMMANDS)."""
    return importlib.import_module(f"kit.commands.{dict(COMMANDS)[name]}")


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, translate("Cli", "usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with the README's promise for a bad option: one line on stderr, naming the help to read, exit 2.
    (argparse prints the whole usage first, which buries the one line that says what is wrong.) Its own words
    (usage, the section titles, -h) in the interface's language; its error messages stay English."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = translate("Cli", "positional arguments")
        self._optionals.title = translate("Cli", "options")
        if add_help:
            self.add_argument("-h", "--help", action="help", help=translate("Cli", "show this help message and exit"))

    def error(self, message: str) -> None:
        self._refuse(message, self.prog)

    def parse_args(self, args=None, namespace=None):
        # argparse reports an unknown option from the top parser even when it follows a command: point at the
        # command's own help (`kit show --help`), where the options it does take are listed.
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = getattr(parsed, "command", None)
            self._refuse(
                translate("Cli", "unrecognized arguments: {arguments}").format(arguments=" ".join(extras)),
                f"{self.prog} {command}" if command else None,
            )
        return parsed

    def _refuse(self, message: str, help_prog: str | None) -> None:
        line = translate("Cli", "{prog}: error: {message} (see '{help} --help')")
        self.exit(2, line.format(prog=self.prog, message=message, help=help_prog or self.prog) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kit",
        description=translate("Cli", "Classroom Kit: search, read, present and print a teaching kit, offline."),
        epilog=translate("Cli", "With no command, kit opens the app."),
    )
    parser.add_argument(
        "--version", action="version", version=f"kit {__version__}", help=translate("Cli", "show the version and exit")
    )
    parser.add_argument(
        "--resources",
        action="append",
        default=[],
        metavar="DIR",
        help=translate("Cli", "read packs from DIR instead of the bundled kit (repeatable; also KIT_RESOURCES)"),
    )
    parser.add_argument(
        "--data-dir", metavar="DIR", help=translate("Cli", "keep the teacher's data in DIR (also KIT_DATA_DIR)")
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=translate("Cli", "check this install works, offscreen, and exit (= kit smoke-test)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, _module in COMMANDS:
        module = command_module(name)
        description = getattr(module, "DESCRIPTION", None)
        command = commands.add_parser(
            name,
            help=translate("Cli", module.HELP),
            description=translate("Cli", description) if description else None,
        )
        module.add_arguments(command)
    return parser


def plain_gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options of a plain `kit [--resources DIR]... [--data-dir DIR] [gui] [PACK.kitpack]`, or None for anything
    else (`kit x.kitpack` is what a file manager runs for a double-clicked pack).

    Opening the app is the common case and should be quick: it skips building every command's parser
    (and importing their modules). Anything unusual, including mistakes, goes to the full parser.
    """
    resources: list[str] = []
    data_dir = None
    tokens = list(argv)
    pack = None
    if tokens and tokens[-1].lower().endswith(PACK_SUFFIX) and not tokens[-1].startswith("-"):
        pack = tokens.pop()
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
    return argparse.Namespace(command="gui", resources=resources, data_dir=data_dir, pack=pack)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # The command line speaks the system's language (LANG=fr_CA: French); the app then follows its own setting.
    set_language(system_language())
    args = plain_gui_arguments(argv) or build_parser().parse_args(argv)
    streams = sys.stdout, sys.stderr
    if (args.command or "gui") != "gui":
        _escape_terminal_output()
    try:
        return run(args)
    except KitError as exc:  # the one place a user-facing error becomes a line on stderr
        print(f"kit: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kit list | head`
        return 0
    finally:
        sys.stdout, sys.stderr = streams


def run(args: argparse.Namespace) -> int:
    context = Context(resolve_locations(args.resources, args.data_dir))
    # A flag as well as a command: installers and IT scripts call `kit --smoke-test`.
    name = "smoke-test" if getattr(args, "smoke_test", False) else args.command or "gui"
    return command_module(name).run(args, context)


def _escape_terminal_output() -> None:
    """Pack text and file names reach stdout and stderr: a terminal must show their control characters, not obey
    them (kit.core.terminal). Every command prints through these streams."""
    from kit.core.terminal import EscapingWriter

    sys.stdout, sys.stderr = EscapingWriter(sys.stdout), EscapingWriter(sys.stderr)
