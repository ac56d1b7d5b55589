"""The reader: a QTextBrowser that never navigates by itself, loads only its own pack's pictures, and keeps a
comfortable line length. It has a caret (caret browsing) while someone wants one: a screen reader reads the line,
word or character the caret moves to, which it cannot do on a page that only scrolls (docs/accessibility.md);
without one, Up and Down scroll the page (kit.ui.reader.caret_browsing decides)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QFocusEvent, QTextFrameFormat
from PySide6.QtWidgets import QApplication, QTextBrowser

from kit.core.render import links
from kit.ui.accessibility import announce
from kit.ui.i18n import translate
from kit.ui.reader.link_policy import LinkPolicy
from kit.ui.reader.ruler import first_visible_position

LINE_LENGTH_EM = 44  # about 75 characters a line, what book typography recommends
MIN_SIDE_MARGIN = 28
# Links by mouse and Tab as a QTextBrowser has them; the arrow keys scroll the page.
INTERACTION = Qt.TextInteractionFlag.TextBrowserInteraction
# Plus a caret the arrow keys move: Qt then sends the screen reader caret-moved events, and Orca, NVDA and
# VoiceOver read the line (or word, or character) it lands on.
CARET_INTERACTION = INTERACTION | Qt.TextInteractionFlag.TextSelectableByKeyboard
CARET_WIDTH_PX = 2  # Qt's 1 px caret is lost on a projector
CARET_KEYS = frozenset(
    (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Left, Qt.Key.Key_Right,
     Qt.Key.Key_Home, Qt.Key.Key_End)
)  # fmt: skip


class Reader(QTextBrowser):
    """Shows one page. Every click goes through `kit.core.render.links.classify`; the window decides what follows."""

    open_requested = Signal(str, str)  # resource id, fragment
    external_requested = Signal(str)  # a web address: shown, never opened
    link_refused = Signal(str)
    back_requested = Signal()
    forward_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # Default navigation blanks the page on web links and shows local files (bad-inputs.md E2): never use it.
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(INTERACTION)
        self.setCursorWidth(CARET_WIDTH_PX)
        self._caret_for: set[str] = set()  # who wants the caret now ("browsing", "ruler")
        self.policy = LinkPolicy(None)
        self.body_pt = 12.0
        self.page_html = ""
        self.line_em = LINE_LENGTH_EM  # the text column's width (kit.ui.reader.reading_style)
        self.anchorClicked.connect(self._follow)
        self.setAccessibleName(translate("Reader", "Page"))  # the window names the open page in the description

    # The link policy ------------------------------------------------------------------------------------------
    def _follow(self, url: QUrl) -> None:
        self.follow(url.toString())

    def follow(self, address: str) -> str:
        """Do what the policy says for a link; returns the kind of link it was."""
        target = links.classify(address)
        if target.kind == "internal":
            self.open_requested.emit(target.resource_id, target.fragment)
        elif target.kind == "anchor":
            self.scrollToAnchor(target.fragment)
        elif target.kind == "external":
            self.external_requested.emit(target.url)
        else:
            self.link_refused.emit(target.url)
        return target.kind

    def scrollToAnchor(self, name: str) -> None:
        """Scroll to the anchor and put the caret there, so reading on (by arrow or screen reader) starts there."""
        super().scrollToAnchor(name)
        position = anchor_position(self.document(), name)
        if position is not None:
            cursor = self.textCursor()
            cursor.setPosition(position)
            self.setTextCursor(cursor)

    def doSetSource(self, name, type=None):
        return None

    def loadResource(self, kind, url):
        return self.policy.resource(kind, url)

    # Showing pages -------------------------------------------------------------------------------------------
    def show_page(self, html_text: str, stylesheet: str, policy: LinkPolicy, body_pt: float) -> None:
        self.policy = policy
        self.page_html = html_text
        self.restyle(stylesheet, body_pt, keep_position=False)

    def restyle(self, stylesheet: str, body_pt: float, keep_position: bool = True) -> None:
        """Apply a theme or zoom to the current page (the style sheet must be set before the HTML)."""
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if keep_position and bar.maximum() else 0.0
        self.body_pt = body_pt
        document = self.document()
        font = document.defaultFont()
        font.setPointSizeF(body_pt)  # Qt applies `body` CSS only partly; the default font carries the size
        document.setDefaultFont(font)
        document.setDefaultStyleSheet(stylesheet)
        self.setHtml(f"<html><body>{self.page_html}</body></html>")
        self._fit_line_length()
        bar.setValue(round(fraction * bar.maximum()))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_line_length()

    def _fit_line_length(self) -> None:
        """Centre a column of readable width: root-frame side margins grow with the window."""
        measure = self.line_em * self.body_pt * self.logicalDpiX() / 72
        side = max(MIN_SIDE_MARGIN, int((self.viewport().width() - measure) / 2))
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if abs(frame.leftMargin() - side) < 1:
            return
        fmt = QTextFrameFormat(frame)
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(MIN_SIDE_MARGIN)
        fmt.setBottomMargin(MIN_SIDE_MARGIN * 2)
        root.setFrameFormat(fmt)

    # The caret ----------------------------------------------------------------------------------------------
    def want_caret(self, who: str, on: bool) -> None:
        """Caret browsing on while anyone wants it: caret browsing itself (F7 or a screen reader), the ruler."""
        if on:
            self._caret_for.add(who)
        else:
            self._caret_for.discard(who)
        flags = CARET_INTERACTION if self._caret_for else INTERACTION
        if flags == self.textInteractionFlags():
            return
        self.setTextInteractionFlags(flags)
        if self.hasFocus():
            # Qt shows (or hides) a read-only page's caret only as it takes the keyboard: tell the text control it
            # just did, so the caret appears at once on F7 rather than at the next arrow key.
            QApplication.sendEvent(self, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.OtherFocusReason))

    def caret_wanted_by(self, who: str) -> bool:
        return who in self._caret_for

    @property
    def has_caret(self) -> bool:
        return bool(self._caret_for)

    def keyPressEvent(self, event):
        if self.has_caret and event.key() in CARET_KEYS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.caret_into_view()
        super().keyPressEvent(event)

    def caret_into_view(self) -> None:
        """After the wheel or the scroll bar moved the page, the caret is out of sight: bring it to the first line
        in view, so Down reads on from what is on the screen instead of jumping back to where the caret was."""
        if self.viewport().rect().contains(self.cursorRect().center()):
            return
        cursor = self.textCursor()
        cursor.setPosition(first_visible_position(self))
        self.setTextCursor(cursor)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab select the next or previous link (Qt's own), and a screen reader is told which: Qt
        sends it no caret or selection event for that selection, so Orca said nothing at all."""
        moved = super().focusNextPrevChild(next)
        cursor = self.textCursor()
        if self.hasFocus() and cursor.hasSelection() and cursor.charFormat().isAnchor():
            announce(self, translate("Reader", "{text}, link").format(text=cursor.selectedText()), urgent=True)
        return moved

    # Mouse back / forward buttons -----------------------------------------------------------------------------
    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.BackButton:
            self.back_requested.emit()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.forward_requested.emit()
        else:
            super().mousePressEvent(event)


def anchor_position(document, name: str) -> int | None:
    """Where the anchor `name` (a heading's id) starts in `document`, or None."""
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and name in fragment.charFormat().anchorNames():
                return fragment.position()
            fragments += 1
        block = block.next()
    return None
