"""Moving through the page by its headings, as a screen reader's browse mode does on the web: H and Shift+H in
the reader (Go → Next Heading, Previous Heading) put the caret on the next or previous heading and say which it
is; Go → Headings… (Ctrl+Shift+H) lists them all in a menu. Qt shows a read-only QTextBrowser to Orca, NVDA and
VoiceOver as text with a caret but no structure, so their own heading keys find nothing there; these keys do the
same job from inside the app (docs/accessibility.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import QMenu

from kit.core.i18n import QT_TRANSLATE_NOOP
from kit.ui.accessibility import announce
from kit.ui.i18n import translate

if TYPE_CHECKING:
    from kit.ui.features import Window
    from kit.ui.reader.view import Reader

NEXT_KEY, PREVIOUS_KEY, LIST_KEY = "H", "Shift+H", "Ctrl+Shift+H"
TOP_MARGIN_PX = 12  # a jumped-to heading sits this far below the top of the view, not glued to its edge
INDENT = "    "  # per level below the first, in the headings menu
SAID = QT_TRANSLATE_NOOP("StructureNavigation", "{text}, heading level {level}")


@dataclass(frozen=True)
class PageHeading:
    position: int  # where the heading's block starts in the document
    level: int  # 1 to 6
    text: str


def page_headings(document: QTextDocument) -> list[PageHeading]:
    """Every heading of the page in order, from the document itself (Qt keeps <h1>–<h6> as block heading
    levels), so the welcome page and the user guide have them as well as resources."""
    headings = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        text = block.text().strip()
        if level and text:
            headings.append(PageHeading(block.position(), level, text))
        block = block.next()
    return headings


def heading_after(headings: list[PageHeading], block_start: int) -> PageHeading | None:
    """The first heading below the block the caret is in."""
    return next((h for h in headings if h.position > block_start), None)


def heading_before(headings: list[PageHeading], block_start: int) -> PageHeading | None:
    """The last heading above the block the caret is in."""
    return next((h for h in reversed(headings) if h.position < block_start), None)


def spoken(heading: PageHeading) -> str:
    return translate("StructureNavigation", SAID).format(text=heading.text, level=heading.level)


class StructureNavigation:
    """The feature: three Go actions; H and Shift+H work only while the page has the keyboard (they are letters
    anywhere else), the headings list anywhere in the window."""

    def __init__(self, window: Window):
        self.window = window
        self.view: Reader = window.reading_view()
        self.menu: QMenu | None = None
        self.next_action = self._add(
            translate("StructureNavigation", "Next &heading"), self.next_heading, NEXT_KEY, reader_only=True
        )
        self.previous_action = self._add(
            translate("StructureNavigation", "Previous h&eading"), self.previous_heading, PREVIOUS_KEY, reader_only=True
        )
        self.list_action = self._add(translate("StructureNavigation", "Headings &list…"), self.show_headings, LIST_KEY)

    def _add(self, text: str, slot, shortcut: str, reader_only: bool = False) -> QAction:
        action = QAction(text, self.window.dialog_parent())
        action = self.window.add_action("go", action, slot, shortcut)
        if reader_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)  # a widget shortcut fires only while a widget it was added to has focus
        return action

    def _block_start(self) -> int:
        self.view.caret_into_view()  # from what is on the screen, when the page was scrolled by wheel or bar
        return self.view.textCursor().block().position()

    def next_heading(self) -> PageHeading | None:
        heading = heading_after(page_headings(self.view.document()), self._block_start())
        return self._arrive(heading, translate("StructureNavigation", "No more headings below."))

    def previous_heading(self) -> PageHeading | None:
        heading = heading_before(page_headings(self.view.document()), self._block_start())
        return self._arrive(heading, translate("StructureNavigation", "No more headings above."))

    def _arrive(self, heading: PageHeading | None, none_left: str) -> PageHeading | None:
        if heading is None:
            self.window.show_status(none_left)  # shown and announced
            return None
        self.go_to(heading)
        return heading

    def go_to(self, heading: PageHeading) -> None:
        """Caret at the start of the heading, the heading near the top of the view, the keyboard in the page,
        and the screen reader told which heading it is."""
        view = self.view
        cursor = view.textCursor()
        cursor.setPosition(heading.position)
        view.setTextCursor(cursor)
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + view.cursorRect().top() - TOP_MARGIN_PX)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(view, spoken(heading), urgent=True)  # the reader asked for it: say it now

    def show_headings(self) -> QMenu:
        """A menu of the page's headings at the caret (indented by level); choosing one goes there."""
        headings = page_headings(self.view.document())
        menu = QMenu(self.view)
        menu.setAccessibleName(translate("StructureNavigation", "Headings"))
        if not headings:
            menu.addAction(translate("StructureNavigation", "This page has no headings.")).setEnabled(False)
        top = min((h.level for h in headings), default=1)
        for heading in headings:
            action = menu.addAction(INDENT * (heading.level - top) + heading.text)
            action.triggered.connect(lambda _checked=False, h=heading: self.go_to(h))
        menu.aboutToHide.connect(menu.deleteLater)
        self.menu = menu
        view = self.view
        corner = view.cursorRect().bottomLeft()
        if not view.viewport().rect().contains(corner):
            corner = view.viewport().rect().topLeft()
        menu.popup(view.viewport().mapToGlobal(corner))
        if menu.actions():
            menu.setActiveAction(menu.actions()[0])
        return menu
