"""How long loading (and rendering) the bundled kit takes. Run: python3 benchmarks/load_bench.py [--rounds N]"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    from kit.core.content.loader import load_library
    from kit.core.render import markup

    roots = [REPO / "resources"]
    load_library(roots)  # warm the imports once; the figures below are steady-state
    loads, renders = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        library = load_library(roots)
        loads.append(time.perf_counter() - start)
        markup._render_cached.cache_clear()
        start = time.perf_counter()
        for resource in library.resources:
            markup.render(resource, "student")
            markup.render(resource, "teacher")
        renders.append(time.perf_counter() - start)
    count = len(library.resources)
    cold = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kit", "list"], cwd=REPO, capture_output=True, check=True)
        cold.append(time.perf_counter() - start)
    print(f"resources: {count} in {len(library.packs)} pack(s), {args.rounds} rounds")
    print(
        f"load (parse + validate front matter): median {statistics.median(loads) * 1000:.1f} ms, "
        f"max {max(loads) * 1000:.1f} ms, {statistics.median(loads) * 1000 / count:.2f} ms per resource"
    )
    print(f"render both editions of every resource: median {statistics.median(renders) * 1000:.1f} ms")
    median_cold = statistics.median(cold) * 1000
    print(f"`kit list` as a new process (interpreter start + imports + load): median {median_cold:.0f} ms")


if __name__ == "__main__":
    main()
