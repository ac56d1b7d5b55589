"""The voice behind read aloud: Qt's QtTextToSpeech over the system's own speech (speech-dispatcher with
espeak-ng on Linux, SAPI/WinRT on Windows, AVSpeechSynthesizer on macOS), offline, nothing downloaded.

QtTextToSpeech comes with the PySide6-Addons wheel (the `speech` extra); without it, or without a voice, the
reader shows the one line NO_VOICE instead of reading. The rest of read aloud talks to the small `Engine`
interface below, so it is tested with Qt's own mock engine and with a fake.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QThread, Signal

# The platforms' engines in the order tried; Qt's "mock" engine is for tests only and never chosen by itself.
PREFERRED_ENGINES = ("winrt", "sapi", "darwin", "speechd", "flite", "android")
RATE_STEP = 0.1  # settings.speech_rate steps: -5..5 → QTextToSpeech's -0.5..0.5


def no_voice_line() -> str:
    return QCoreApplication.translate(
        "read_aloud",
        "Read aloud needs a voice: on Linux install speech-dispatcher and espeak-ng; Windows and macOS have them.",
    )


def no_language_line(language: str) -> str:
    name = QLocale(language).nativeLanguageName() or language
    return QCoreApplication.translate("read_aloud", "Read aloud has no %s voice on this computer.") % name


class Engine(Protocol):
    """What read aloud needs from a voice: speak one piece of text at a time, and say when it is done."""

    finished: Signal  # the text given to say() has been spoken (or stopped)
    ready: Signal  # an engine that prepares in the background (SpeechThread) is now ready, or found a problem

    def is_ready(self) -> bool: ...

    def shutdown(self) -> None:
        """Stop speaking and let go of the system's speech service (the window is closing)."""
        ...

    def problem(self) -> str | None:
        """None when it can speak, else one line saying why not."""
        ...

    def set_language(self, language: str) -> bool:
        """Choose a voice for 'en' or 'fr'; False when there is none."""
        ...

    def set_rate(self, steps: int) -> None: ...

    def say(self, text: str) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def stop(self) -> None: ...


class QtSpeech(QObject):
    """`Engine` over one QTextToSpeech, in the thread that makes it (Qt's mock engine in tests; SpeechThread's
    worker for the system's)."""

    finished = Signal()
    ready = Signal()  # never emitted: ready as soon as made

    def __init__(self, engine_name: str, parent: QObject | None = None):
        super().__init__(parent)
        from PySide6.QtTextToSpeech import QTextToSpeech  # loaded on first use: start-up never waits for it

        self._state = QTextToSpeech.State
        self.speech = QTextToSpeech(engine_name, self)
        self.engine_name = engine_name
        self._speaking = False
        self.speech.stateChanged.connect(self._state_changed)

    def is_ready(self) -> bool:
        return True

    def shutdown(self) -> None:
        self.stop()

    def problem(self) -> str | None:
        if self.speech.state() == self._state.Error or not self.speech.availableVoices():
            return no_voice_line()
        return None

    def languages(self) -> set[str]:
        """The languages ('en', 'fr', …) it has voices for."""
        return {locale.name().split("_")[0] for locale in self.speech.availableLocales()}

    def set_language(self, language: str) -> bool:
        locale = best_locale(language, self.speech.availableLocales())
        if locale is None:
            return False
        if self.speech.locale() != locale:
            self.speech.setLocale(locale)  # the engine's default voice for it
        return bool(self.speech.availableVoices())

    def set_rate(self, steps: int) -> None:
        self.speech.setRate(max(-1.0, min(1.0, steps * RATE_STEP)))

    def say(self, text: str) -> None:
        self._speaking = True
        self.speech.say(text)

    def pause(self) -> None:
        self.speech.pause()

    def resume(self) -> None:
        self.speech.resume()

    def stop(self) -> None:
        self._speaking = False
        self.speech.stop()

    def _state_changed(self, state) -> None:
        # Ready after speaking: the text is done. Error: nothing more will come; read aloud stops and says why.
        if state in (self._state.Ready, self._state.Error) and self._speaking:
            self._speaking = False
            self.finished.emit()


