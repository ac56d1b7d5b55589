"""The main window's menus (File, Edit, View, Go, Help) and their actions and shortcuts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle

from kit.core.i18n import QT_TRANSLATE_NOOP
from kit.ui.i18n import translate
from kit.ui.themes import THEMES

MENUS = (
    ("file", QT_TRANSLATE_NOOP("Menus", "&File")),
    ("edit", QT_TRANSLATE_NOOP("Menus", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("Menus", "&View")),
    ("go", QT_TRANSLATE_NOOP("Menus", "&Go")),
    ("help", QT_TRANSLATE_NOOP("Menus", "&Help")),
)


@dataclass
class Actions:
    menus: dict[str, QMenu]
    quit: QAction
    copy: QAction
    select_all: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    search: QAction
    themes: dict[str, QAction]
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    teacher_edition: QAction
    contents_panel: QAction
    library_panel: QAction
    focus_layout: QAction
    back: QAction
    forward: QAction
    home: QAction
    user_guide: QAction
    about: QAction


def _action(window, menu: QMenu, text: str, slot, *shortcuts, tip: str = "") -> QAction:
    action = QAction(text, window)
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:  # a standard key and its literal twin would be an "ambiguous shortcut"
        for key in (
            QKeySequence.keyBindings(shortcut)
            if isinstance(shortcut, QKeySequence.StandardKey)
            else [QKeySequence(shortcut)]
        ):
            if key.toString() and key not in keys:
                keys.append(key)
    if keys:
        action.setShortcuts(keys)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_actions(window) -> Actions:
    """Create the menu bar for `window` (a MainWindow) and return its actions."""
    bar = window.menuBar()
    menus = {key: bar.addMenu(translate("Menus", title)) for key, title in MENUS}
    for key, menu in menus.items():
        menu.setObjectName(f"{key}Menu")
    m = menus
    std = QKeySequence.StandardKey
    quit_action = _action(window, m["file"], translate("Menus", "&Quit"), window.close, std.Quit, "Ctrl+Q")
    copy = _action(window, m["edit"], translate("Menus", "&Copy"), window.reader.copy, std.Copy)
    select_all = _action(window, m["edit"], translate("Menus", "Select &all"), window.reader.selectAll, std.SelectAll)
    m["edit"].addSeparator()
    find = _action(window, m["edit"], translate("Menus", "&Find in page…"), window.find_bar.open_bar, std.Find)
    find_next = _action(window, m["edit"], translate("Menus", "Find &next"), window.find_bar.find_next, "F3")
    find_previous = _action(
        window, m["edit"], translate("Menus", "Find &previous"), window.find_bar.find_previous, "Shift+F3"
    )
    m["edit"].addSeparator()
    search = _action(window, m["edit"], translate("Menus", "&Search the kit"), window.focus_search, "Ctrl+K", "Ctrl+L")

    theme_menu = m["view"].addMenu(translate("Menus", "&Theme"))
    group = QActionGroup(window)
    themes = {}
    for name, theme in THEMES.items():
        action = QAction(translate("Themes", theme.label), window, checkable=True)
        action.triggered.connect(lambda _checked=False, n=name: window.set_theme(n))
        group.addAction(action)
        theme_menu.addAction(action)
        themes[name] = action
    m["view"].addSeparator()
    zoom_in = _action(
        window, m["view"], translate("Menus", "Zoom &in"), lambda: window.zoom_by(1), std.ZoomIn, "Ctrl+="
    )
    zoom_out = _action(window, m["view"], translate("Menus", "Zoom &out"), lambda: window.zoom_by(-1), std.ZoomOut)
    zoom_reset = _action(window, m["view"], translate("Menus", "&Normal size"), window.zoom_reset, "Ctrl+0")
    m["view"].addSeparator()
    teacher = _action(
        window,
        m["view"],
        translate("Menus", "&Teacher edition"),
        lambda checked: window.set_edition("teacher" if checked else "student"),
        "Ctrl+T",
        tip=translate("Menus", "Show facilitator notes (answers, timings, safety notes)"),
    )
    teacher.setCheckable(True)
    contents = _action(window, m["view"], translate("Menus", "&Contents panel"), window.set_contents_visible)
    contents.setCheckable(True)
    contents.setChecked(True)
    library = _action(window, m["view"], translate("Menus", "&Library and search panel"), window.set_sidebar_visible)
    library.setCheckable(True)
    library.setChecked(True)
    focus = _action(
        window, m["view"], translate("Menus", "&Focus on the page"), window.set_focus_layout, "F9",
        tip=translate(
            "Menus", "Hide the library, contents and note so the page fills the window (F9 again brings them back)"
        ),
    )  # fmt: skip
    focus.setCheckable(True)

    style = window.style()
    back = _action(window, m["go"], translate("Menus", "&Back"), window.go_back, std.Back, "Alt+Left")
    back.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
    forward = _action(window, m["go"], translate("Menus", "&Forward"), window.go_forward, std.Forward, "Alt+Right")
    forward.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
    home = _action(window, m["go"], translate("Menus", "&Welcome page"), window.show_welcome, "Alt+Home")

    guide = _action(
        window, m["help"], translate("Menus", "&User guide"), window.open_user_guide, std.HelpContents, "F1"
    )
    about = _action(window, m["help"], translate("Menus", "&About Classroom Kit"), window.show_about)
    return Actions(
        menus, quit_action, copy, select_all, find, find_next, find_previous, search, themes,
        zoom_in, zoom_out, zoom_reset, teacher, contents, library, focus, back, forward, home, guide, about,
    )  # fmt: skip
