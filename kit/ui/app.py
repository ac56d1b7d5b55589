"""Starting the desktop app: the window first, then the library and the search index in the background."""

from __future__ import annotations

import sys

from kit.core.paths import Locations

STALE_TEMP_SECONDS = 600


def create_application():
    """The QApplication, named first; Qt never sees the user's arguments (`-platform x` would abort)."""
    from PySide6.QtWidgets import QApplication

    from kit.pyside_workarounds import protect_singletons

    protect_singletons()
    app = QApplication.instance()
    if app is None:
        QApplication.setOrganizationName("Classroom Kit")
        QApplication.setApplicationName("kit")
        QApplication.setApplicationDisplayName("Classroom Kit")
        app = QApplication([sys.argv[0] if sys.argv else "kit"])
    return app


def build_window(locations: Locations):
    """The main window with the user's settings, shown before anything slow; the library loads afterwards."""
    from kit.core.settings import check_config_dir, load_settings
    from kit.ui.main_window import MainWindow

    settings, notice = load_settings(locations.config_dir)
    window = MainWindow(settings=settings, config_dir=locations.config_dir, index_dir=locations.index_dir)
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
        from kit.core.content import load_library

        clean_stale_temp_files(locations.config_dir, STALE_TEMP_SECONDS)
        loader.loaded.emit(load_library(list(locations.library_roots())))

    QThreadPool.globalInstance().start(work)
    return loader


def run_app(locations: Locations) -> int:
    app = create_application()
    window = build_window(locations)
    window.show()
    loader = load_library_in_background(window, locations)
    app.aboutToQuit.connect(window.shutdown)  # background work ends before Python tears the objects down
    status = app.exec()
    del loader
    return status
