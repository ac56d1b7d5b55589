"""Test setup shared by every layer: headless Qt, and a fresh data dir so no test touches the user's files."""

import os

# Must happen before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite reads the interface's English words whatever the machine's locale; French is tested explicitly.
os.environ.setdefault("KIT_LANGUAGE", "en")

from pathlib import Path

import pytest

from kit.pyside_workarounds import collect_due_garbage, gc_on_gui_thread, protect_singletons
from testdata import REPO

# PySide6 6.12.0 on Python 3.11 drops references to None and True on common Qt calls; the suite makes enough
# calls to abort ("none_dealloc"/"bool_dealloc") without this. See kit/pyside_workarounds.py.
protect_singletons()
# Garbage collected on the main thread only, as the app does: a collection on a worker thread that frees Qt
# wrappers crashed a full run. The app collects from a GUI timer; the suite after each test (below).
gc_on_gui_thread()


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_main_thread():
    yield
    collect_due_garbage()


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Every test gets its own data, cache and config dirs; none writes to the real home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("KIT_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("KIT_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("KIT_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("KIT_RESOURCES", raising=False)
    yield


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def bundled_dir() -> Path:
    return REPO / "resources"
