"""The voice behind read aloud: Qt's QtTextToSpeech over the system's own speech (speech-dispatcher with
espeak-ng on Linux, SAPI/WinRT on Windows, AVSpeechSynthesizer on macOS), offline, nothing downloaded.

QtTextToSpeech comes with the PySide6-Addons wheel (the `speech` extra); without it, or without a voice, the
reader shows the one line NO_VOICE instead of reading. The rest of read aloud talks to the small `Engine`
interface below, so it is tested with Qt's own mock engine and with a fake.
"""

from __future__ import annotations

import json
from typing import Protocol

from PySide6.QtCore import QLocale, QObject, QProcess, Signal

from kit.ui.child_processes import read_messages
from kit.ui.i18n import translate
from kit.ui.read_aloud import voice_command

# The platforms' engines in the order tried; Qt's "mock" engine is for tests only and never chosen by itself.
PREFERRED_ENGINES = ("winrt", "sapi", "darwin", "speechd", "flite", "android")
RATE_STEP = 0.1  # settings.speech_rate steps: -5..5 → QTextToSpeech's -0.5..0.5


def no_voice_line() -> str:
    return translate(
        "ReadAloud",
        "Read aloud needs a voice: on Linux install speech-dispatcher and espeak-ng; Windows and macOS have them.",
    )


def no_language_line(language: str) -> str:
    name = QLocale(language).nativeLanguageName() or language
    return translate("ReadAloud", "Read aloud has no {language} voice on this computer.").format(language=name)


class Engine(Protocol):
    """What read aloud needs from a voice: speak one piece of text at a time, and say when it is done."""

    finished: Signal  # the text given to say() has been spoken (or stopped)
    ready: Signal  # an engine that prepares in the background (VoiceProcess) is now ready, or found a problem

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
    """`Engine` over one QTextToSpeech, in the process that makes it (the voice process; Qt's mock engine in
    tests)."""

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


class VoiceProcess(QObject):
    """`Engine` over the system's QTextToSpeech in a child process (kit.ui.read_aloud.voice_process): making it
    for speech-dispatcher takes 2-3 s and holds Python's lock, which would freeze the window even from a
    thread. `ready` follows once the child has made it; until then is_ready() is False."""

    finished = Signal()
    ready = Signal()

    def __init__(self, engine_name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.engine_name = engine_name
        self._problem: str | None = None
        self._languages: set[str] | None = None
        self._buffer = b""
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.errorOccurred.connect(self._failed)
        self.process.finished.connect(lambda *_: self._failed())
        self.process.start(*voice_command.command(engine_name))  # Python's -m, or the frozen kit's hidden argument

    def _read(self) -> None:
        messages, self._buffer = read_messages(self.process, self._buffer)
        for message in messages:
            if message.get("ready"):
                self._problem, self._languages = message.get("problem"), set(message.get("languages") or ())
                self.ready.emit()
            elif message.get("finished"):
                self.finished.emit()

    def _failed(self, *_args) -> None:
        """The child could not start or ended: no voice from now on (read aloud stops and says so)."""
        if self._languages is None or self._problem is None:
            self._problem, self._languages = no_voice_line(), set()
            self.ready.emit()
            self.finished.emit()

    def _send(self, call: str, argument=None) -> None:
        if self.process.state() == QProcess.ProcessState.Running:
            self.process.write((json.dumps({"call": call, "arg": argument}) + "\n").encode())

    def is_ready(self) -> bool:
        return self._languages is not None

    def problem(self) -> str | None:
        return self._problem

    def set_language(self, language: str) -> bool:
        if language not in (self._languages or ()):
            return False
        self._send("set_language", language)
        return True

    def set_rate(self, steps: int) -> None:
        self._send("set_rate", steps)

    def say(self, text: str) -> None:
        self._send("say", text)

    def pause(self) -> None:
        self._send("pause")

    def resume(self) -> None:
        self._send("resume")

    def stop(self) -> None:
        self._send("stop")

    def shutdown(self) -> None:
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self._problem = self._problem or no_voice_line()  # ending it is not a failure to report
            self._send("stop")
            self.process.closeWriteChannel()  # the child quits when its input closes
            if not self.process.waitForFinished(2000):
                self.process.kill()
                self.process.waitForFinished(1000)


def system_engine(parent: QObject | None = None) -> tuple[Engine | None, str | None]:
    """The system's voice (being prepared) and None, or None and the line to show (no QtTextToSpeech, no
    speech engine). No voice at all shows once it is ready, through problem(). The installed (frozen) app starts
    its child from its own program too (kit.ui.read_aloud.voice_command)."""
    names = available_engines()
    if not names:
        return None, no_voice_line()
    return VoiceProcess(names[0], parent), None
