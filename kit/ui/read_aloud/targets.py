"""What read aloud reads and marks: the reader's page (or its selection), or the slide on the screen.

A target gives the document, the range to read, and shows a sentence: highlighted, and followed (the reader's
caret moves to it, so the view scrolls and the reading ruler comes along)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit

from kit.ui.present.slide_view import SlideView
from kit.ui.reader.ruler import first_visible_position

SPOKEN = QTextFormat.Property.UserProperty + 17  # marks read aloud's own extra selection among the find bar's


class Target(Protocol):
    def document(self) -> QTextDocument: ...

    def reading_range(self) -> tuple[int, int]:
        """Document positions to read from and to."""
        ...

    def show(self, start: int, end: int) -> None: ...

    def clear(self) -> None: ...


class ReaderTarget:
    """The page in the reader: the selection if there is one, else from the caret when it is in view, or else
    the first line in view, to the end."""

    def __init__(self, view: QTextEdit):
        self.view = view

    def document(self) -> QTextDocument:
        return self.view.document()

    def reading_range(self) -> tuple[int, int]:
        cursor = self.view.textCursor()
        end = self.view.document().characterCount() - 1
        if cursor.hasSelection():
            return cursor.selectionStart(), cursor.selectionEnd()
        if self.view.viewport().rect().contains(self.view.cursorRect().center()):
            return cursor.position(), end  # the caret (arrows, a heading jump, the reading ruler): where they are
        return first_visible_position(self.view), end  # scrolled away from the caret: what is on the screen

    def show(self, start: int, end: int) -> None:
        palette = self.view.palette()
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(self.view.document())
        selection.cursor.setPosition(start)
        selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.format.setBackground(palette.color(QPalette.ColorRole.Highlight))
        selection.format.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        # Underlined in the link colour as well: on the reading ruler's band (the same colour) it still shows.
        selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        selection.format.setUnderlineColor(palette.color(QPalette.ColorRole.Link))
        selection.format.setProperty(SPOKEN, True)
        self.view.setExtraSelections([*self._others(), selection])
        caret = self.view.textCursor()
        caret.setPosition(start)
        self.view.setTextCursor(caret)  # the view follows, and so does the reading ruler
        self.view.ensureCursorVisible()

    def clear(self) -> None:
        self.view.setExtraSelections(self._others())

    def _others(self) -> list:
        """The find bar's highlights, kept while reading."""
        return [s for s in self.view.extraSelections() if not s.format.boolProperty(SPOKEN)]


class SlideTarget:
    """The slide as the room sees it and as the presenter's view shows it (the same HTML, the same positions)."""

    def __init__(self, views: Sequence[SlideView]):
        self.views = list(views)

    def document(self) -> QTextDocument:
        return self.views[0].document()

    def reading_range(self) -> tuple[int, int]:
        return 0, self.document().characterCount() - 1

    def show(self, start: int, end: int) -> None:
        for view in self.views:
            view.set_spoken((start, end))

    def clear(self) -> None:
        for view in self.views:
            view.set_spoken(None)
