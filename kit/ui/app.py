"""Starting the desktop app: the window first, then the library and the search index in the background."""

from __future__ import annotations

import sys

from kit.core.paths import Locations
from kit.ui import system_libraries

STALE_TEMP_SECONDS = 600
FIRST_PAINT_FALLBACK_MS = 300


def create_application():
    """The QApplication, named first; Qt never sees the user's arguments (`-platform x` would abort)."""
    system_libraries.require_window_libraries()  # before Qt loads a platform plugin: a clear line, not an abort
    from PySide6.QtWidgets import QApplication

    from kit.pyside_workarounds import protect_singletons

    protect_singletons()  # before the first signal or thread-pool job; see kit.pyside_workarounds
    app = QApplication.instance()
    if app is None:
        QApplication.setOrganizationName("Classroom Kit")
        QApplication.setApplicationName("kit")
        QApplication.setApplicationDisplayName("Classroom Kit")
        app = QApplication([sys.argv[0] if sys.argv else "kit"])
    return app


def build_window(locations: Locations, deferred: bool = False):
    """The main window with the user's settings, shown before anything slow; the library loads afterwards."""
    from kit.core.settings import check_config_dir, load_settings
    from kit.ui.main_window import MainWindow

    settings, notice = load_settings(locations.config_dir)
    window = MainWindow(
        settings=settings, config_dir=locations.config_dir, index_dir=locations.index_dir, deferred=deferred
    )
    notice = notice or check_config_dir(locations.config_dir)
    if notice:
        window.show_notice(notice)
    return window


def load_library_in_background(window, locations: Locations):
    """Read the packs on a worker thread and hand the library to the window; returns the loader object."""
    from PySide6.QtCore import QObject, QThreadPool, Signal

    class _Loader(QObject):
        loaded = Signal(object)

    loader = _Loader(window)
    loader.loaded.connect(window.set_library)

    def work() -> None:
        from kit.core.atomic import clean_stale_temp_files
        from kit.core.content.loader import load_library
        from kit.core.packs import tidy

        clean_stale_temp_files(locations.config_dir, STALE_TEMP_SECONDS)
        tidy.tidy(locations)  # before loading: an interrupted pack import or removal is undone first
        loader.loaded.emit(load_library(list(locations.library_roots())))

    QThreadPool.globalInstance().start(work)
    return loader


def after_first_paint(window, start):
    """Run `start` once the window has painted (or after a short fallback), so reading the packs on another
    thread does not compete with the first screen for the interpreter."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    started = []

    def go():
        if not started:
            started.append(start())

    class _FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                soon.start(0)
            return False

    # Timers are children of the window, so they can never fire after it is gone.
    soon = QTimer(window, singleShot=True)
    soon.timeout.connect(go)
    fallback = QTimer(window, singleShot=True)
    fallback.timeout.connect(go)
    fallback.start(FIRST_PAINT_FALLBACK_MS)
    window.installEventFilter(_FirstPaint(window))
    return started


def run_app(locations: Locations) -> int:
    app = create_application()
    window = build_window(locations, deferred=True)
    window.show()

    def finish() -> object:
        from kit.ui.teacher import teacher_data

        window.build()
        window.teacher_data = teacher_data.install(window, locations)  # bookmarks, notes, lessons, packs
        return load_library_in_background(window, locations)

    loader = after_first_paint(window, finish)
    app.aboutToQuit.connect(window.shutdown)  # background work ends before Python tears the objects down
    status = app.exec()
    del loader
    return status
