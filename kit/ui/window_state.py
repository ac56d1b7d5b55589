"""The window's size and its columns, kept between runs in window.ini in the config folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

DEFAULT_SIZE = (1280, 800)
LIBRARY_PX, LIBRARY_MIN_PX = 330, 240  # the library by default (its three filters fit), and the least it needs
SIDE_PX = 240  # the right-hand column: contents and note


def window_state(config_dir: Path | None) -> QSettings | None:
    if config_dir is None:
        return None
    # An INI file in our config dir, not the platform registry: tests and --data-dir runs stay isolated.
    return QSettings(str(Path(config_dir) / "window.ini"), QSettings.Format.IniFormat)


def restore_geometry(window) -> None:
    window.resize(*DEFAULT_SIZE)
    state = window_state(window.config_dir)
    geometry = state.value("geometry") if state is not None else None
    if geometry is not None:
        window.restoreGeometry(geometry)


def restore_columns(window) -> None:
    """The column widths the teacher chose, how the side column is shared, and the F9 focus layout."""
    state = window_state(window.config_dir)
    if state is None:
        return
    try:
        library, side = (int(width) for width in state.value("columns"))
    except (TypeError, ValueError):  # missing, or an INI file edited by hand
        library, side = LIBRARY_PX, SIDE_PX
    window.column_widths = [max(library, LIBRARY_MIN_PX), max(side, 0) or SIDE_PX]
    side_state = state.value("side")
    if side_state is not None:
        window.side.restoreState(side_state)
    window.set_focus_layout(str(state.value("focus", "false")).lower() == "true")


def save_window_state(window) -> None:
    state = window_state(window.config_dir)
    if state is None or not Path(window.config_dir).is_dir():
        return
    state.setValue("geometry", window.saveGeometry())
    if window.built:
        state.setValue("columns", [int(width) for width in window.column_widths])
        state.setValue("side", window.side.saveState())
        state.setValue("focus", bool(window.focus_layout))
    state.sync()
