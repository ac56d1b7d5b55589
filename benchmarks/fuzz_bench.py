"""The long fuzz run of issue 15: many hostile inputs through the index pass, the renderer, front matter, the
query parser and the manifest check; prints inputs, time per KB (median, p99, worst) and failures per target.

Run: python benchmarks/fuzz_bench.py [--inputs N] [--seed S] [--max-kb K]

The inputs come from tests/hostile_text.py (the same pieces the Hypothesis tests use), from a seeded random
source, so a run can be repeated. A failure is an exception other than the target's own refusal, or a render
slower than 2 s. The slowest input of each target is written to --keep (default: a temporary folder) to be
turned into a test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

RENDER_LIMIT_S = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", type=int, default=2000, help="inputs per target")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--max-kb", type=int, default=40, help="largest Markdown input")
    parser.add_argument("--keep", type=Path, default=None, help="folder for the slowest input of each target")
    args = parser.parse_args()

    from hostile_text import PIECES, YAML_PIECES, compose

    from kit.core.content.frontmatter import ReadError, parse_front_matter
    from kit.core.packs.manifest import PackError, parse_manifest
    from kit.core.render import markup
    from kit.core.search.documents import markdown_to_text
    from kit.core.search.query import parse

    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    keep = args.keep or folder
    keep.mkdir(parents=True, exist_ok=True)

    def render(text: str) -> None:
        markup.render_markdown(text, folder, folder / "page.md")

    def front_matter(text: str) -> None:
        with contextlib.suppress(ReadError):
            parse_front_matter(text)

    def manifest(text: str) -> None:
        with contextlib.suppress(PackError):
            parse_manifest(text.encode("utf-8", "surrogatepass"))

    max_chars = args.max_kb * 1024
    targets = {
        "index text pass": (markdown_to_text, PIECES, max_chars),
        "render (python-markdown + nh3)": (render, PIECES, max_chars),
        "front matter (YAML)": (front_matter, YAML_PIECES, 16 * 1024),
        "query parser": (parse, PIECES, 1024),
        "manifest.json": (manifest, (*PIECES, '{"format": "kitpack", ', '"files": [', "[", "{", '"'), 8 * 1024),
    }
    print(f"seed {args.seed}, {args.inputs} inputs per target, Markdown up to {args.max_kb} KB")
    header = f"{'inputs':>7} {'MB':>6} {'median ms/KB':>13} {'p99 ms/KB':>10} {'worst s':>8} {'failures':>9}"
    print(f"{'target':32} {header}")
    for name, (call, pieces, limit) in targets.items():
        rng = random.Random(f"{args.seed}-{name}")
        per_kb, worst, worst_text, failures, total = [], 0.0, "", [], 0
        for _ in range(args.inputs):
            text = compose(rng, pieces, rng.randint(0, limit))
            total += len(text)
            start = time.perf_counter()
            try:
                call(text)
            except Exception as exc:  # a target's own refusals are caught above; anything else is a finding
                failures.append(f"{type(exc).__name__}: {str(exc)[:80]}")
            took = time.perf_counter() - start
            if name.startswith("render") and took > RENDER_LIMIT_S:
                failures.append(f"took {took:.1f} s")
            per_kb.append(took * 1000 / max(len(text) / 1024, 0.25))  # under 256 chars counts as 0.25 KB
            if took > worst:
                worst, worst_text = took, text
        per_kb.sort()
        p99 = per_kb[min(len(per_kb) - 1, int(len(per_kb) * 0.99))]
        slug = name.split()[0]
        (keep / f"slowest-{slug}.json").write_text(json.dumps(worst_text), encoding="utf-8")
        print(
            f"{name:32} {args.inputs:>7} {total / 1e6:>6.1f} {statistics.median(per_kb):>13.3f} {p99:>10.3f} "
            f"{worst:>8.2f} {len(failures):>9}",
            flush=True,
        )
        for failure in sorted(set(failures))[:5]:
            print(f"    {failure}")
    print(f"slowest inputs kept in {keep}")


if __name__ == "__main__":
    main()
