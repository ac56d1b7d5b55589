"""How the kit starts a piece of itself as a child process: the same hidden argument from a checkout, a venv and
a frozen build (where sys.executable is the `kit` program, not Python)."""

import os
import sys

import pytest

from kit.__main__ import main
from kit.core.child_process import CHILD_FLAG, child_command, child_environment
from testdata import REPO


def test_from_python_the_child_is_the_kit_module():
    assert child_command("export-pdf") == (sys.executable, ["-m", "kit", CHILD_FLAG, "export-pdf"])


def test_frozen_the_child_is_the_kit_executable_itself(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/classroom-kit/kit")
    assert child_command("export-pdf") == ("/opt/classroom-kit/kit", [CHILD_FLAG, "export-pdf"])
    assert "PYTHONPATH" not in child_environment({})  # a frozen build carries its own modules


def test_an_unknown_child_is_refused():
    with pytest.raises(ValueError):
        child_command("rm -rf")
    assert main([CHILD_FLAG, "nothing-like-this"]) == 2


def test_the_child_is_headless_and_runs_this_kit():
    env = child_environment({"PYTHONPATH": "/elsewhere", "QT_QPA_PLATFORM": "xcb"})
    assert env["QT_QPA_PLATFORM"] == "offscreen"  # no window, no Dock icon, no display needed
    assert env["PYTHONPATH"].split(os.pathsep) == [str(REPO), "/elsewhere"]
