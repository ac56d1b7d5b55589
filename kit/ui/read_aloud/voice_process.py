"""The system's voice in a process of its own: `python -m kit.ui.read_aloud.voice_process ENGINE`.

Making a QTextToSpeech for speech-dispatcher takes 2-3 s (it lists ~1,500 espeak-ng voices) and holds Python's
lock all the while, so neither the GUI thread nor a worker thread of the app can do it without freezing the
window. This child does it; the app talks to it in JSON lines (kit.ui.read_aloud.engine.VoiceProcess):
  app → child: {"call": "say" | "pause" | "resume" | "stop" | "set_rate" | "set_language", "arg": ...}
  child → app: {"ready": true, "problem": str | null, "languages": [...]}, {"finished": true}
The child ends when its standard input closes (the app quit or stopped it).
"""

from __future__ import annotations

import json
import sys
import threading

from PySide6.QtCore import QCoreApplication, QObject, Signal

CALLS = ("say", "pause", "resume", "stop", "set_rate", "set_language")


def send(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


class _Commands(QObject):
    """Lines read from standard input on a plain thread, handed to the Qt thread as signals."""

    received = Signal(str)
    closed = Signal()

    def read_forever(self) -> None:
        for line in sys.stdin:
            self.received.emit(line)
        self.closed.emit()


def main(argv: list[str]) -> int:
    from kit.pyside_workarounds import protect_singletons
    from kit.ui.read_aloud.engine import QtSpeech

    protect_singletons()
    app = QCoreApplication(argv[:1])
    engine = QtSpeech(argv[1] if len(argv) > 1 else "speechd")
    problem = engine.problem()
    send({"ready": True, "problem": problem, "languages": [] if problem else sorted(engine.languages())})
    engine.finished.connect(lambda: send({"finished": True}))
    commands = _Commands()

    def run(line: str) -> None:
        try:
            message = json.loads(line)
        except ValueError:
            return
        call = message.get("call") if isinstance(message, dict) else None
        if call in CALLS:
            method = getattr(engine, call)
            method() if message.get("arg") is None else method(message["arg"])

    commands.received.connect(run)
    commands.closed.connect(app.quit)
    threading.Thread(target=commands.read_forever, daemon=True).start()
    status = app.exec()
    engine.stop()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
