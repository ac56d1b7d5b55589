"""Fixtures for the app's widgets: a library, a window with fresh settings, and a fake of the core search."""

from pathlib import Path

import pytest

from kit.core.content.loader import load_library
from kit.core.paths import resolve_locations
from kit.core.settings import load_settings
from kit.ui.library.search_service import SearchService
from kit.ui.main_window import MainWindow
from ui.fake_search import FakeSearchIndex
from ui.ui_helpers import REPO


@pytest.fixture(scope="session")
def kit_library():
    return load_library([REPO / "resources"])


@pytest.fixture
def config_dir(tmp_path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def make_window(qtbot, kit_library, config_dir, tmp_path):
    """Build a main window like the app does (settings from `config_dir`); search uses the fake index."""

    def make(library=kit_library, opener=None, index=True):
        settings, _notice = load_settings(config_dir)
        service = SearchService(opener or FakeSearchIndex.opener())
        window = MainWindow(
            settings=settings,
            config_dir=config_dir,
            index_dir=tmp_path / "index" if index else None,
            search=service,
        )
        service.setParent(window)
        qtbot.addWidget(window)
        window.show()
        if library is not None:
            window.set_library(library)
        return window

    return make


@pytest.fixture(scope="session", autouse=True)
def _singletons_protected():
    """PySide6 6.12 drops references to None/True on CPython 3.11; a long test session would abort without this."""
    from kit.pyside_workarounds import protect_singletons

    protect_singletons()


@pytest.fixture
def locations(tmp_path):
    """The bundled kit with a fresh data dir of the teacher's own (store, own pack, imported packs)."""
    return resolve_locations([REPO / "resources"], tmp_path / "data", environ={})


@pytest.fixture
def app_window(qtbot, locations):
    """The full app window as `kit` builds it (kit.ui.app.open_window) and its features."""
    from PySide6.QtWidgets import QApplication

    from kit.ui.app import open_window

    win, features = open_window(locations)
    qtbot.addWidget(win)
    win.show()
    yield win, features
    features.presenting.end()
    for widget in QApplication.topLevelWidgets():
        if widget is not win and widget.isVisible():
            widget.close()


@pytest.fixture
def window(app_window):
    """The full app window: reader, printing, presenting, lessons and the teacher's data."""
    return app_window[0]


@pytest.fixture
def features(app_window):
    """What kit.ui.app installed in `window`: printing, presenting, lessons, teacher (bookmarks, notes, packs)."""
    return app_window[1]
