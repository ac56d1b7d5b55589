"""The command table in kit/cli.py is the whole command line: every command module is in it, each has the same
small interface, and none reaches back into kit.cli."""

import ast
import inspect

import pytest

from kit import cli
from testdata import REPO

COMMANDS_DIR = REPO / "kit" / "commands"
NOT_COMMANDS = {"__init__", "context"}


def test_every_command_module_is_in_the_table():
    modules = {path.stem for path in COMMANDS_DIR.glob("*.py")} - NOT_COMMANDS
    assert sorted(modules) == sorted(module for _name, module in cli.COMMANDS)
    assert len({name for name, _ in cli.COMMANDS}) == len(cli.COMMANDS)


@pytest.mark.parametrize("name", [name for name, _module in cli.COMMANDS])
def test_each_command_has_help_arguments_and_run(name):
    module = cli.command_module(name)
    assert isinstance(module.HELP, str) and module.HELP
    assert list(inspect.signature(module.add_arguments).parameters) == ["parser"]
    assert list(inspect.signature(module.run).parameters)[:2] == ["args", "context"]


@pytest.mark.parametrize("path", sorted(COMMANDS_DIR.glob("*.py")), ids=lambda p: p.name)
def test_no_command_imports_kit_cli(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert "kit.cli" not in imported
