"""The printing feature of the main window: File → Print (Ctrl+P), Print Preview, Export PDF, Class Packet and
the Print Teacher Edition switch."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence

from kit.ui.features import Window
from kit.ui.i18n import translate
from kit.ui.print_dialogs.controller import PrintController, PrintJob
from kit.ui.print_dialogs.packet_builder import PacketBuilder


def install(window: Window) -> PrintController:
    """Add the printing actions to the File menu; the paper chosen is remembered in the settings."""
    controller = PrintController(window, window.settings.paper)
    controller.paper_changed.connect(lambda paper: window.update_settings(paper=paper))
    parent = window.dialog_parent()
    teacher = QAction(translate("Printing", "Print &Teacher Edition"), parent, checkable=True)
    teacher.setToolTip(translate("Printing", "Print and export with the facilitator notes (never for students)"))

    def job() -> PrintJob | None:
        resource = window.current_resource()
        if resource is None:
            return None
        return PrintJob((resource,), "teacher" if teacher.isChecked() else "student")

    def run(action: Callable[[PrintJob], object]) -> Callable[[], None]:
        def triggered() -> None:
            current = job()
            if current is not None:
                action(current)

        return triggered

    def open_packet_builder() -> None:
        if window.library is None:
            return
        builder = PacketBuilder(window.library, controller, parent, first=window.current_resource())
        controller.dialog = builder
        builder.show()

    actions = {}
    for name, text, shortcut, slot in (
        (
            "Print",
            translate("Printing", "&Print…"),
            QKeySequence(QKeySequence.StandardKey.Print).toString(),
            run(controller.print_job),
        ),
        ("Print Preview", translate("Printing", "Print Pre&view…"), None, run(controller.preview_job)),
        ("Export PDF", translate("Printing", "&Export PDF…"), None, run(controller.ask_export)),
        ("Class Packet", translate("Printing", "Class &Packet…"), None, open_packet_builder),
    ):
        actions[name] = window.add_action("file", text, slot, shortcut)
    window.add_action("file", teacher)
    actions["Print Teacher Edition"] = teacher
    controller.teacher_edition = teacher
    controller.actions = actions  # by plain name, for the lessons feature and tests
    return controller
