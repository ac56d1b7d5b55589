"""The reader's trial layout, in a process of its own: `kit --kit-child layout-trial`, one page's HTML as JSON on
standard input ({"html": ...}); answers {"ms": how long Qt took to lay it out} on standard output.

A page can pass every structure limit of core and still take Qt seconds to lay out (half a megabyte of text runs
that Qt shapes character by character, measured in benchmarks/gui_block_bench.py). Laid out on the GUI thread it
would freeze the window; on a worker thread it deadlocked with the GUI thread in PySide (docs/bounded-work.md).
So a large page is laid out here first, and the reader shows it only if it fits the budget
(kit.ui.reader.layout_trial). QtGui only: no window, no widgets.
"""

from __future__ import annotations

import json
import re
import sys
import time

TRIAL_WIDTH = 720  # px: the reader's text column at its usual size (44 em of 12 pt type, kit.ui.reader.view)
TRIAL_POINT_SIZE = 12
_IMAGE = re.compile(r"<img\b[^>]*+>", re.IGNORECASE)  # pictures are capped separately (kit.core.render.links)


def lay_out(html_text: str) -> None:
    """Parse and lay out the page as the reader would (the whole of it, not only what a screen shows)."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    font = document.defaultFont()
    font.setPointSize(TRIAL_POINT_SIZE)
    document.setDefaultFont(font)
    document.setTextWidth(TRIAL_WIDTH)
    document.setHtml(f"<html><body>{_IMAGE.sub('', html_text)}</body></html>")
    document.size()  # forces the whole layout


def main(argv: list[str]) -> int:
    from kit.printing.app import ensure_gui_application

    try:
        html_text = str(json.loads(sys.stdin.read())["html"])
    except (ValueError, KeyError, TypeError):
        return 2
    ensure_gui_application()
    started = time.perf_counter()
    lay_out(html_text)
    elapsed = (time.perf_counter() - started) * 1000
    stream = sys.stdout if sys.stdout is not None else open(1, "w", closefd=False)  # noqa: SIM115 (windowed build)
    stream.write(json.dumps({"ms": round(elapsed, 1)}) + "\n")
    stream.flush()
    return 0
