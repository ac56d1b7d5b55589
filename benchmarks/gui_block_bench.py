"""How long the GUI thread is blocked (issue 15: at most 100 ms) while the teacher opens hostile pages, types in the
own-resource editor, imports a pack and exports a PDF packet, in the real app window (kit.ui.app.open_window,
offscreen).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/gui_block_bench.py [--kb 20] [--shapes N] [--only piece-47 ...]
        [--repeat N] [--reference COMMIT]

A 10 ms QTimer ticks on the GUI thread the whole time; for each action the longest gap between two ticks is the
longest the window could not repaint or take a key. Each action is started from the event loop and followed
until its result is on screen (page shown, preview rendered, pack imported, library and index reloaded) plus a
short settle. The app is set up as `kit` runs it (create_application: garbage collected by a GUI timer; the heap
frozen once the library shows, where the checkout does so). Pages are written as the teacher's own pack: one per
piece of tests/hostile_text.py (repeated to --kb), the issue's slow shapes from bounded_work_bench.py, and seeded
compositions. The first row, a bundled page,
is the reference; the machine is shared, so a row over the target is worth re-running before believing it:
--repeat N opens each page N times (a bundled page in between) and shows the median and the worst gap.
--reference COMMIT runs the same actions with that commit's kit/ (extracted with `git archive`, run in a child
process) and prints its figures beside this checkout's.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bounded_work_bench import CASES, FRONT, _extract

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

TICK_MS = 10
TARGET_MS = 100
SETTLE_S = 0.3  # after an action's result shows: a repaint or a queued follow-up still counts
ACTION_TIMEOUT_S = 60.0
ROWS_MARK = "ROWS-JSON "  # how a reference child process hands its rows back


class TickGaps:
    """The longest gap between ticks of a 10 ms timer on the GUI thread since the last `reset`."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0


