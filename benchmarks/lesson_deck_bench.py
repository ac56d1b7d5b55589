"""A lesson of every bundled resource presented as one deck: how long the deck takes to open (both views) and to
step through, and printed as one packet: how long the packet's pages take to lay out.

Run: `QT_QPA_PLATFORM=offscreen python benchmarks/lesson_deck_bench.py`
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    from kit.core.content.loader import load_library
    from kit.core.paths import resolve_locations
    from kit.ui.app import create_application

    app = create_application()
    from kit.printing import Cover, build_document
    from kit.ui.present.session import PresentationSession

    library = load_library(list(resolve_locations().resource_dirs))
    resources = list(library.resources)
    start = time.perf_counter()
    session = PresentationSession(resources, full_screen=False, title="Every resource", screens=[])
    session.show()
    app.processEvents()
    opened = time.perf_counter()
    deck = session.presentation
    for _ in range(deck.count - 1):
        deck.next()
        app.processEvents()
    stepped = time.perf_counter()
    session.close()
    print(f"deck: {len(resources)} resources, {deck.count} slides ({len(deck.title_slides)} title slides)")
    print(f"  open both views: {1000 * (opened - start):.0f} ms")
    each = 1000 * (stepped - opened) / deck.count
    print(f"  step through: {1000 * (stepped - opened):.0f} ms, {each:.1f} ms a slide")
    start = time.perf_counter()
    document = build_document(resources, cover=Cover("Every resource"))
    pages = document.page_count
    print(f"packet: {pages} pages laid out in {1000 * (time.perf_counter() - start):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
