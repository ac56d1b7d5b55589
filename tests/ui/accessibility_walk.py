"""Walks Qt's accessibility tree (what a screen reader gets through AT-SPI, UIA or NSAccessibility) and lists every
control a person could reach or operate that has no accessible name."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QMenu, QWidget

R = QAccessible.Role
# The roles a person operates; a screen reader says only "button" or "edit" when such an element has no name.
INTERACTIVE = {
    R.Button, R.CheckBox, R.RadioButton, R.ComboBox, R.EditableText, R.SpinBox, R.Slider, R.Dial, R.List,
    R.ListItem, R.Tree, R.TreeItem, R.Table, R.Cell, R.PageTab, R.PageTabList, R.MenuItem, R.ButtonMenu,
    R.ButtonDropDown, R.ButtonDropGrid, R.Link, R.HotkeyField, R.Document, R.ProgressBar,
}  # fmt: skip
MAX_ELEMENTS = 5000  # a runaway tree (a huge list) ends the walk instead of the test run


def _describe(iface) -> str:
    obj = iface.object()
    kind = type(obj).__name__ if obj is not None else "item"
    name = obj.objectName() if obj is not None and hasattr(obj, "objectName") else ""
    return f"{iface.role().name} ({kind}{' ' + name if name else ''})"


def unnamed(root: QWidget) -> list[str]:
    """Every visible interactive element under `root` (and in its menus) without an accessible name, as
    'Role (Class) under Parent > Parent' lines; an empty list when all are named."""
    found: list[str] = []
    seen = 0

    def walk(iface, trail: tuple[str, ...], menu_root: bool = False) -> None:
        nonlocal seen
        seen += 1
        if iface is None or not iface.isValid() or seen > MAX_ELEMENTS:
            return
        state = iface.state()
        if state.invisible and not menu_root:  # a closed menu is invisible, but a person opens it
            return
        role = iface.role()
        name = iface.text(QAccessible.Text.Name).strip()
        interactive = role in INTERACTIVE or (state.focusable and role not in (R.Client, R.Window, R.Dialog))
        if interactive and not name and not state.disabled:
            found.append(f"{_describe(iface)} under {' > '.join(trail) or 'the window'}")
        label = name or _describe(iface)
        for index in range(iface.childCount()):
            walk(iface.child(index), (*trail, label))

    walk(QAccessible.queryAccessibleInterface(root), ())
    for menu in root.findChildren(QMenu):
        if menu.parentWidget() is not None and menu.window() is menu:
            walk(QAccessible.queryAccessibleInterface(menu), (f"menu {menu.title()!r}",), menu_root=True)
    return found
