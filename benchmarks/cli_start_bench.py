"""Cold start of the command line: `kit --version`, `kit list` and `kit show ID`, this checkout against another.

Run:  python3 benchmarks/cli_start_bench.py --reference /path/to/other/checkout [--rounds 15]
(e.g. a `git worktree add /tmp/before <commit>` of the commit before a change). Each round runs every command
once from each checkout, in alternating order, as a new process (interpreter start included, as a teacher or a
script sees it). Prints the median and the fastest time per command and checkout, side by side, and how many
modules building the full parser (what every command but plain `kit` does first) imports.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COMMANDS = {
    "--version": ["--version"],
    "list": ["list"],
    "show": ["show", "what-is-human-trafficking"],
}


def run_once(checkout: Path, args: list[str], data_dir: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(checkout), "KIT_DATA_DIR": data_dir, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kit", *args], env=env, cwd=checkout, capture_output=True, check=True)
    return time.perf_counter() - start


def modules_for_parser(checkout: Path) -> int:
    """How many modules building the full parser imports: steady where wall-clock times are noisy."""
    code = "import sys, kit.cli; kit.cli.build_parser(); print(len(sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=checkout, capture_output=True, check=True)
    return int(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, required=True, help="the other checkout to compare with")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    checkouts = {"this": REPO, "reference": args.reference.resolve()}
    times: dict[tuple[str, str], list[float]] = {(c, k): [] for c in checkouts for k in COMMANDS}
    with tempfile.TemporaryDirectory(prefix="kit-cli-bench-") as data_dir:
        for checkout in checkouts.values():  # warm the OS file cache and write .pyc files first
            for command in COMMANDS.values():
                run_once(checkout, command, data_dir)
        for round_number in range(args.rounds):
            order = list(checkouts.items())
            if round_number % 2:
                order.reverse()
            for name, checkout in order:
                for key, command in COMMANDS.items():
                    times[(name, key)].append(run_once(checkout, command, data_dir))
    print(f"{'command':<12}{'this (median / best)':>24}{'reference (median / best)':>30}")
    for key in COMMANDS:
        cells = []
        for name in checkouts:
            values = times[(name, key)]
            cells.append(f"{statistics.median(values) * 1000:6.0f} / {min(values) * 1000:4.0f} ms")
        print(f"{key:<12}{cells[0]:>24}{cells[1]:>30}")
    counts = [f"{modules_for_parser(checkout)} modules" for checkout in checkouts.values()]
    print(f"{'parser':<12}{counts[0]:>24}{counts[1]:>30}")
    print(f"{args.rounds} rounds; python {sys.version.split()[0]}; this = {REPO}; reference = {args.reference}")


if __name__ == "__main__":
    main()
