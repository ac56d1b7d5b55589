"""Installer figures: artefact sizes, unpacked size, file count, and start-up of the frozen kit vs the venv kit.

Run after `python build_installer.py`:

    python benchmarks/installer_bench.py [--runs 7] [--out build/installer]

Start-up is the time until the process exits (wall and CPU), median of N interleaved runs after one warm-up,
for `kit --version` (interpreter + CLI), `kit list` (+ loading the kit) and `kit --smoke-test` (offscreen:
Qt, fonts, main window, search, PDF). The venv
kit is `pip install .` into build/bench-venv (created on first run).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(commands: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds per command. Runs alternate between the commands so that load from
    other processes on the machine falls on both alike; CPU time (user + system) is the steadier figure."""
    for command in commands.values():
        subprocess.run(command, env=env, capture_output=True, check=True)  # warm-up: page cache, .pyc files
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, check=True)
            wall[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in commands}


def venv_kit() -> Path:
    venv = REPO / "build" / "bench-venv"
    kit = venv / "bin" / "kit"
    if not kit.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", str(REPO)], check=True)
    return kit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=REPO / "build" / "installer")
    args = parser.parse_args()
    bundle = args.out / "dist" / "kit"
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    print(f"{'unpacked':<32} {sum(p.stat().st_size for p in files) / 2**20:8.1f} MiB")
    print(f"{'files':<32} {len(files):8d}")
    for artefact in sorted(args.out.glob("*.tar.gz")) + sorted(args.out.glob("*.deb")):
        print(f"{artefact.name:<32} {artefact.stat().st_size / 2**20:8.1f} MiB")
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
        kits = {"frozen": bundle / "kit", "venv": venv_kit()}
        print(f"start-up to exit, median of {args.runs} (wall / CPU ms):")
        for label in ("--version", "list", "--smoke-test"):
            figures = timed({name: [str(kit), *label.split()] for name, kit in kits.items()}, env, args.runs)
            line = "  ".join(f"{name} {wall * 1000:5.0f} / {cpu * 1000:5.0f}" for name, (wall, cpu) in figures.items())
            print(f"  kit {label:<27} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
