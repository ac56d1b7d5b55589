"""Read aloud: the page or the selection spoken sentence by sentence with the sentence highlighted and followed,
pause/resume/stop and speed, French voices for French resources, the presenter's R key, and one clear line
(never a dialog) without a voice. Driven by a fake engine and by Qt's own mock engine (PySide6-Addons)."""

import sys

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from kit.ui.read_aloud import engine as engine_module
from kit.ui.read_aloud.reading import IDLE, PAUSED, PREPARING, READING
from kit.ui.read_aloud.targets import SPOKEN
from ui.ui_helpers import open_and_wait

ENGLISH = "what-is-human-trafficking"


class FakeVoice(QObject):
    """An engine that says nothing aloud: it records what it was given and finishes when told to."""

    finished = Signal()
    ready = Signal()

    def __init__(self, languages=("en", "fr")):
        super().__init__()
        self.languages = languages
        self.said: list[str] = []
        self.calls: list[str] = []
        self.rate = 0
        self.language = None

    def problem(self):
        return None

    def is_ready(self):
        return True

    def shutdown(self):
        self.calls.append("shutdown")

    def set_language(self, language):
        self.language = language
        return language in self.languages

    def set_rate(self, steps):
        self.rate = steps

    def say(self, text):
        self.said.append(text)

    def pause(self):
        self.calls.append("pause")

    def resume(self):
        self.calls.append("resume")

    def stop(self):
        self.calls.append("stop")


@pytest.fixture
def voice(features):
    fake = FakeVoice()
    features.read_aloud.reading.engine_factory = lambda parent: (fake, None)
    return fake


def _spoken_selection(window):
    marked = [s for s in window.reader.extraSelections() if s.format.boolProperty(SPOKEN)]
    return marked[0].cursor.selectedText() if marked else None


def _french_id(window):
    return next(r.id for r in window.library.resources if r.language == "fr" and r.kind == "article")


def test_the_page_is_read_sentence_by_sentence_highlighted_and_followed(qtbot, window, features, voice):
    open_and_wait(qtbot, window, ENGLISH)
    reading = features.read_aloud.reading
    assert features.read_aloud.read_or_pause()
    assert features.read_aloud.bar.isVisible() and voice.language == "en"
    title = window.current_resource().title
    assert voice.said == [title] and _spoken_selection(window) == title  # from the top: the title first
    for _ in range(12):
        voice.finished.emit()
    assert len(voice.said) == 13 and reading.index == 12
    sentence = reading.current()
    assert _spoken_selection(window).replace("\u2029", "\n") == sentence.text  # the highlight is the one spoken
    assert window.reader.textCursor().position() == sentence.start  # followed: the caret (and view) is there
    assert features.read_aloud.bar.line.text() == f"Reading sentence 13 of {len(reading.sentences)}"
    while reading.state == READING:
        voice.finished.emit()
    assert reading.message == "Finished reading." and _spoken_selection(window) is None


def test_the_selection_alone_is_read(qtbot, window, features, voice):
    open_and_wait(qtbot, window, ENGLISH)
    cursor = window.reader.document().find("Under the Palermo Protocol")
    cursor.movePosition(cursor.MoveOperation.EndOfBlock, cursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)
    features.read_aloud.read_or_pause()
    while features.read_aloud.reading.state == READING:
        voice.finished.emit()
    assert voice.said[0].startswith("Under the Palermo Protocol") and len(voice.said) == 3
    assert voice.said[-1].startswith("Canada's Criminal Code")


