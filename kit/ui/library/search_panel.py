"""The search field above the library: search as you type, filters, highlighted snippets, "did you mean"."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, QModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from kit.core.dates_numbers import percent
from kit.core.i18n import current_language
from kit.core.model import AUDIENCE_LABELS, AUDIENCES, KIND_LABELS, KINDS, LANGUAGE_LABELS, LANGUAGES
from kit.ui.accessibility import announce, name_clear_button
from kit.ui.i18n import counted, translate
from kit.ui.library.search_service import SearchService

DEBOUNCE_MS = 150
MAX_QUERY_CHARS = 256
ID_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
_BOLD = re.compile(r"(</?b>)")


def _did_you_mean(answer) -> str:
    return translate("SearchPanel", "Did you mean {word}?").format(word=answer.suggestion) if answer.suggestion else ""


def safe_snippet(snippet: str) -> str:
    """Keep only the <b> highlights of a snippet; everything else is re-escaped (a QLabel would load <img> files)."""
    parts = _BOLD.split(snippet or "")
    return "".join(part if part in ("<b>", "</b>") else html.escape(html.unescape(part)) for part in parts)


class _ResultDelegate(QStyledItemDelegate):
    """Draws a result as rich text: title, details, snippet with highlights."""

    def _document(self, index: QModelIndex, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(6)
        document.setHtml(index.data(HTML_ROLE) or "")
        document.setTextWidth(max(80, width))
        return document

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(index, option.rect.width())
        colour = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        document.setDefaultStyleSheet(f"body {{ color: {colour.name()}; }}")
        document.setHtml(index.data(HTML_ROLE) or "")
        painter.save()
        painter.translate(option.rect.topLeft())
        document.drawContents(painter, QRectF(0, 0, option.rect.width(), option.rect.height()))
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        width = _narrowest_item_width(option.widget) if option.widget else 300
        document = self._document(index, width)
        return QSize(width, int(document.size().height()) + 2)


def _narrowest_item_width(view) -> int:
    """The narrowest an item of `view` can be painted: the viewport less the view's spacing on both sides, and less
    the scroll bar while it is still hidden (it appears once the results fill the list). Measuring the height at a
    wider width than paint() wraps at gave a snippet one line more than its row, drawn over the next result."""
    width = view.viewport().width() - 2 * view.spacing()
    bar = view.verticalScrollBar()
    if not bar.isVisible():
        width -= view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
    return width


class SearchPanel(QWidget):
    """Holds the search field, the filters and, below them, either the library or the results."""

    resource_activated = Signal(str)

    def __init__(self, service: SearchService, library_panel: QWidget, parent=None):
        super().__init__(parent)
        self.service = service
        self.field = QLineEdit()
        self.field.setPlaceholderText(translate("SearchPanel", "Search the kit  (Ctrl+K)"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(translate("SearchPanel", "Search"))
        name_clear_button(self.field, translate("SearchPanel", "Clear search"))
        self.field.setMaxLength(MAX_QUERY_CHARS)
        self.kind = self._filter(translate("SearchPanel", "All kinds"), KINDS, KIND_LABELS)
        self.audience = self._filter(translate("SearchPanel", "All audiences"), AUDIENCES, AUDIENCE_LABELS)
        self.language = self._filter(translate("SearchPanel", "All languages"), LANGUAGES, LANGUAGE_LABELS)
        self.status = QLabel("")
        self.status.setObjectName("mutedLabel")
        self.status.setWordWrap(True)
        self.suggestion = QLabel("")
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.hide()
        self.results = QListWidget()
        self.results.setItemDelegate(_ResultDelegate(self.results))
        self.results.setAccessibleName(translate("SearchPanel", "Search results"))
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap when the sidebar is resized
        self.results.setSpacing(2)
        results_box = QWidget()
        results_layout = QVBoxLayout(results_box)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.status)
        results_layout.addWidget(self.suggestion)
        results_layout.addWidget(self.results, 1)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(translate("SearchPanel", "Library and results"))  # Orca: a bare "layered pane"
        self.stack.addWidget(library_panel)
        self.stack.addWidget(results_box)
        filters = QHBoxLayout()
        filters.setSpacing(4)
        for combo in (self.kind, self.audience, self.language):
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self._shown_generation = 0
        self._open_first_for = 0  # Enter pressed before these results arrived: open the first when they do
        self.field.textChanged.connect(self._typed)
        self.field.installEventFilter(self)
        for combo in (self.kind, self.audience, self.language):
            combo.currentIndexChanged.connect(self._typed)
        self.results.itemActivated.connect(self._open_item)
        self.results.itemClicked.connect(self._open_item)
        self.suggestion.linkActivated.connect(self.field.setText)
        service.results.connect(self._show_results)
        service.search_failed.connect(self._show_failure)
        service.progress.connect(self._index_progress)
        service.failed.connect(self._index_failed)

    @staticmethod
    def _filter(all_label: str, values, labels) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_label, None)
        for value in values:
            combo.addItem(translate("Model", labels.get(value, value)), value)
        combo.setAccessibleName(all_label)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        # As wide as its "All …" label: the list drops down wider for longer choices, the row fits the library.
        combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance(all_label) + 32)
        return combo

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def query(self) -> str:
        return self.field.text().strip()

    def _typed(self) -> None:
        if not self.query():
            self._timer.stop()
            self.stack.setCurrentIndex(0)
            return
        self._timer.start()

    def run_search(self) -> int:
        query = self.query()
        if not query:
            return 0
        self.stack.setCurrentIndex(1)
        if not self.service.is_ready:
            self.status.setText(
                self.service.error
                or translate("SearchPanel", "The search index is being built ({percent})…").format(
                    percent=percent(self.service.percent, current_language())
                )
            )
        return self.service.search(
            query,
            kind=self.kind.currentData(),
            audience=self.audience.currentData(),
            language=self.language.currentData(),
        )

    def _show_results(self, generation: int, answer) -> None:
        if generation < self._shown_generation or generation != self.service.latest():
            return  # an older query answered late: the newer one's results will replace it
        self._shown_generation = generation
        self.results.clear()
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        for hit in answer.results:
            details = " · ".join(
                [translate("Model", KIND_LABELS.get(hit.kind, hit.kind))]
                + [translate("Model", AUDIENCE_LABELS.get(a, a)) for a in hit.audience]
            )
            rich = (
                f"<div style='font-weight:600'>{html.escape(hit.title)}</div>"
                f"<div style='color:{muted}; font-size:small'>{html.escape(details)}</div>"
                f"<div>{safe_snippet(hit.snippet)}</div>"
            )
            item = QListWidgetItem(hit.title)
            item.setData(ID_ROLE, hit.id)
            item.setData(HTML_ROLE, rich)
            self.results.addItem(item)
        if answer.results:
            self.results.setCurrentRow(0)
            if self._open_first_for == generation:
                self._open_first_for = 0
                self._open_item(self.results.item(0))
            shown = len(answer.results)
            more = translate("SearchPanel", " (showing {shown})").format(shown=shown) if answer.total > shown else ""
            found = counted(
                answer.total, translate("SearchPanel", "{count} result"), translate("SearchPanel", "{count} results")
            )
            self.status.setText(found + more)
        elif not any(character.isalnum() for character in answer.query):
            self.status.setText(translate("SearchPanel", "Type a word to search."))  # only spaces or punctuation (S8)
        else:
            self.status.setText(translate("SearchPanel", "No matches for “{query}”.").format(query=answer.query[:60]))
        if answer.suggestion:
            escaped = html.escape(answer.suggestion, quote=True)
            self.suggestion.setText(
                translate("SearchPanel", "Did you mean {word}?").format(word=f'<a href="{escaped}">{escaped}</a>')
            )
            self.suggestion.show()
        else:
            self.suggestion.hide()
        announce(self.results, " ".join(filter(None, (self.status.text(), _did_you_mean(answer)))))

    def _show_failure(self, generation: int, message: str) -> None:
        if generation == self.service.latest():
            self.results.clear()
            self.status.setText(message)
            announce(self.results, message)

    def _index_progress(self, done: int, total: int) -> None:
        if self.stack.currentIndex() == 1 and not self.service.is_ready:
            done_part = int(100 * done / total) if total else 0
            self.status.setText(
                translate("SearchPanel", "The search index is being built ({percent})…").format(
                    percent=percent(done_part, current_language())
                )
            )

    def _index_failed(self, message: str) -> None:
        if self.stack.currentIndex() == 1:
            self.status.setText(message)

    def _open_item(self, item: QListWidgetItem) -> None:
        resource_id = item.data(ID_ROLE)
        if resource_id:
            self.resource_activated.emit(resource_id)

    def open_current(self) -> bool:
        """Enter in the field: open the selected result, else the first."""
        if self._timer.isActive():  # Enter before the debounce fired: search now, open when the answer comes
            self._timer.stop()
            self._open_first_for = self.run_search()
            return bool(self._open_first_for)
        if self.query() and self._shown_generation < self.service.latest():
            self._open_first_for = self.service.latest()
            return True
        item = self.results.currentItem() or self.results.item(0)
        if item is None or self.stack.currentIndex() != 1:
            return False
        self._open_item(item)
        return True

    def eventFilter(self, watched, event) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if key == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                return True
        return super().eventFilter(watched, event)
