"""Read aloud: how long from the command to the first word, in English and French, with this machine's voice.

Run: python benchmarks/read_aloud_bench.py --audio FILE [--runs N]

A bundled page (English, then French) is shown in the reader and read aloud through the app's own path:
kit.ui.read_aloud.ReadAloud.start on the reader, with the system's engine in its own process (VoiceProcess).
Printed in milliseconds, medians of N runs:
  - first use: from the first Read Aloud to the voice being ready (QtTextToSpeech connecting to the speech
    service and listing its voices, in the voice process), and to the first sound, once per app run; beside it the
    longest gap between ticks of a 10 ms timer on the GUI thread meanwhile (what the window's user feels), and
    the same engine made in the app instead (QtSpeech, what VoiceProcess avoids);
  - first sound: from start() (the command) to the first non-silent sample reaching the sound device, the voice
    already prepared, each run after 0.3 s of silence on the device. FILE holds what the sound device plays,
    16-bit mono at 22,050 Hz: on a machine without a sound card, a PulseAudio null sink's monitor recorded
    with parec (docs/accessibility.md says how);
  - reference: `espeak-ng --stdout` on the same first sentence, from launch to its first non-silent sample
    (synthesis alone: no speech service, no app).
Needs PySide6-Addons (QtTextToSpeech) and, on Linux, speech-dispatcher with espeak-ng.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PAGES = {"en": "what-is-human-trafficking", "fr": "fr-quest-ce-que-la-traite"}
WAV_HEADER = 44
TIMEOUT_S = 15.0


def _sounds(data: bytes) -> bool:
    """Whether 16-bit samples hold anything but silence."""
    return any(data[i] or data[i + 1] for i in range(0, len(data) - 1, 2))


def watch_sound(path: Path, offset: int, heard: dict) -> threading.Thread:
    """A thread noting (perf_counter) when bytes past `offset` in `path` first hold sound."""

    def watch() -> None:
        deadline = time.perf_counter() + TIMEOUT_S
        while time.perf_counter() < deadline:
            if path.exists():
                with path.open("rb") as handle:
                    handle.seek(offset)
                    if _sounds(handle.read()):
                        heard["sound"] = time.perf_counter()
                        return
            time.sleep(0.001)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def wait_for_silence(path: Path, seconds: float = 0.3) -> None:
    """Until the device has written `seconds` of silence (16-bit mono at 22,050 Hz): the stopped sentence of
    the run before must not be taken for the next one's first sound."""
    size = int(22050 * seconds) * 2
    deadline = time.perf_counter() + TIMEOUT_S
    while time.perf_counter() < deadline:
        with path.open("rb") as handle:
            handle.seek(max(0, path.stat().st_size - size))
            tail = handle.read()
        if len(tail) >= size and not _sounds(tail):
            return
        time.sleep(0.02)


def espeak_first_sound(text: str, language: str) -> float:
    """Milliseconds from launching espeak-ng to the first non-silent sample on its stdout."""
    started = time.perf_counter()
    process = subprocess.Popen(["espeak-ng", "-v", language, "--stdout", text], stdout=subprocess.PIPE)
    seen = b""
    while chunk := process.stdout.read1(4096):
        seen += chunk
        if _sounds(seen[WAV_HEADER:]):
            break
    elapsed = (time.perf_counter() - started) * 1000
    process.kill()
    process.wait()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audio", type=Path, required=True, help="the file the sound device writes")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from kit.core.content.loader import load_library
    from kit.core.render.markup import render
    from kit.pyside_workarounds import protect_singletons
    from kit.ui.read_aloud.reading import IDLE, READING, ReadAloud
    from kit.ui.read_aloud.targets import ReaderTarget
    from kit.ui.reader.view import Reader

    protect_singletons()  # see kit.pyside_workarounds: a long run of signals would crash without it
    app = QApplication([])
    library = load_library([REPO / "resources"])
    reading = ReadAloud()  # the system's engine, as the app makes it

    def wait(condition) -> None:
        deadline = time.perf_counter() + TIMEOUT_S
        while not condition() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)

    def read(language: str) -> tuple[float | None, float | None, str]:
        """(ms to the voice ready, ms to the first sound, first sentence) for one Read Aloud."""
        view = Reader()
        view.setHtml(render(library.get(PAGES[language]), "student").html)
        if args.audio.exists():
            wait_for_silence(args.audio)
        offset = args.audio.stat().st_size if args.audio.exists() else 0
        heard: dict[str, float] = {}
        watcher = watch_sound(args.audio, offset, heard)
        began = time.perf_counter()
        reading.start(ReaderTarget(view), language)
        wait(lambda: reading.state != "preparing")
        ready = time.perf_counter()
        if reading.state != READING:
            print(f"{language}: {reading.message}")
            return None, None, ""
        sentence = reading.current().text
        wait(lambda: "sound" in heard or not watcher.is_alive())
        reading.stop()
        wait(lambda: reading.state == IDLE)
        sound = (heard["sound"] - began) * 1000 if "sound" in heard else None
        return (ready - began) * 1000, sound, sentence

    try:
        return measure(read, reading, args.runs)
    finally:
        reading.shutdown()


def measure(read, reading, runs: int) -> int:
    from PySide6.QtCore import QTimer

    from kit.ui.read_aloud.engine import QtSpeech

    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    ready_ms, first_ms, _ = read("en")
    timer.stop()
    gap = max((b - a for a, b in itertools.pairwise(ticks)), default=0.0) * 1000
    started = time.perf_counter()
    blocking = QtSpeech(reading.engine.engine_name)  # the reference: the same engine made on the GUI thread
    blocking_ms = (time.perf_counter() - started) * 1000
    blocking.deleteLater()
    print(
        f"first use (engine in its process): ready in {ready_ms:.0f} ms, first sound at {first_ms or 0:.0f} ms, "
        f"longest GUI-thread gap {gap:.0f} ms; made in the app instead: blocked {blocking_ms:.0f} ms"
    )
    print(f"{'language':10}{'first sound ms':>16}{'espeak-ng ms':>14}  runs  first sentence")
    for language in PAGES:
        sounds, references, sentence = [], [], ""
        for _ in range(runs):
            _ready, sound, sentence = read(language)
            if sound is not None:
                sounds.append(sound)
            if sentence:
                references.append(espeak_first_sound(sentence, language))
        median = statistics.median
        shown = f"{median(sounds):.0f}" if sounds else "—"
        reference = f"{median(references):.0f}" if references else "—"
        print(f"{language:10}{shown:>16}{reference:>14}  {len(sounds):>4}  {sentence[:50]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