def test_pause_resume_stop_and_speed(qtbot, window, features, voice):
    open_and_wait(qtbot, window, ENGLISH)
    actions, reading = features.read_aloud, features.read_aloud.reading
    window.activateWindow()
    qtbot.keyClick(window.reader, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert reading.state == READING
    actions.bar.pause_button.click()
    assert reading.state == PAUSED and voice.calls[-1] == "pause" and actions.bar.pause_button.text() == "Resume"
    voice.finished.emit()  # an engine finishing while paused does not move on
    assert reading.index == 0
    actions.read_or_pause()  # Ctrl+Shift+U again resumes
    assert reading.state == READING and voice.calls[-1] == "resume"
    actions.bar.speed.setValue(3)
    assert voice.rate == 3 and window.settings.speech_rate == 3
    actions.bar.stop_button.click()
    assert reading.state == IDLE and voice.calls[-1] == "stop" and _spoken_selection(window) is None
    assert actions.bar.line.text() == "Stopped."


def test_find_highlights_stay_while_reading(qtbot, window, features, voice):
    open_and_wait(qtbot, window, ENGLISH)
    window.find_bar.open_bar()
    window.find_bar.field.setText("trafficking")
    found = len(window.reader.extraSelections())
    assert found > 3
    features.read_aloud.read_or_pause()
    assert len(window.reader.extraSelections()) == found + 1
    features.read_aloud.reading.stop()
    assert len(window.reader.extraSelections()) == found


def test_french_resources_are_read_with_a_french_voice(qtbot, window, features, voice):
    open_and_wait(qtbot, window, _french_id(window))
    features.read_aloud.read_or_pause()
    assert voice.language == "fr" and voice.said


def test_no_french_voice_says_so_in_one_line(qtbot, window, features, voice):
    voice.languages = ("en",)
    open_and_wait(qtbot, window, _french_id(window))
    assert not features.read_aloud.read_or_pause()
    assert voice.said == []
    assert features.read_aloud.bar.line.text() == "Read aloud has no français voice on this computer."


def test_no_voice_at_all_is_one_line_never_a_dialog(qtbot, window, features, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # the Addons wheel is not installed
    assert engine_module.available_engines() == []
    assert features.read_aloud.reading.engine_factory is engine_module.system_engine
    open_and_wait(qtbot, window, ENGLISH)
    assert not features.read_aloud.read_or_pause()
    line = features.read_aloud.bar.line
    assert line.isVisible() and line.text().startswith("Read aloud needs a voice")
    assert "\n" not in line.text()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_the_presenter_reads_the_slide_with_r_and_a_new_slide_stops_it(qtbot, window, features, voice):
    open_and_wait(qtbot, window, ENGLISH)
    session = features.presenting.present_current()
    qtbot.keyClick(session.audience, Qt.Key.Key_R)
    reading = features.read_aloud.reading
    assert reading.state == READING and voice.said
    span = session.audience.slide_view.spoken
    assert span is not None and span == session.presenter.current_view.spoken
    document = session.audience.slide_view.document()
    assert document.toPlainText()[span[0] : span[1]] == reading.current().text
    qtbot.keyClick(session.audience, Qt.Key.Key_R)
    assert reading.state == PAUSED
    qtbot.keyClick(session.audience, Qt.Key.Key_Right)
    assert reading.state == IDLE and session.audience.slide_view.spoken is None
    features.presenting.end()


@pytest.fixture
def qt_speech():
    """QtTextToSpeech with Qt's mock engine (PySide6-Addons, the `speech` and `test` extras), or a skip."""
    speech = pytest.importorskip("PySide6.QtTextToSpeech", reason="Qt's mock engine comes with PySide6-Addons")
    if "mock" not in speech.QTextToSpeech.availableEngines():
        pytest.skip("Qt's mock speech engine is not in this Qt")
    return speech.QTextToSpeech


@pytest.fixture
def mock_engine(features, qt_speech):
    made = []

    def factory(parent):
        made.append(engine_module.QtSpeech("mock", parent))
        return made[-1], None

    features.read_aloud.reading.engine_factory = factory
    return made


def test_qt_mock_engine_reads_the_page_to_the_end_highlighting_each_sentence(qtbot, window, features, mock_engine):
    open_and_wait(qtbot, window, ENGLISH)
    reading = features.read_aloud.reading
    highlighted = []
    reading.changed.connect(lambda: highlighted.append(_spoken_selection(window)))
    cursor = window.reader.document().find("People may go along")
    cursor.movePosition(cursor.MoveOperation.EndOfBlock, cursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)  # three sentences, so the mock (10 words a second) is done in ~3 s
    assert features.read_aloud.read_or_pause()
    qtbot.waitUntil(lambda: reading.state == IDLE, timeout=15_000)
    assert reading.message == "Finished reading."
    spoken = [text for text in highlighted if text]
    assert spoken == [
        "People may go along with a situation for many reasons.",
        "They may be afraid, ashamed or in need of money.",
        "They may not know what will happen next.",
        "None of this makes it their fault.",
    ]


def test_qt_mock_engine_pauses_and_resumes(qtbot, window, features, mock_engine):
    open_and_wait(qtbot, window, ENGLISH)
    reading = features.read_aloud.reading
    features.read_aloud.read_or_pause()
    speech, state = mock_engine[0].speech, mock_engine[0].speech.State
    qtbot.waitUntil(lambda: speech.state() == state.Speaking)
    reading.toggle_pause()
    qtbot.waitUntil(lambda: speech.state() == state.Paused)
    reading.toggle_pause()
    qtbot.waitUntil(lambda: speech.state() == state.Speaking)
    reading.stop()
    assert reading.state == IDLE


def test_qt_mock_engine_has_no_french_voice_and_says_so(qtbot, window, features, mock_engine):
    open_and_wait(qtbot, window, _french_id(window))
    assert not features.read_aloud.read_or_pause()
    assert features.read_aloud.bar.line.text() == "Read aloud has no français voice on this computer."


def test_the_system_voice_is_prepared_in_its_own_process_then_reads(qtbot, window, features, qt_speech):
    """VoiceProcess (what the app uses) around Qt's mock engine: Read Aloud says it is preparing, then reads."""
    made = []

    def factory(parent):
        made.append(engine_module.VoiceProcess("mock", parent))
        return made[-1], None

    features.read_aloud.reading.engine_factory = factory
    open_and_wait(qtbot, window, ENGLISH)
    reading = features.read_aloud.reading
    assert features.read_aloud.read_or_pause()
    assert reading.state == PREPARING and features.read_aloud.bar.line.text() == "Preparing the voice…"
    qtbot.waitUntil(lambda: reading.state == READING, timeout=10_000)
    assert _spoken_selection(window) == window.current_resource().title
    qtbot.waitUntil(lambda: reading.index >= 1, timeout=10_000)  # the mock finished the title; the next follows
    window.shutdown()  # stops the voice and ends the voice process
    assert reading.state == IDLE and made[0].process.state() == made[0].process.ProcessState.NotRunning


def test_the_voice_follows_the_computers_country_then_the_languages_main_one():
    from PySide6.QtCore import QLocale

    from kit.ui.read_aloud.engine import best_locale

    voices = [QLocale("fr_BE"), QLocale("fr_FR"), QLocale("fr_CA"), QLocale("en_GB"), QLocale("en_US")]
    assert best_locale("fr", voices, QLocale("fr_CA")).name() == "fr_CA"  # a Quebec computer
    assert best_locale("fr", voices, QLocale("en_CA")).name() == "fr_CA"  # a Canadian one in English
    assert best_locale("fr", voices, QLocale("de_DE")).name() == "fr_FR"
    assert best_locale("en", voices, QLocale("C")).name() == "en_US"
    assert best_locale("fr", voices[:1], QLocale("C")).name() == "fr_BE"  # any French voice before none
    assert best_locale("fr", voices[3:], QLocale("fr_CA")) is None


def test_a_voice_process_that_dies_stops_reading_with_the_one_line(qtbot, window, features, qt_speech):
    made = []

    def factory(parent):
        made.append(engine_module.VoiceProcess("mock", parent))
        return made[-1], None

    features.read_aloud.reading.engine_factory = factory
    open_and_wait(qtbot, window, ENGLISH)
    reading = features.read_aloud.reading
    features.read_aloud.read_or_pause()
    qtbot.waitUntil(lambda: reading.state == READING, timeout=10_000)
    made[0].process.kill()
    qtbot.waitUntil(lambda: reading.state == IDLE, timeout=5_000)
    assert features.read_aloud.bar.line.text().startswith("Read aloud needs a voice")
    assert _spoken_selection(window) is None
