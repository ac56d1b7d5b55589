"""Slides of the bundled kit on a projector: how large the text ends up, and how long fitting takes.

Run: `QT_QPA_PLATFORM=offscreen python benchmarks/slide_fit_bench.py [WIDTHxHEIGHT ...]`
Prints, per screen size, the body-text size the fit gives each slide (44 px at 1080 lines is the
design size), the smallest slide, every slide under the floor, and the time to lay a slide out.
The floor is 24 px at 1024×768 (3.125% of the screen height; issue 14): an old classroom projector's
resolution, read from the back row.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


FLOOR_SHARE = 24 / 768  # 24 px at 1024x768


def main(argv: list[str]) -> int:
    from kit.core.content.loader import load_library
    from kit.core.paths import resolve_locations
    from kit.ui.app import create_application

    create_application()
    from kit.ui.present.controller import Presentation
    from kit.ui.present.slide_view import SlideView

    library = load_library(list(resolve_locations().resource_dirs))
    for size in argv or ["1920x1080", "1024x768"]:
        width, height = (int(n) for n in size.split("x"))
        readable = FLOOR_SHARE * height
        view = SlideView()
        view.resize(width, height)
        rows, times = [], []
        for resource in library.resources:
            presentation = Presentation(resource)
            for index in range(presentation.count):
                view.set_slide(presentation.slide_html(index), resource.pack_dir)
                start = time.perf_counter()
                view.fit()
                times.append((time.perf_counter() - start) * 1000)
                rows.append((view.body_text_px(), resource.id, index + 1, presentation.slides[index].title))
        sizes = [row[0] for row in rows]
        small = sorted(row for row in rows if row[0] < readable)
        print(
            f"{width}x{height}: {len(rows)} slides; body text px min {min(sizes):.1f}, median "
            f"{statistics.median(sizes):.1f}, max {max(sizes):.1f}; fit ms median {statistics.median(times):.1f}, "
            f"max {max(times):.1f}"
        )
        smallest = min(rows)
        print(f"  smallest: {smallest[0]:.1f} px, {smallest[1]} slide {smallest[2]}: {smallest[3]}")
        print(f"  {len(small)} slides under the floor of {readable:.0f} px ({FLOOR_SHARE:.2%} of the height):")
        for px, resource_id, number, title in small:
            print(f"    {px:5.1f} px  {resource_id} slide {number}: {title}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
