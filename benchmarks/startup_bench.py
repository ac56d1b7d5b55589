"""Start-up time to a mapped window and peak memory: kit against a bare PySide6 window (and Zeal / Kiwix Desktop
when installed), on a virtual X screen.

Run:  python3 benchmarks/startup_bench.py [--rounds 7]
Needs Xvfb and xdotool (apt-get install xvfb xdotool). Each round starts every program once, in alternating
order; the time is from process start until xdotool sees the program's window mapped, polling every ~10 ms
(`xdotool search --sync` waits 0.5 s between tries, which would hide every difference). Peak RSS is VmHWM,
read after the program has settled (kit has then loaded the library and built or opened its search index).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POLL_S = 0.010
TIMEOUT_S = 30.0
SETTLE_S = 3.0

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("Bare Qt")
window.setCentralWidget(QTextBrowser())
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """A private X server on a random free display (other runs on this machine may use the low numbers)."""
    import random

    for number in random.sample(range(200, 900), 20):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        display = f":{number}"
        server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.poll() is None:
            probe = subprocess.run(["xdpyinfo"], env={**os.environ, "DISPLAY": display}, capture_output=True)
            if probe.returncode == 0:
                return server, display
            time.sleep(0.05)
        server.kill()
        server.wait()
    raise SystemExit("could not start Xvfb")


def programs(data_dir: Path) -> dict[str, list[str]]:
    found = {
        "kit": [sys.executable, "-m", "kit", "--data-dir", str(data_dir), "gui"],
        "bare Qt": [sys.executable, "-c", BARE],
    }
    if shutil.which("zeal"):
        found["Zeal"] = ["zeal"]
    if shutil.which("kiwix-desktop"):
        found["Kiwix Desktop"] = ["kiwix-desktop"]
    return found


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds until the process's window is mapped and until it is ready, and the peak RSS in MB.

    "Ready" is when the window's title no longer says it is opening (kit shows its frame first and fills it
    after the first paint); for the other programs it is the same moment as "mapped".
    """
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(process.pid)], env=env, capture_output=True
            )
            if found.returncode == 0 and found.stdout.strip():
                mapped = time.monotonic() - started
                window = found.stdout.split()[0].decode()
                break
            if process.poll() is not None:
                detail = process.stderr.read().decode(errors="replace")[:600]
                raise RuntimeError(f"{command[0]} exited with {process.returncode} before mapping a window: {detail}")
            if time.monotonic() - started > TIMEOUT_S:
                raise RuntimeError(f"{command[0]} mapped no window in {TIMEOUT_S} s")
            time.sleep(POLL_S)
        ready = mapped
        while time.monotonic() - started < TIMEOUT_S:
            name = subprocess.run(["xdotool", "getwindowname", window], env=env, capture_output=True).stdout
            if b"opening" not in name:
                ready = time.monotonic() - started
                break
            time.sleep(POLL_S)
        time.sleep(SETTLE_S)
        return mapped, ready, peak_rss_mb(process.pid)
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds (at least 5)")
    args = parser.parse_args()
    rounds = max(5, args.rounds)
    server, display = start_xvfb()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", QTWEBENGINE_DISABLE_SANDBOX="1")
    results: dict[str, list[tuple[float, float]]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="kit-startup-") as scratch:
            # Installed Python packages come with compiled bytecode; let the warm-up round write it (outside the
            # source tree) instead of compiling every module at every start when PYTHONDONTWRITEBYTECODE is set.
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "pycache")
            table = programs(Path(scratch) / "data")
            for command in table.values():  # warm-up: disk cache, kit's search index; not counted
                measure(command, env)
            for number in range(rounds):
                order = list(table.items())
                if number % 2:
                    order.reverse()
                for name, command in order:
                    try:
                        sample = measure(command, env)
                    except RuntimeError as exc:  # a busy machine can drop one start; say so and try once more
                        print(f"retrying {name}: {exc}", file=sys.stderr)
                        sample = measure(command, env)
                    results.setdefault(name, []).append(sample)
                print(f"round {number + 1}/{rounds} done", file=sys.stderr)
    finally:
        server.terminate()
        server.wait()
    bare = statistics.median(t for t, _, _ in results["bare Qt"])
    print(f"\nStart-up to window mapped, {rounds} rounds each, alternating (Python {sys.version.split()[0]})\n")
    print("| program | mapped: median ms | min | max | ratio to bare Qt | ready: median ms | ratio | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, samples in results.items():
        mapped = [m * 1000 for m, _, _ in samples]
        ready = statistics.median(r * 1000 for _, r, _ in samples)
        rss = statistics.median(r for _, _, r in samples)
        median = statistics.median(mapped)
        print(
            f"| {name} | {median:.0f} | {min(mapped):.0f} | {max(mapped):.0f} | {median / 1000 / bare:.2f} "
            f"| {ready:.0f} | {ready / 1000 / bare:.2f} | {rss:.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
