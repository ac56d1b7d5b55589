"""Read aloud: the page (or the selection, or the slide) spoken one sentence at a time, the sentence being read
highlighted and followed; pause, resume, stop and speed. One sentence is given to the voice at a time, so the
highlight never runs ahead of the voice, whatever the engine can report."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kit.core.render.sentences import Sentence, speakable, split_sentences
from kit.ui.i18n import translate
from kit.ui.read_aloud.engine import Engine, no_language_line, system_engine
from kit.ui.read_aloud.targets import Target

IDLE, PREPARING, READING, PAUSED = "idle", "preparing", "reading", "paused"


class ReadAloud(QObject):
    """One voice for the window and the presenter; `changed` whenever the state, sentence or message changes."""

    changed = Signal()

    def __init__(self, engine_factory: Callable[[QObject], tuple[Engine | None, str | None]] = system_engine,
                 parent: QObject | None = None):  # fmt: skip
        super().__init__(parent)
        self.engine_factory = engine_factory  # tests give Qt's mock engine or a fake
        self.engine: Engine | None = None
        self.state = IDLE
        self.message = ""  # one line for the bar: why it cannot read, or where it is
        self.rate = 0
        self.target: Target | None = None
        self.sentences: list[Sentence] = []
        self.index = -1
        self._pending: tuple[Target, str] | None = None  # what to read once the voice is ready

    def _voice(self) -> Engine | None:
        """The engine, made on first use (connecting to the system's speech takes a moment)."""
        if self.engine is None:
            engine, problem = self.engine_factory(self)
            if engine is None:
                self.message = problem or ""
                return None
            self.engine = engine
            engine.finished.connect(self._spoken)
            engine.ready.connect(self._engine_ready)
        return self.engine

    def _engine_ready(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and self.state == PREPARING:
            self.state = IDLE
            self.start(*pending)

    def start(self, target: Target, language: str) -> bool:
        """Read `target` in `language` ('en', 'fr'); False (and `message` says why) when it cannot. The first time,
        the system's voice may still be preparing: reading then starts when it is ready."""
        self.stop()
        engine = self._voice()
        if engine is not None and not engine.is_ready():
            self._pending = (target, language)
            self.state = PREPARING
            self.message = translate("ReadAloud", "Preparing the voice…")
            self.changed.emit()
            return True
        problem = self.message if engine is None else engine.problem()
        if problem is None and not engine.set_language(language):
            problem = no_language_line(language)
        if problem:
            self.message = problem
            self.changed.emit()
            return False
        first, last = target.reading_range()
        text = target.document().toPlainText()[first:last]  # positions in it are the document's, less `first`
        self.sentences = split_sentences(text, language, offset=first)
        if not self.sentences:
            self.message = translate("ReadAloud", "Nothing to read here.")
            self.changed.emit()
            return False
        self.target, self.state, self.index = target, READING, -1
        engine.set_rate(self.rate)
        self._speak_next()
        return True

    def _speak_next(self) -> None:
        problem = self.engine.problem()
        if problem:  # the voice went away (its process ended): say so rather than wait for it
            self._finish(problem)
            return
        self.index += 1
        if self.index >= len(self.sentences):
            self._finish(translate("ReadAloud", "Finished reading."))
            return
        sentence = self.sentences[self.index]
        self.target.show(sentence.start, sentence.end)
        self.message = translate("ReadAloud", "Reading sentence {number} of {count}").format(
            number=self.index + 1, count=len(self.sentences)
        )
        self.changed.emit()
        self.engine.say(speakable(sentence.text))

    def _spoken(self) -> None:
        if self.state == READING:
            self._speak_next()

    def toggle_pause(self) -> None:
        if self.state == PREPARING:
            return
        if self.state == READING:
            self.engine.pause()
            self.state = PAUSED
            self.message = translate("ReadAloud", "Paused at sentence {number} of {count}").format(
                number=self.index + 1, count=len(self.sentences)
            )
        elif self.state == PAUSED:
            self.engine.resume()
            self.state = READING
            self.message = translate("ReadAloud", "Reading sentence {number} of {count}").format(
                number=self.index + 1, count=len(self.sentences)
            )
        self.changed.emit()

    def stop(self) -> None:
        if self.state != IDLE:
            self._finish(translate("ReadAloud", "Stopped."))

    def _finish(self, message: str) -> None:
        was_reading = self.state in (READING, PAUSED)
        self.state, self._pending = IDLE, None
        if self.engine is not None and was_reading:
            self.engine.stop()
        if self.target is not None:
            self.target.clear()
        self.target, self.sentences, self.index = None, [], -1
        self.message = message
        self.changed.emit()

    def set_rate(self, steps: int) -> None:
        """Speed in steps of 0.1 from the voice's normal; the next sentence takes it."""
        self.rate = steps
        if self.engine is not None:
            self.engine.set_rate(steps)

    def shutdown(self) -> None:
        """The window is closing: stop, and end the speech thread."""
        self.stop()
        if self.engine is not None:
            self.engine.shutdown()

    def current(self) -> Sentence | None:
        return self.sentences[self.index] if 0 <= self.index < len(self.sentences) else None
