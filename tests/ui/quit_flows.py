"""Drive one dialog flow in the real app, then quit as a teacher would (Ctrl+Q): run as a script in its own process.

`python tests/ui/quit_flows.py FLOW DATA_DIR [PDF]` builds the window with kit.ui.app.open_window, runs FLOW
(see FLOWS) step by step from timers inside the app's own event loop, presses
Ctrl+Q and exits with the event loop's status. A crash on quit shows as a signal exit status; a flow that gets
stuck exits 3 from the watchdog. tests/ui/test_quit_after_dialogs.py runs it.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QPushButton

REPO = Path(__file__).resolve().parents[2]
FLOWS = ("preview", "packet", "lessons", "present", "export", "export-quit")
STEP_MS = 60
WATCHDOG_MS = 60_000


def top_level(kind: type, title: str | None = None):
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible() and (title is None or widget.windowTitle() == title):
            return widget
    return None


def press_escape(kind: type = QPrintPreviewDialog, title: str | None = None) -> None:
    dialog = top_level(kind, title)
    assert dialog is not None, f"no {kind.__name__} {title or ''} is open"
    QTest.keyClick(dialog, Qt.Key.Key_Escape)


def button(dialog, text: str) -> QPushButton:
    for candidate in dialog.findChildren(QPushButton):
        if candidate.text().replace("&", "") == text:
            return candidate
    raise AssertionError(f"no button {text!r} in {dialog.windowTitle()}")


def flow_steps(flow: str, window, features, pdf: Path | None) -> list:
    actions = features.printing.actions
    if flow == "preview":
        return [actions["Print Preview"].trigger, press_escape]
    if flow == "packet":

        def packet_preview():
            builder = top_level(QDialog, "Class Packet")
            builder.add_ids(["exit-ticket", "help-line-card"])
            button(builder, "Preview…").click()

        def close_builder():
            top_level(QDialog, "Class Packet").close()

        return [actions["Class Packet"].trigger, packet_preview, press_escape, close_builder]
    if flow == "lessons":
        # The Lessons dialog stays open beside the window (not modal); a teacher picks, prints, closes, quits.
        def lessons():
            return top_level(QDialog, "Lessons")

        def in_lessons(text):
            return lambda: button(lessons(), text).click()

        def pick_first():
            from kit.ui.teacher.resource_picker import ResourcePicker

            picker = lessons().findChild(ResourcePicker)
            picker.list.setCurrentItem(picker.list.topLevelItem(0))
            button(lessons(), "Add to Lesson").click()

        return [
            features.teacher.open_lessons,
            in_lessons("New"),
            pick_first,
            in_lessons("Print Packet"),
            press_escape,
            lambda: features.printing.last_job is not None or fail("Print Packet printed nothing"),
            lambda: lessons().close(),  # then Ctrl+Q: the path that crashed (exit 139) in the first wave
        ]
    if flow == "present":
        return [
            features.presenting.present_current,
            lambda: QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape),
        ]
    if flow in ("export", "export-quit"):

        def save_as():
            dialog = top_level(QFileDialog)
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(pdf))  # typed, as a teacher would
            dialog.accept()

        if flow == "export-quit":  # Ctrl+Q while the PDF is being made: the export stops, nothing half-written
            return [actions["Export PDF"].trigger, save_as]
        return [actions["Export PDF"].trigger, save_as, wait_for(lambda: pdf.exists())]
    raise SystemExit(f"unknown flow {flow!r}; one of {', '.join(FLOWS)}")


def fail(message: str):
    raise AssertionError(message)


def wait_for(condition):
    """A step that holds the next ones back until `condition()` is true."""

    def step():
        return condition()

    step.waits = True
    return step


def main(argv: list[str]) -> int:
    from kit.core.paths import resolve_locations
    from kit.ui.app import create_application, open_window

    flow, data_dir = argv[0], Path(argv[1])
    pdf = Path(argv[2]) if len(argv) > 2 else None
    app = create_application()
    window, features = open_window(resolve_locations([REPO / "resources"], data_dir, environ={}))
    app.aboutToQuit.connect(window.shutdown)  # as kit.ui.app.run_app does
    window.show()
    window.open_resource("exit-ticket")
    steps = [*flow_steps(flow, window, features, pdf), quit_with_ctrl_q(window)]

    def next_step():
        step = steps.pop(0)
        if getattr(step, "waits", False) and not step():
            steps.insert(0, step)
            QTimer.singleShot(STEP_MS, next_step)
            return
        if steps:  # scheduled first: a step that opens a modal dialog runs its own event loop until it closes
            QTimer.singleShot(STEP_MS, next_step)
        if not getattr(step, "waits", False):
            try:
                step()
            except Exception:  # a flow that cannot go on is a failure, not a hang until the watchdog
                traceback.print_exc()
                app.exit(4)

    QTimer.singleShot(STEP_MS * 4, next_step)  # after the first page has loaded
    QTimer.singleShot(WATCHDOG_MS, lambda: app.exit(3))
    return app.exec()


def quit_with_ctrl_q(window):
    def step():
        window.activateWindow()
        QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        if window.isVisible():  # no active window on a platform without a window manager: the menu action
            window.actions.quit.trigger()

    return step


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
