"""Starting the desktop app: build the QApplication (with no user arguments), the window, and run."""

from __future__ import annotations

import sys

from kit.core.paths import Locations


def create_application():
    """The QApplication, named first; Qt never sees the user's arguments (`-platform x` would abort)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QApplication.setOrganizationName("Classroom Kit")
        QApplication.setApplicationName("kit")
        QApplication.setApplicationDisplayName("Classroom Kit")
        app = QApplication([sys.argv[0] if sys.argv else "kit"])
    return app


def run_app(locations: Locations) -> int:
    app = create_application()
    from kit.core import housekeeping
    from kit.core.content import load_library
    from kit.ui.main_window import MainWindow

    housekeeping.tidy(locations)  # before loading: an interrupted pack replace is undone first
    library = load_library(list(locations.library_roots()))
    window = MainWindow(library)
    from kit.ui import teacher_data

    window.teacher_data = teacher_data.install(window, locations)
    window.show()
    return app.exec()
