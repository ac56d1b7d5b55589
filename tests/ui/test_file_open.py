"""C6 on macOS: a pack double-clicked in Finder reaches the kit as a QFileOpenEvent (no argument); the application's
filter imports it as a forwarded pack is imported (kit.ui.single_instance.file_open). Posted here on Linux."""

import shutil

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from kit.ui.single_instance.answer import Answers
from kit.ui.single_instance.file_open import listen_for_opened_files
from testdata import DATA

GOOD_PACK = DATA / "bad_packs" / "good.kitpack"


def _post_open(path) -> None:
    QCoreApplication.postEvent(QApplication.instance(), QFileOpenEvent(str(path)))


def test_a_pack_opened_from_finder_is_imported(qtbot, window, features, tmp_path):
    pack = tmp_path / "from finder.KITPACK"  # a space and any case, as Finder hands them over
    shutil.copy(GOOD_PACK, pack)
    answers = Answers(window)
    answers.ready(features.teacher)
    listen_for_opened_files(QApplication.instance(), answers)
    assert window.library.pack("sample") is None
    _post_open(pack)
    qtbot.waitUntil(lambda: features.teacher.last_import == "sample", timeout=10_000)
    assert window.library.pack("sample") is not None


def test_other_files_and_events_are_left_alone(qtbot, window, features, tmp_path):
    """Not a pack, or a pack that is gone: nothing queued, the event goes on to Qt; other events pass untouched."""
    answers = Answers(window)
    opened = listen_for_opened_files(QApplication.instance(), answers)
    (tmp_path / "notes.txt").write_text("x")
    for path in (tmp_path / "notes.txt", tmp_path / "gone.kitpack", tmp_path):
        assert opened.eventFilter(QApplication.instance(), QFileOpenEvent(str(path))) is False
    assert opened.eventFilter(QApplication.instance(), QEvent(QEvent.Type.Show)) is False
    assert answers.waiting == []


def test_the_app_listens_for_opened_files(monkeypatch, locations):
    """run_app installs the filter on the application before its event loop runs (the event can come first)."""
    from kit.ui import app as app_module
    from kit.ui import restart
    from kit.ui.single_instance import file_open

    installed = []
    monkeypatch.setattr(
        restart, "_state", {"enabled": False, "command": None}
    )  # run_app enables Restart Now: not for later tests
    monkeypatch.setattr(file_open, "listen_for_opened_files", lambda app, answers: installed.append((app, answers)))
    monkeypatch.setattr(app_module, "after_first_paint", lambda window, start: None)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    window_closes = []
    monkeypatch.setattr(app_module.MainWindow, "show", lambda self: window_closes.append(self))
    assert app_module.run_app(locations) == 0
    assert installed and installed[0][0] is QApplication.instance()
    assert isinstance(installed[0][1], Answers)
    for window in window_closes:
        window.shutdown()
        window.deleteLater()