def best_locale(language: str, locales: list[QLocale], system: QLocale | None = None) -> QLocale | None:
    """The voice locale for text in `language`: the system's country first (fr_CA on a Quebec computer), then
    the language's main one (fr_FR, en_US), then any; None when there is no voice for the language."""
    wanted = QLocale(language)
    same = [locale for locale in locales if locale.language() == wanted.language()]
    system = system or QLocale.system()
    for territory in (system.territory(), wanted.territory()):
        for locale in same:
            if locale.territory() == territory:
                return locale
    return same[0] if same else None


def available_engines() -> list[str]:
    """The speech engines Qt found, platform ones first; empty when QtTextToSpeech is not installed."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return []
    found = QTextToSpeech.availableEngines()
    return [name for name in PREFERRED_ENGINES if name in found] + [
        name for name in found if name not in PREFERRED_ENGINES and name != "mock"
    ]


class _Worker(QObject):
    """Owns the QtSpeech in the speech thread; everything reaches it through queued signals."""

    built = Signal(object, object)  # problem (str or None), languages (set)
    finished = Signal()

    def __init__(self, engine_name: str):
        super().__init__()
        self.engine_name = engine_name
        self.engine: QtSpeech | None = None

    def build(self) -> None:
        self.engine = QtSpeech(self.engine_name, self)
        self.engine.finished.connect(self.finished)
        problem = self.engine.problem()
        self.built.emit(problem, set() if problem else self.engine.languages())

    def call(self, name: str, argument) -> None:
        if self.engine is not None:
            method = getattr(self.engine, name)
            method() if argument is None else method(argument)


class SpeechThread(QObject):
    """`Engine` over the system's QTextToSpeech living in a thread of its own: connecting to the speech service
    and listing its voices takes 2-3 s with speech-dispatcher (1,500 espeak-ng voices), which must not freeze the
    window. `ready` follows once it is made; until then is_ready() is False."""

    finished = Signal()
    ready = Signal()
    _call = Signal(str, object)

    def __init__(self, engine_name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._problem: str | None = None
        self._languages: set[str] | None = None
        self._thread = QThread(self)
        self._thread.setObjectName("speech")
        self._worker = _Worker(engine_name)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.build)
        self._thread.finished.connect(self._worker.deleteLater)  # deleted in its own thread, with its QtSpeech
        self._worker.built.connect(self._built)
        self._worker.finished.connect(self.finished)
        self._call.connect(self._worker.call)
        self._thread.start()

    def _built(self, problem: str | None, languages: set[str]) -> None:
        self._problem, self._languages = problem, languages
        self.ready.emit()

    def is_ready(self) -> bool:
        return self._languages is not None

    def problem(self) -> str | None:
        return self._problem

    def set_language(self, language: str) -> bool:
        if language not in (self._languages or ()):
            return False
        self._call.emit("set_language", language)
        return True

    def set_rate(self, steps: int) -> None:
        self._call.emit("set_rate", steps)

    def say(self, text: str) -> None:
        self._call.emit("say", text)

    def pause(self) -> None:
        self._call.emit("pause", None)

    def resume(self) -> None:
        self._call.emit("resume", None)

    def stop(self) -> None:
        self._call.emit("stop", None)

    def shutdown(self) -> None:
        if self._thread.isRunning():
            self._call.emit("stop", None)
            self._thread.quit()
            self._thread.wait()


def system_engine(parent: QObject | None = None) -> tuple[SpeechThread | None, str | None]:
    """The system's voice (being prepared) and None, or None and the line to show (no QtTextToSpeech, no
    speech engine). No voice at all shows once it is ready, through problem()."""
    names = available_engines()
    if not names:
        return None, no_voice_line()
    return SpeechThread(names[0], parent), None
