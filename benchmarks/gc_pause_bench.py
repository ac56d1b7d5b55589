"""How long Python's garbage collection holds the GUI thread (issue 15), in the real app window with a large library.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/gc_pause_bench.py [--packs 3] [--per-pack 300] [--pages 200]
        [--rounds 7]

Automatic collection is off in the app and a 500 ms GUI timer runs the collection that has come due
(kit.pyside_workarounds.collect_due_garbage), so every collection is a pause of the GUI thread. Each run builds
the app as `kit` does (create_application: the collector timer; open_window: every feature), with the bundled kit
plus --packs imported packs of --per-pack synthetic resources each (search_bench's generator), then times
gc.collect(0), (1) and (2) --rounds times each (median and worst) after start-up, opens --pages pages one after
another (each until it is on screen: a long session, during which every collection the app's timer ran is
counted), and times the three generations again.

Two runs side by side, each in its own process: "thawed" (the whole heap seen by the collector, as before) and
"frozen" (kit.pyside_workarounds.freeze_long_lived once the library is shown, as kit.ui.app.run_app does).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

TARGET_MS = 50


def write_packs(packs_dir: Path, packs: int, per_pack: int) -> None:
    """`packs` imported packs of `per_pack` generated resources (ids unique across packs)."""
    from search_bench import write_pack

    scratch = packs_dir.parent / "generated"
    write_pack(scratch, packs * per_pack)  # doc-0 … doc-N in folders of 1,000
    docs = sorted(scratch.rglob("doc-*.md"), key=lambda p: int(p.stem.split("-")[1]))
    for number in range(packs):
        folder = packs_dir / f"synthetic-{number}"
        folder.mkdir(parents=True)
        (folder / "pack.yaml").write_text(
            f"id: synthetic-{number}\ntitle: Synthetic pack {number}\nversion: '1'\nlanguage: en\nlicense: CC BY 4.0\n",
            encoding="utf-8",
        )
        for doc in docs[number * per_pack : (number + 1) * per_pack]:
            shutil.move(doc, folder / doc.name)
    shutil.rmtree(scratch)


def timed_collections(rounds: int) -> dict[int, list[float]]:
    """generation → ms of each of `rounds` collections of it (the GUI thread is this thread)."""
    times: dict[int, list[float]] = {0: [], 1: [], 2: []}
    for _ in range(rounds):
        for generation in (0, 1, 2):
            started = time.perf_counter()
            gc.collect(generation)
            times[generation].append((time.perf_counter() - started) * 1000)
    return times


ROWS_MARK = "ROWS-JSON "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--packs", type=int, default=3, help="imported packs (default 3)")
    parser.add_argument("--per-pack", type=int, default=300, help="resources per imported pack (default 300)")
    parser.add_argument("--pages", type=int, default=200, help="pages opened for the long session (default 200)")
    parser.add_argument("--rounds", type=int, default=7, help="collections timed per generation (default 7)")
    parser.add_argument("--mode", choices=("thawed", "frozen"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(ROWS_MARK + json.dumps(measure(args)))
        return
    runs = {}
    for mode in ("thawed", "frozen"):
        argv = [sys.executable, __file__, "--mode", mode, "--packs", str(args.packs), "--per-pack", str(args.per_pack)]
        argv += ["--pages", str(args.pages), "--rounds", str(args.rounds)]
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        output = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
        runs[mode] = json.loads(next(line for line in output.splitlines() if line.startswith(ROWS_MARK))[9:])
    print(runs["thawed"]["library"] + f"; thresholds {gc.get_threshold()}; load {os.getloadavg()[0]:.2f}")
    print(f"{'':26} {'thawed (before)':>42}   {'frozen (kit.ui.app now)':>42}")
    head = " ".join(f"{f'gen {g} med/worst':>15}" for g in (0, 1, 2))
    print(f"{'heap':26} {'objects':>9} {head}   {'objects':>9} {head}   (ms)")
    for phase in ("after start-up", f"after {args.pages} pages"):
        cells = []
        for mode in ("thawed", "frozen"):
            objects, times = runs[mode]["phases"][phase]
            cells.append(
                f"{objects:>9,} " + " ".join(f"{statistics.median(t):7.1f}/{max(t):7.1f}" for t in times.values())
            )
        print(f"{phase:26} {cells[0]}   {cells[1]}")
    for mode in ("thawed", "frozen"):
        print(f"{mode}: during the {args.pages} pages the app's timer ran {runs[mode]['timer']}")
    print(f"target: a generation-2 pass under {TARGET_MS} ms")


def measure(args: argparse.Namespace) -> dict:
    from PySide6.QtTest import QTest

    from kit import pyside_workarounds
    from kit.core.paths import resolve_locations
    from kit.ui import app as kit_app

    ran: list[tuple[int, float]] = []  # what the app's collector timer did: (generation, ms)

    def collect_and_time() -> int:
        started = time.perf_counter()
        generation = pyside_workarounds.collect_due_garbage()
        if generation >= 0:
            ran.append((generation, (time.perf_counter() - started) * 1000))
        return generation

    kit_app.collect_due_garbage = collect_and_time  # the timer create_application starts calls this
    qt_app = kit_app.create_application()
    result: dict = {"phases": {}}
    with tempfile.TemporaryDirectory() as scratch:
        locations = resolve_locations([REPO / "resources"], Path(scratch) / "data", environ={})
        write_packs(locations.own_packs_dir, args.packs, args.per_pack)
        window, _features = kit_app.open_window(locations)
        if args.mode == "frozen":
            kit_app.freeze_after_first_library(window)
            window.set_library(window.library)  # as the library arriving at start-up does in run_app
        window.show()
        QTest.qWait(500)
        library = window.library
        result["library"] = (
            f"library: {len(library.resources)} resources in {len(library.packs)} packs "
            f"(bundled + {args.packs} x {args.per_pack})"
        )
        result["phases"]["after start-up"] = (len(gc.get_objects()), timed_collections(args.rounds))
        ids = [r.id for r in library.resources if not r.content_warning]
        ran.clear()
        started = time.perf_counter()
        for number in range(args.pages):
            resource_id = ids[(number * 7) % len(ids)]  # spread over the bundled and the generated packs
            window.open_resource(resource_id, acknowledged=True)
            deadline = time.perf_counter() + 30
            while not window.loader.is_ready(window._pending_token) and time.perf_counter() < deadline:
                QTest.qWait(5)
            QTest.qWait(20)
        QTest.qWait(1000)  # the timer's last due collection
        session = time.perf_counter() - started
        counts = {g: sum(1 for gen, _ms in ran if gen == g) for g in (0, 1, 2)}
        worst = {g: max((ms for gen, ms in ran if gen == g), default=0.0) for g in (0, 1, 2)}
        result["timer"] = f"({session:.0f} s) " + ", ".join(
            f"gen {g} x{counts[g]} (worst {worst[g]:.1f} ms)" for g in (0, 1, 2)
        )
        result["phases"][f"after {args.pages} pages"] = (len(gc.get_objects()), timed_collections(args.rounds))
        window.close()
        qt_app.processEvents()
    return result


if __name__ == "__main__":
    main()
