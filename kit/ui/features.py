"""Features that plug into the main window once its widgets exist: presenting (F5) and printing (File menu)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu


def install_features(window: QMainWindow) -> None:
    """Add View → Present and File → Print / Print Preview / Export PDF / Class Packet to `window`."""
    import functools

    from kit.core.content.loader import Library
    from kit.ui.present import add_present_actions
    from kit.ui.print_dialogs.print_actions import add_printing_actions
    from kit.ui.teacher import lesson_actions

    add_present_actions(window)
    staging = QMenu(window)  # printing builds its actions in a menu; they go into File, before Quit
    window.printing = add_printing_actions(
        window,
        staging,
        window.current_resource,
        window.library or Library((), (), ()),
        paper=window.settings.paper,
    )
    for action in staging.actions():
        window.add_action("file", action)
    # The library arrives after the window (it loads in the background); the packet builder needs it.
    window.library_loaded.connect(lambda library: setattr(window.printing, "library", library))
    window.printing.paper_changed.connect(lambda paper: window.update_settings(paper=paper))
    # The Lessons dialog shows Present and Print Packet when the window offers these.
    window.present_resources = functools.partial(lesson_actions.present_resources, window)
    window.print_resources = functools.partial(lesson_actions.print_resources, window)
