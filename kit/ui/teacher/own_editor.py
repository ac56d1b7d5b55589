"""A simple editor for the teacher's own resources: the file (front matter + Markdown) beside a live preview.

Only resources in the own pack open here (bundled ones are read-only: "Make an Editable Copy" first).
Saving is atomic and checked by the same loader as the kit; a file that would not load is put back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kit.core.atomic import atomic_write_text
from kit.core.content.frontmatter import ReadError, split_front_matter
from kit.core.content.loader import load_pack_info, load_resource
from kit.core.model import Resource
from kit.core.render import markup
from kit.ui.background import Background
from kit.ui.i18n import translate

PREVIEW_DELAY_MS = 300


class OwnEditor(QDialog):
    saved = Signal(object)  # the reloaded Resource

    def __init__(self, resource: Resource, parent: QWidget | None = None):
        super().__init__(parent)
        self.resource = resource
        self.setWindowTitle(translate("OwnEditor", "Edit — {title}").format(title=resource.title))
        self.resize(1000, 640)
        self.original = resource.path.read_text(encoding="utf-8")
        self.text = QPlainTextEdit()
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(self.original)
        self.text.setAccessibleName(translate("OwnEditor", "Resource file: front matter and Markdown"))
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(translate("OwnEditor", "Preview"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        splitter = QSplitter()
        splitter.addWidget(self.text)
        splitter.addWidget(self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self._background = Background(self)  # the preview; a newer keystroke's render replaces an older one
        self.previewing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.text.textChanged.connect(self._timer.start)
        self.update_preview()

    def update_preview(self) -> None:
        text = self.text.toPlainText()
        try:
            _, body, body_line = split_front_matter(text)
        except ReadError as exc:
            self.status.setText(
                translate("OwnEditor", "Line {line}: {problem}").format(line=exc.line, problem=exc.message)
                + (f" — {exc.hint}" if exc.hint else "")
            )
            return
        pack_dir, path = self.resource.pack_dir, self.resource.path
        # Off the GUI thread: a long or hostile page may take a second to render, and typing must not wait for it.
        self.previewing = True
        self._background.run(lambda: markup.render_markdown(body, pack_dir, path, body_line), self._show_preview)

    def _show_preview(self, rendered) -> None:
        self.previewing = False
        self.preview.setHtml(rendered.html)
        self.status.setText("; ".join(p.message for p in rendered.problems[:3]))

    def done(self, result: int) -> None:
        self._background.shutdown()  # a preview still rendering is not shown in a closed editor
        super().done(result)

    def save(self) -> Resource | None:
        """Write the file; if the kit could not load it, put the old file back and say why."""
        text = self.text.toPlainText()
        path = self.resource.path
        try:
            atomic_write_text(path, text)
        except OSError as exc:
            self.status.setText(translate("OwnEditor", "Not saved: {error}").format(error=exc.strerror or exc))
            return None
        pack, _ = load_pack_info(self.resource.pack_dir)
        resource, problems = load_resource(path, pack) if pack else (None, [])
        if resource is None:
            atomic_write_text(path, self.original)
            first = problems[0] if problems else None
            where = (
                translate("OwnEditor", "line {line}: {problem}").format(line=first.line, problem=first.message)
                if first
                else translate("OwnEditor", "the pack cannot be read")
            )
            self.status.setText(
                translate("OwnEditor", "Not saved, the kit could not read it ({where})").format(where=where)
            )
            return None
        self.original = text
        self.resource = resource
        self.status.setText(translate("OwnEditor", "Saved"))
        self.saved.emit(resource)
        return resource
