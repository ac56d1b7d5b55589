"""How long a second start of the app takes to hand over to the running one and exit (file association, C6/F9).

Run:  python3 benchmarks/single_instance_bench.py [--rounds 15]
Starts one `kit gui` offscreen on a temporary data folder, then each round runs, as new processes, in alternating
order: `kit --version` (the reference: the interpreter and the command line, nothing else) and `kit --data-dir D`
(claims the lock, finds it held, asks the running kit to come to the front, exits). Prints the median and the
fastest of each side by side, and how long the first start took until its socket answered.
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
sys.path.insert(0, str(REPO))


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    from kit.ui.single_instance.claim import forward, server_name
    from kit.ui.single_instance.message import RAISE, Request

    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    kit = [sys.executable, "-m", "kit"]
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        start = time.perf_counter()
        first = subprocess.Popen([*kit, "--data-dir", str(data), "gui"], env=env, stderr=subprocess.DEVNULL)
        try:
            while forward(server_name(data), Request(RAISE), wait_s=0.05) != "ok":
                if first.poll() is not None:
                    raise SystemExit("the first kit exited")
            ready = time.perf_counter() - start
            cases = {
                "kit --version (reference)": ["--version"],
                "kit --data-dir D (hand-over)": ["--data-dir", str(data)],
            }
            times: dict[str, list[float]] = {name: [] for name in cases}
            for round_ in range(rounds):
                order = list(cases.items()) if round_ % 2 == 0 else list(reversed(cases.items()))
                for name, args in order:
                    times[name].append(timed([*kit, *args], env))
        finally:
            first.kill()
            first.wait()
    print(f"first start until its socket answered: {ready * 1000:.0f} ms")
    print(f"{'command':32} {'median ms':>10} {'fastest ms':>11}   ({rounds} rounds)")
    for name, values in times.items():
        print(f"{name:32} {statistics.median(values) * 1000:10.0f} {min(values) * 1000:11.0f}")


if __name__ == "__main__":
    main()
