"""The app quits cleanly after every dialog flow (issue 14: Lessons → Print Packet → Esc → Ctrl+Q crashed with
"QObject: shared QObject was deleted directly" and exit 139). Each flow runs in its own process, because a crash
on quit takes the interpreter with it: see tests/ui/quit_flows.py."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kit.printing.export import pdf_problem
from ui.quit_flows import FLOWS

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "tests" / "ui" / "quit_flows.py"
ROUNDS_SLOW = 20


def run_flow(flow: str, folder: Path) -> None:
    out = folder / "out"
    out.mkdir(parents=True)
    pdf = out / "handout.pdf"
    environ = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")]),
    }
    done = subprocess.run(
        [sys.executable, str(SCRIPT), flow, str(folder / "data"), str(pdf)],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"{flow}: exit {done.returncode}\n{done.stderr[-3000:]}"
    assert "shared QObject was deleted" not in done.stderr, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    # Nothing half-written: at most the finished PDF, and it is whole; no temp file left beside it.
    left = sorted(path.name for path in out.iterdir())
    if flow == "export":
        assert left == ["handout.pdf"]
    else:
        assert left in ([], ["handout.pdf"]), left
    if left:
        assert pdf_problem(pdf.read_bytes()) is None


@pytest.mark.parametrize("flow", FLOWS)
def test_each_dialog_flow_then_quit_exits_cleanly(flow, tmp_path):
    run_flow(flow, tmp_path)


@pytest.mark.slow
def test_twenty_rounds_of_every_flow_then_quit(tmp_path):
    for round_number in range(ROUNDS_SLOW):
        for flow in FLOWS:
            run_flow(flow, tmp_path / f"{round_number}-{flow}")
