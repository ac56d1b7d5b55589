"""How long the GUI thread is blocked (issue 15: at most 100 ms) while the teacher opens hostile pages, types in the
own-resource editor and imports a pack, in the real app window (kit.ui.app.open_window, offscreen).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/gui_block_bench.py [--kb 20] [--shapes N]

A 10 ms QTimer ticks on the GUI thread the whole time; for each action the longest gap between two ticks is the
longest the window could not repaint or take a key. Each action is started from the event loop and followed
until its result is on screen (page shown, preview rendered, pack imported and the library reloaded) plus a
short settle. Pages are written as the teacher's own pack: one per piece of tests/hostile_text.py (repeated to
--kb), the issue's slow shapes from bounded_work_bench.py, and seeded compositions. The first row, a bundled page,
is the reference; the machine is shared, so a row over the target is worth re-running before believing it.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bounded_work_bench import CASES, FRONT

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

TICK_MS = 10
TARGET_MS = 100
SETTLE_S = 0.3  # after an action's result shows: a repaint or a queued follow-up still counts
ACTION_TIMEOUT_S = 60.0


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kb", type=int, default=20, help="size of each repeated-piece page (default 20 KB)")
    parser.add_argument("--shapes", type=int, default=5, help="seeded compositions of pieces (default 5)")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from kit.core.content.loader import load_library
    from kit.core.packs import exporter
    from kit.core.paths import resolve_locations
    from kit.ui.app import open_window
    from kit.ui.teacher import pack_actions
    from kit.ui.teacher.own_editor import OwnEditor

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        locations = resolve_locations([REPO / "resources"], scratch_dir / "data", environ={})
        labels = write_own_pack(locations.own_packs_dir / "own", hostile_pages(args.kb, args.shapes))
        bundled = load_library([REPO / "resources"])
        archive = scratch_dir / "kit.kitpack"
        biggest = max(bundled.packs, key=lambda p: sum(r.pack == p.id for r in bundled.resources))
        exporter.export_pack(bundled, [biggest.id], archive)

        window, features = open_window(locations)
        window.show()
        gaps = TickGaps()
        gaps.timer.start()
        rows: list[tuple[str, str, float, float, bool]] = []

        def page_shown(resource_id: str) -> Callable[[], bool]:
            return lambda: window.current_resource_id() == resource_id and window.loader.is_ready(window._pending_token)

        def open_page(resource_id: str, label: str) -> None:
            size = window.library.get(resource_id).path.stat().st_size / 1024
            action = lambda: window.open_resource(resource_id, acknowledged=True)  # noqa: E731
            rows.append((f"open {label}", f"{size:.1f}", *measure(gaps, action, page_shown(resource_id))))

        open_page(bundled.resources[0].id, "bundled page (reference)")
        missing = [name for name in labels if window.library.get(name) is None]
        for name, label in labels.items():
            if name not in missing:
                open_page(name, f"{name} {label}")

        # Typing: a keystroke every 40 ms at the end of the largest own page, then the preview catches up.
        shown = [n for n in labels if n not in missing]
        typed = max(shown, key=lambda n: window.library.get(n).path.stat().st_size)
        editor = OwnEditor(window.library.get(typed), window)
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
        name = f"type {len(keys)} keys into the editor ({typed})"
        rows.append((name, f"{size:.1f}", *measure(gaps, type_keys, typing_done)))
        editor.reject()

        data = features.teacher
        # keep-both: the bundled pack's id is reserved, so the import sits beside it, as a teacher's would
        action = lambda: pack_actions.import_pack(data, str(archive), "keep-both")  # noqa: E731
        imported = lambda: data.last_import is not None and not data.importing  # noqa: E731
        size = archive.stat().st_size / 1024
        rows.append((f"import pack '{biggest.id}' (.kitpack)", f"{size:.1f}", *measure(gaps, action, imported)))
        gaps.timer.stop()

        print(f"{'action':58} {'KB':>6} {'longest gap ms':>15} {'target ms':>10} {'took s':>7}")
        for name, size, longest, took, finished in rows:
            verdict = "" if longest <= TARGET_MS else "  OVER"
            took_text = f"{took:7.2f}" if finished else f">{ACTION_TIMEOUT_S:.0f}"
            print(f"{name[:58]:58} {size:>6} {longest:15.0f} {TARGET_MS:>10} {took_text:>7}{verdict}")
        over = [row for row in rows if row[2] > TARGET_MS]
        print(f"{len(rows)} actions, {len(over)} over {TARGET_MS} ms; pages the loader refused: {missing or 'none'}")
        window.close()
        app.processEvents()


if __name__ == "__main__":
    main()
