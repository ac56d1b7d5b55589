"""Teacher's own data: how long adding material, packs and store writes take. Prints figures; run:

python3 benchmarks/own_data_bench.py
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kit.core.content.loader import load_library  # noqa: E402
from kit.core.packs import exporter, importer, own_pack  # noqa: E402
from kit.core.store.database import LessonItem, Store  # noqa: E402


def timed(function, repeat: int) -> tuple[float, float]:
    times = []
    for number in range(repeat):
        started = time.perf_counter()
        function(number)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    bundled = REPO / "resources"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = tmp / "lesson.md"
        source.write_text("# My lesson\n\n" + "Words about the plan for today. " * 300)
        packs_dir = tmp / "packs"
        own_pack.own_pack_dir(packs_dir)
        taken: set[str] = set()
        median, worst = timed(lambda n: taken.add(own_pack.add_file(source, packs_dir, taken).resource_id), 20)
        print(f"add one file to the own pack (write + validate): median {median:.1f} ms, max {worst:.1f} ms")
        median, worst = timed(lambda n: load_library([bundled, packs_dir / "own"]), 5)
        print(f"reload the library (bundled + {20} own files): median {median:.1f} ms, max {worst:.1f} ms")

        library = load_library([bundled])
        out = tmp / "kit.kitpack"
        median, worst = timed(lambda n: exporter.export_pack(library, [library.packs[0].id], out), 5)
        print(f"export the bundled pack ({out.stat().st_size // 1024} KB): median {median:.1f} ms, max {worst:.1f} ms")
        median, worst = timed(lambda n: importer.import_pack(out, tmp / "in", on_conflict="replace"), 5)
        print(f"import it (check whole, stage, validate content, rename): median {median:.1f} ms, max {worst:.1f} ms")
        bomb = REPO / "tests" / "data" / "bad_packs" / "z10-overlap-bomb.kitpack"

        def refuse(_n):
            with contextlib.suppress(importer.PackError):
                importer.import_pack(bomb, tmp / "in2")

        median, worst = timed(refuse, 5)
        print(f"refuse the overlapping-entry bomb (100 MB inflated): median {median:.2f} ms, max {worst:.2f} ms")

        data = tmp / "data"
        median, worst = timed(lambda n: Store.open(data).close(), 10)
        print(f"open the store: median {median:.1f} ms, max {worst:.1f} ms")
        with Store.open(data) as store:
            median, worst = timed(lambda n: store.set_note("r", "x" * 10_000_000), 5)
            print(f"save a 10 MB note: median {median:.1f} ms, max {worst:.1f} ms")
            median, worst = timed(lambda n: store.set_note("r", f"short note {n}"), 50)
            print(f"save a short note: median {median:.2f} ms, max {worst:.2f} ms")
            items = [LessonItem(f"r{n}", 10) for n in range(12)]
            lesson_id = store.create_lesson("L", items=items)
            lesson = store.lesson(lesson_id)
            median, worst = timed(lambda n: store.update_lesson(lesson), 50)
            print(f"save a 12-item lesson: median {median:.2f} ms, max {worst:.2f} ms")


if __name__ == "__main__":
    main()
