"""Export PDF of a 10-resource class packet from the real window (File → Export PDF's path, offscreen): the time
until the PDF is written and the GUI thread's longest pause, this checkout beside a reference commit (by default
the last one that laid the PDF out on a worker thread of the app; now it is made in a child process).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/export_bench.py [--count 10] [--repeat 5] [--reference COMMIT]
        [--keep DIR]

Each export is started from the event loop and followed until `exported`; a 10 ms timer on the GUI thread
measures the longest gap (gui_block_bench.TickGaps). --keep DIR keeps the first PDF of each side
(DIR/export-this.pdf, DIR/export-COMMIT.pdf) to compare by eye (`pdftoppm -png -r 50`). The machine is shared:
say its load (`uptime`) beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bounded_work_bench import _extract
from gui_block_bench import TARGET_MS, TickGaps, measure

REPO = Path(__file__).resolve().parent.parent
REFERENCE = "aea9d2c"  # the last commit whose Export PDF ran on a worker thread of the app
ROWS_MARK = "EXPORTS-JSON "


def export_packet(window, features, gaps: TickGaps, count: int, out: Path) -> tuple[float, float, bool]:
    """(longest GUI gap ms, seconds until written, finished) for one packet of the library's first `count`."""
    from kit.printing import Cover
    from kit.ui.print_dialogs.controller import PrintJob

    job = PrintJob(tuple(window.library.resources[:count]), "student", Cover("Week 4", "8A"))
    written: list[Path] = []
    printing = features.printing
    printing.exported.connect(written.append)
    try:
        return measure(gaps, lambda: printing.export_to(job, out), lambda: bool(written))
    finally:
        printing.exported.disconnect(written.append)


def measure_exports(count: int, repeat: int, keep: Path | None, label: str) -> list[tuple[float, float, bool]]:
    from PySide6.QtWidgets import QApplication

    from kit.core.paths import resolve_locations
    from kit.ui.app import open_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    runs = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        window, features = open_window(resolve_locations([REPO / "resources"], folder / "data", environ={}))
        window.show()
        gaps = TickGaps()
        gaps.timer.start()
        for number in range(repeat):
            runs.append(export_packet(window, features, gaps, count, folder / f"packet-{number}.pdf"))
        gaps.timer.stop()
        if keep is not None and (folder / "packet-0.pdf").exists():
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / "packet-0.pdf", keep / f"export-{label}.pdf")
        window.close()
        app.processEvents()
    return runs


def _reference_runs(args: argparse.Namespace) -> list:
    argv = [sys.executable, __file__, "--rows-json", "--count", str(args.count), "--repeat", str(args.repeat)]
    argv += ["--label", args.reference] + (["--keep", str(args.keep)] if args.keep else [])
    with tempfile.TemporaryDirectory() as scratch:
        code = _extract(args.reference, Path(scratch) / "reference")
        env = {**os.environ, "PYTHONPATH": str(code), "QT_QPA_PLATFORM": "offscreen"}
        output = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith(ROWS_MARK))
    return json.loads(line[len(ROWS_MARK) :])


def _summary(runs: list) -> str:
    took = [run[1] for run in runs if run[2]]
    gaps = [run[0] for run in runs]
    if not took:
        return f"{'did not finish':>44}"
    return (
        f"{statistics.median(took):9.2f} {min(took):7.2f} {statistics.median(gaps):11.0f} {max(gaps):10.0f}"
        f" {len(took)}/{len(runs)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10, help="resources in the packet (default 10)")
    parser.add_argument("--repeat", type=int, default=5, help="exports on each side (default 5)")
    parser.add_argument("--reference", default=REFERENCE, help=f"commit to compare with (default {REFERENCE})")
    parser.add_argument("--keep", type=Path, default=None, help="keep one PDF of each side in this folder")
    parser.add_argument("--label", default="this", help=argparse.SUPPRESS)
    parser.add_argument("--rows-json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    runs = measure_exports(args.count, args.repeat, args.keep, args.label)
    if args.rows_json:
        print(ROWS_MARK + json.dumps(runs))
        return
    reference = _reference_runs(args)
    print(f"Export PDF, a {args.count}-resource packet from the window, {args.repeat} times each")
    heads = f"{'median s':>9} {'best s':>7} {'median gap':>11} {'worst gap':>10} done"
    print(f"{'':34} {heads}   (gap: ms, target {TARGET_MS})")
    print(f"{'this checkout (child process)':34} {_summary(runs)}")
    print(f"{args.reference + ' (worker thread)':34} {_summary(reference)}")


if __name__ == "__main__":
    main()
