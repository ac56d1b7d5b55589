"""Starting the desktop app: build the QApplication (with no user arguments), the window, and run."""

from __future__ import annotations

import sys

from kit.core.paths import Locations


def create_application():
    """The QApplication, named first; Qt never sees the user's arguments (`-platform x` would abort)."""
    from PySide6.QtWidgets import QApplication

    from kit.pyside_workarounds import guard_none_refcount

    guard_none_refcount()  # PySide6 6.12.0 on Python 3.11 would abort after a few thousand Qt calls
    app = QApplication.instance()
    if app is None:
        QApplication.setOrganizationName("Classroom Kit")
        QApplication.setApplicationName("kit")
        QApplication.setApplicationDisplayName("Classroom Kit")
        app = QApplication([sys.argv[0] if sys.argv else "kit"])
    return app


def run_app(locations: Locations) -> int:
    app = create_application()
    from kit.core.content import load_library
    from kit.ui.main_window import MainWindow

    library = load_library(list(locations.library_roots()))
    window = MainWindow(library)
    window.show()
    return app.exec()
