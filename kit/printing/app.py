"""A Qt application object for headless printing (fonts and painting need one; windows do not)."""

from __future__ import annotations

import os


def ensure_gui_application():
    """The running QGuiApplication (or QApplication), or a new headless one. Qt never sees the user's arguments."""
    from PySide6.QtGui import QGuiApplication

    from kit.pyside_workarounds import protect_singletons

    protect_singletons()
    app = QGuiApplication.instance()
    if app is None:
        # No display is needed to make a PDF; "offscreen" ships with every PySide6 wheel.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication.setOrganizationName("Classroom Kit")
        QGuiApplication.setApplicationName("kit")
        app = QGuiApplication(["kit"])
    return app
