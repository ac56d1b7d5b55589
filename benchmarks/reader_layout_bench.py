"""How long Qt takes to lay out the reader's pages, by HTML size: the figures behind the reader's trial layout
(kit.ui.reader.layout_trial: pages over TRIAL_ABOVE_CHARS of HTML are laid out in a child process first).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/reader_layout_bench.py [--kb 8 16 32 64 128] [--trial]

For each size, every piece of tests/hostile_text.py repeated to that size is rendered as the reader renders it
(kit.core.render.markup: pages over a structure limit are refused there and never laid out) and laid out in a
QTextDocument at the reader's width, on this process's main thread, as the reader would on the GUI thread.
Printed: the pages core allowed, the worst layout time and its piece, and the worst cost per 1,000 characters of
HTML; then the bundled pages (what a normal page costs) and the threshold's verdict. --trial also times the
child process that lays out one page (what a page above the threshold pays before it shows).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))


def layout_ms(html_text: str) -> float:
    from kit.ui.reader.layout_trial_child import lay_out

    started = time.perf_counter()
    lay_out(html_text)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kb", type=int, nargs="*", default=[8, 16, 32, 64, 128], help="page sizes in KB")
    parser.add_argument("--trial", action="store_true", help="also time the trial child on one large page")
    args = parser.parse_args()

    from hostile_text import PIECES

    from kit.core.content.loader import load_library
    from kit.core.render import markup
    from kit.core.render.reading_page import build_page
    from kit.printing.app import ensure_gui_application
    from kit.ui.reader.layout_trial import BUDGET_MS, SHOW_FACTOR, TRIAL_ABOVE_CHARS

    ensure_gui_application()
    layout_ms("<p>warm up</p>")
    heads = f"{'worst piece':24} {'its HTML chars':>14} {'ms per 1,000':>13}"
    print(f"{'page KB':>7} {'allowed':>8} {'worst ms':>9}  {heads}")
    worst_rate = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch) / "page.md"
        for kb in args.kb:
            rows = []
            for piece in PIECES:
                body = piece * (kb * 1024 // len(piece))
                rendered = markup.render_markdown(body, Path(scratch), page)
                if rendered.safe:
                    rows.append((layout_ms(rendered.html), repr(piece)[1:-1][:22], len(rendered.html)))
            worst = max(rows)
            # Per 1,000 characters, over pages with some HTML to lay out (a near-empty one costs a fixed ~2 ms).
            rate = max(ms / chars * 1000 for ms, _piece, chars in rows if chars >= 2_000)
            worst_rate = max(worst_rate, rate)
            print(f"{kb:>7} {len(rows):>8} {worst[0]:9.0f}  {worst[1]:24} {worst[2]:>14,} {rate:13.2f}")

    bundled = load_library([REPO / "resources"])
    pages = [build_page(resource, bundled, "teacher").html for resource in bundled.resources]
    sizes = sorted(len(html) for html in pages)
    times = [layout_ms(html) for html in pages]
    print(
        f"bundled pages: {len(pages)}, HTML chars median {statistics.median(sizes):,.0f}, largest {sizes[-1]:,}; "
        f"layout ms median {statistics.median(times):.0f}, worst {max(times):.0f}"
    )
    print(
        f"threshold {TRIAL_ABOVE_CHARS:,} chars × worst {worst_rate:.2f} ms per 1,000 × {SHOW_FACTOR:g} layouts when "
        f"shown = {TRIAL_ABOVE_CHARS / 1000 * worst_rate * SHOW_FACTOR:.0f} ms at most without a trial "
        f"(budget {BUDGET_MS} ms); bundled pages over it: {sum(size > TRIAL_ABOVE_CHARS for size in sizes)}"
    )
    if args.trial:
        _time_trial()


def _time_trial() -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from kit.ui.reader.layout_trial import LayoutTrial

    for kb, piece in ((64, "word "), (480, "word ")):
        html_text = "<p>" + piece * (kb * 1024 // len(piece)) + "</p>"
        results: list[tuple[float, bool]] = []
        loop = QEventLoop()
        trial = LayoutTrial(html_text)
        trial.done.connect(lambda ms, fits, r=results, q=loop: (r.append((ms, fits)), q.quit()))
        started = time.perf_counter()
        trial.start()
        loop.exec()
        took = (time.perf_counter() - started) * 1000
        ms, fits = results[0]
        print(f"trial child, {kb} KB of words: {took:.0f} ms in all, layout {ms:.0f} ms, fits the budget: {fits}")
        QCoreApplication.processEvents()


if __name__ == "__main__":
    main()
