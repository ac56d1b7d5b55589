"""The figures register's passes on hostile pages: seconds for `kit validate`, this checkout beside a reference.

Run: python benchmarks/figures_bench.py [--reference COMMIT] [--timeout S]

Each case is a one-page pack with a figures.yaml (so the statistics check runs); `kit validate` runs as a user
would (bounded_work_bench's subprocess and fresh data dirs). The default reference, 3051728, is the first
statistics pattern, which read a run of thousands groups again from every group and every alternative.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bounded_work_bench import REPO, _extract, _pack, _run  # the sibling script's helpers, after the path

REGISTER = (
    'sources:\n  s:\n    title: T\n    publisher: P\n    date: "2024"\n    url: "https://example.org"\n'
    'figures:\n  f:\n    value: "1"\n    counts: c\n    as_of: 2024\n    source: s\n    checked: 2026-12-06\n'
)
CASES = {
    "10 KB of ' 000' groups": "1" + " 000" * 2500 + "\n",
    "40 KB of ' 000' groups": "1" + " 000" * 10_000 + "\n",
    "40 KB of ',000' groups": "1" + ",000" * 10_000 + "\n",
    "40 KB of '5% '": "5% " * 13_000 + "\n",
    "40 KB of unknown tokens": "{{fig:x}}\n" * 4_000,
    "40 KB of 'neuf victimes sur dix'": "neuf victimes sur dix " * 1_800 + "\n",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reference", default="3051728", help="commit to compare with (default: the first pattern)")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        reference = _extract(args.reference, scratch_dir / "reference")
        print(f"{'case':34} {'KB':>6} {'this checkout':>14} {args.reference:>14}")
        for number, (name, body) in enumerate(CASES.items()):
            pack = _pack(scratch_dir / f"pack-{number}", body)
            (pack / "figures.yaml").write_text(REGISTER, encoding="utf-8")
            size = (pack / "page.md").stat().st_size / 1024
            now = _run(REPO, "validate", pack, scratch_dir, args.timeout)
            before = _run(reference, "validate", pack, scratch_dir, args.timeout)
            print(f"{name:34} {size:6.1f} {now:>14} {before:>14}", flush=True)


if __name__ == "__main__":
    main()