def measure(gaps: TickGaps, action: Callable[[], None], done: Callable[[], bool]) -> tuple[float, float, bool]:
    """(longest gap ms, seconds until done, finished) for `action` started from the event loop."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    gaps.reset()
    started = time.perf_counter()
    QTimer.singleShot(0, action)
    QTest.qWait(TICK_MS)
    while not done() and time.perf_counter() - started < ACTION_TIMEOUT_S:
        QTest.qWait(5)
    finished = done()
    elapsed = time.perf_counter() - started
    QTest.qWait(int(SETTLE_S * 1000))
    return gaps.longest * 1000, elapsed, finished


def hostile_pages(kb: int, shapes: int) -> dict[str, str]:
    """name → Markdown body: each piece repeated, the issue's shapes, and seeded compositions."""
    from hostile_text import PIECES, compose

    pages = {}
    for number, piece in enumerate(PIECES):
        body = piece * (kb * 1024 // len(piece))
        pages[f"piece-{number:02d}"] = body
    for number, (_command, body) in enumerate(CASES.values()):
        if body is not None:
            pages[f"issue-{number}"] = body
    rng = random.Random(15)
    for number in range(shapes):
        pages[f"mix-{number}"] = compose(rng, PIECES, kb * 1024)
    return pages


def write_own_pack(own: Path, pages: dict[str, str]) -> dict[str, str]:
    """The pages as the teacher's own pack; returns id → a label for the table (pages UTF-8 cannot hold skipped)."""
    own.mkdir(parents=True)
    (own / "pack.yaml").write_text("id: own\ntitle: My material\nversion: '1'\nlanguage: en\n", encoding="utf-8")
    labels = {}
    for name, body in pages.items():
        try:
            data = (FRONT + body + "\n").encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no file can hold it as text
            continue
        (own / f"{name}.md").write_bytes(data)
        labels[name] = repr(body[:18])[1:-1][:24]
    return labels


Row = tuple[str, str, float, float, float, bool]  # action, KB, median gap ms, worst gap ms, took s, finished


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kb", type=int, default=20, help="size of each repeated-piece page (default 20 KB)")
    parser.add_argument("--shapes", type=int, default=5, help="seeded compositions of pieces (default 5)")
    parser.add_argument(
        "--only",
        nargs="*",
        default=None,
        help="only these pages (e.g. piece-47 issue-0); 'import': type and import; 'export': a PDF packet",
    )
    parser.add_argument("--repeat", type=int, default=1, help="open each page N times (default 1)")
    parser.add_argument("--reference", default=None, help="a commit whose kit/ runs the same actions beside this one")
    parser.add_argument("--rows-json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    rows = measure_all(args)
    if args.rows_json:
        print(ROWS_MARK + json.dumps(rows))
        return
    reference = _reference_rows(args) if args.reference else {}
    ref_head = f"{args.reference or '':>14}"
    print(f"{'action':58} {'KB':>6} {'median gap ms':>14} {'worst gap ms':>13} {'target':>7} {'took s':>7} {ref_head}")
    for name, size, median, worst, took, finished in rows:
        verdict = "" if worst <= TARGET_MS else "  OVER"
        took_text = f"{took:7.2f}" if finished else f">{ACTION_TIMEOUT_S:.0f}"
        before = reference.get(name)
        ref_text = f"{before[2]:6.0f} /{before[3]:6.0f}" if before else ""
        figures = f"{median:14.0f} {worst:13.0f} {TARGET_MS:>7} {took_text:>7}"
        print(f"{name[:58]:58} {size:>6} {figures} {ref_text:>14}{verdict}")
    over = [row for row in rows if row[3] > TARGET_MS]
    print(f"{len(rows)} actions, {len(over)} over {TARGET_MS} ms (worst of {args.repeat})")
    if reference:
        ref_over = [row for row in reference.values() if row[3] > TARGET_MS]
        print(f"{args.reference}: median / worst gap ms per action; {len(ref_over)} over {TARGET_MS} ms")


def _reference_rows(args: argparse.Namespace) -> dict[str, Row]:
    """The same actions measured with another commit's kit/, in a child process (its own QApplication)."""
    argv = [sys.executable, __file__, "--rows-json", "--kb", str(args.kb), "--shapes", str(args.shapes)]
    argv += ["--repeat", str(args.repeat)] + (["--only", *args.only] if args.only is not None else [])
    with tempfile.TemporaryDirectory() as scratch:
        code = _extract(args.reference, Path(scratch) / "reference")
        env = {**os.environ, "PYTHONPATH": str(code), "QT_QPA_PLATFORM": "offscreen"}
        output = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith(ROWS_MARK))
    return {row[0]: tuple(row) for row in json.loads(line[len(ROWS_MARK) :])}


def measure_all(args: argparse.Namespace) -> list[Row]:
    from kit import pyside_workarounds
    from kit.core.content.loader import load_library
    from kit.core.packs import exporter
    from kit.core.paths import resolve_locations
    from kit.ui.app import create_application, open_window

    app = create_application()  # as `kit` runs: automatic garbage collection off, the GUI timer collects
    pages = hostile_pages(args.kb, args.shapes)
    if args.only is not None:
        pages = {name: body for name, body in pages.items() if name in args.only}
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        locations = resolve_locations([REPO / "resources"], scratch_dir / "data", environ={})
        labels = write_own_pack(locations.own_packs_dir / "own", pages)
        bundled = load_library([REPO / "resources"])
        archive = scratch_dir / "kit.kitpack"
        biggest = max(bundled.packs, key=lambda p: sum(r.pack == p.id for r in bundled.resources))
        exporter.export_pack(bundled, [biggest.id], archive)

        window, features = open_window(locations)
        # The start-up heap frozen once the library shows, as kit.ui.app.run_app does (a reference commit may not).
        getattr(pyside_workarounds, "freeze_long_lived", lambda: None)()
        window.show()
        gaps = TickGaps()
        gaps.timer.start()
        rows: list[Row] = []
        reference_id = bundled.resources[0].id

        def page_shown(resource_id: str) -> Callable[[], bool]:
            return lambda: window.current_resource_id() == resource_id and window.loader.is_ready(window._pending_token)

        def open_once(resource_id: str) -> tuple[float, float, bool]:
            action = lambda: window.open_resource(resource_id, acknowledged=True)  # noqa: E731
            return measure(gaps, action, page_shown(resource_id))

        def open_page(resource_id: str, label: str) -> None:
            size = window.library.get(resource_id).path.stat().st_size / 1024
            runs = []
            for attempt in range(args.repeat):
                if attempt or resource_id == reference_id:
                    other = bundled.resources[1].id if resource_id == reference_id else reference_id
                    open_once(other)  # a different page in between, so the next opening is a real one
                runs.append(open_once(resource_id))
            longest = [run[0] for run in runs]
            took, finished = max(run[1] for run in runs), all(run[2] for run in runs)
            rows.append((f"open {label}", f"{size:.1f}", statistics.median(longest), max(longest), took, finished))

        open_page(reference_id, "bundled page (reference)")
        missing = [name for name in labels if window.library.get(name) is None]
        for name, label in labels.items():
            if name not in missing:
                open_page(name, f"{name} {label}")
        if args.only is None or "import" in args.only:
            rows.extend(_editor_and_import_rows(window, features, labels, missing, gaps, archive, biggest.id))
        if args.only is None or "export" in args.only:
            from export_bench import export_packet  # Export PDF: made in a child process since issue 15

            longest, took, finished = export_packet(window, features, gaps, 10, scratch_dir / "packet.pdf")
            rows.append(("export a 10-resource packet (PDF)", "", longest, longest, took, finished))
        gaps.timer.stop()
        if missing:
            print(f"pages the loader refused: {missing}")
        window.close()
        app.processEvents()
    return rows


def _editor_and_import_rows(window, features, labels, missing, gaps, archive: Path, pack_id: str) -> list[Row]:
    from kit.ui.teacher import pack_actions
    from kit.ui.teacher.own_editor import OwnEditor

    rows: list[Row] = []
    # Typing: a keystroke every 40 ms at the end of the largest own page, then the preview catches up.
    shown = [n for n in labels if n not in missing] or [r.id for r in window.library.resources[:1]]
    typed = max(shown, key=lambda n: window.library.get(n).path.stat().st_size)
    editor = OwnEditor(window.library.get(typed), window)  # a bundled page when no own page was asked for
    editor.show()
    keys = "Typing while the preview renders. " * 2
    sent = []

    def type_keys() -> None:
        from PySide6.QtCore import QTimer

        if len(sent) < len(keys):
            editor.text.insertPlainText(keys[len(sent)])
            sent.append(1)
            QTimer.singleShot(40, type_keys)

    def typing_done() -> bool:
        return len(sent) == len(keys) and not editor._timer.isActive() and not editor.previewing

    size = editor.resource.path.stat().st_size / 1024
    longest, took, finished = measure(gaps, type_keys, typing_done)
    rows.append((f"type {len(keys)} keys into the editor ({typed})", f"{size:.1f}", longest, longest, took, finished))
    editor.reject()

    data = features.teacher
    # keep-both: the bundled pack's id is reserved, so the import sits beside it, as a teacher's would
    action = lambda: pack_actions.import_pack(data, str(archive), "keep-both")  # noqa: E731
    # Followed until the index has taken the new pack in too: its rebuild runs beside the window (issue 15).
    indexed = lambda: getattr(window.search_service, "is_ready", True)  # noqa: E731
    imported = lambda: data.last_import is not None and not data.importing and indexed()  # noqa: E731
    size = archive.stat().st_size / 1024
    longest, took, finished = measure(gaps, action, imported)
    rows.append((f"import pack '{pack_id}' (.kitpack)", f"{size:.1f}", longest, longest, took, finished))
    return rows


if __name__ == "__main__":
    main()
