"""How long the GUI thread would wait for the interpreter lock while each start-up job runs on a worker (issue 15).

Run: python benchmarks/lock_hold_bench.py [--repeat 5] [--reference COMMIT]

The window's work reaches Python through the interpreter lock, so a worker that keeps the lock blocks the window
even though the work is "off the GUI thread". Here a thread standing in for the GUI sleeps 1 ms in a loop while
a job runs on another thread; the longest time between two of its wake-ups is the longest the window would
have waited. Jobs: building the search index of the bundled kit, the search warm-up (spelling vocabulary,
completions, the English and French word lists), and preparing the first page (Markdown loads then). Each job
runs in a fresh process (nothing cached), --repeat times; the median and worst are shown, beside the same jobs
run with the reference commit's kit/ (extracted with `git archive`) when --reference is given.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bounded_work_bench import _extract

REPO = Path(__file__).resolve().parent.parent
JOBS = ("index build", "search warm-up", "first page")
MARK = "LOCK-HOLD "


def _job(name: str, scratch: Path):
    from kit.core.content.loader import load_library
    from kit.core.search import SearchIndex

    library = load_library([REPO / "resources"])
    if name == "index build":
        return lambda: SearchIndex.open(scratch / "index", library)
    if name == "search warm-up":
        index = SearchIndex.open(scratch / "index", library)
        return index.warm
    from kit.core.render.reading_page import build_page

    return lambda: build_page(library.resources[0], library, "student")


def _longest_wait(work) -> tuple[float, float]:
    """(longest wait of the 1 ms sleeper in ms, seconds the job took)."""
    done = threading.Event()
    took = []

    def run() -> None:
        started = time.perf_counter()
        work()
        took.append(time.perf_counter() - started)
        done.set()

    worker = threading.Thread(target=run)
    last = time.perf_counter()
    longest = 0.0
    worker.start()
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    return longest * 1000, took[0]


def _child(name: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        work = _job(name, Path(scratch))
        print(MARK + json.dumps(_longest_wait(work)))


def _measure(code: Path, name: str) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": f"{code}{os.pathsep}{REPO / 'benchmarks'}"}
    argv = [sys.executable, __file__, "--child", name]
    output = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith(MARK))
    return tuple(json.loads(line[len(MARK) :]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reference", default=None, help="a commit whose kit/ runs the same jobs")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    with tempfile.TemporaryDirectory() as scratch:
        codes = {"this checkout": REPO}
        if args.reference:
            codes[args.reference] = _extract(args.reference, Path(scratch) / "reference")
        waits: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.repeat):  # alternating, so both see the same load on a shared machine
            for name in JOBS:
                for label, code in codes.items():
                    waits.setdefault((name, label), []).append(_measure(code, name)[0])
    heads = "".join(f"{label + ' median / worst ms':>34}" for label in codes)
    print(f"{'job on a worker thread':24}{heads}")
    for name in JOBS:
        cells = "".join(
            f"{statistics.median(waits[name, label]):>25.0f} /{max(waits[name, label]):>6.0f}" for label in codes
        )
        print(f"{name:24}{cells}")
    print(f"longest wait of a thread sleeping 1 ms while the job runs; {args.repeat} fresh processes each")


if __name__ == "__main__":
    main()
