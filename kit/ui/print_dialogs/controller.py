"""One printer per window and what it does: print, preview and export a job (one resource or a packet).

Thin wiring over kit.printing. A PDF export runs in a child process (pdf_process: never a worker thread, where
laying out text deadlocked with the GUI thread) behind a window-modal progress dialog that can cancel it: the
window never spins its event loop from inside an export, so a second click or closing the window cannot
re-enter it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QProgressDialog, QToolBar, QVBoxLayout, QWidget

from kit.core.atomic import temp_path_beside
from kit.core.i18n import current_language
from kit.core.model import Pack, Resource
from kit.core.settings import PAPERS
from kit.printing import Cover, PdfExportError, build_document, default_paper
from kit.printing.export import check_destination, suggested_file_name
from kit.printing.export_child import job_for
from kit.printing.paper import page_layout
from kit.ui.accessibility import name_preview_toolbar, name_unnamed_buttons
from kit.ui.features import Window
from kit.ui.i18n import translate
from kit.ui.messages import tell
from kit.ui.print_dialogs.edition_choice import EditionChoice
from kit.ui.print_dialogs.pdf_process import PdfProcess
from kit.ui.print_dialogs.share_code_choice import ShareCodeChoice


@dataclass(frozen=True)
class PrintJob:
    """What to print: resources in order (several make a packet), the edition, and the packet cover."""

    resources: tuple[Resource, ...]
    edition: str = "student"
    cover: Cover | None = None
    share_urls: tuple[tuple[str, str], ...] = ()  # (resource id, its address on the class share) to print

    @property
    def title(self) -> str:
        if self.cover is not None:
            return self.cover.title or translate("Printing", "Class packet")
        return self.resources[0].title


class PrintController(QObject):
    """One printer per window, so the paper and printer chosen once stay chosen (as in Frescobaldi)."""

    exported = Signal(Path)
    failed = Signal(str)
    cancelled = Signal()
    paper_changed = Signal(str)  # "a4" or "letter": the app stores it in Settings.paper to remember it

    def __init__(self, window: Window, paper: str | None = None):
        super().__init__(window.dialog_parent())
        self.window = window
        self.paper = paper or default_paper()
        self.exporting = False
        self.export_process: PdfProcess | None = None  # the export running now
        self._progress_dialog: QProgressDialog | None = None
        self._printer: QPrinter | None = None  # made on first use: building one contacts the print system
        self.last_folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        self.dialog: QWidget | None = None  # the dialog open now, for tests and to keep it alive
        self.last_job: PrintJob | None = None  # what a lesson last asked to print (print_resources)
        self.edition_choice: EditionChoice | None = None  # in the print or preview dialog open last
        # The running class share's address of each resource id it serves ({} when none runs); the app sets it.
        self.share_addresses: Callable[[Sequence[str]], Mapping[str, str]] = lambda ids: {}
        self.share_code_wanted = True  # the teacher's last answer to the share-code offer, for this session
        self.share_code_choice: ShareCodeChoice | None = None  # in the dialog open last, when the offer shows

    @property
    def printer(self) -> QPrinter:
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self._printer.setFullPage(True)  # the kit paints its own margins, header and footer
            self._printer.setPageLayout(page_layout(self.paper))
        return self._printer

    def document(self, job: PrintJob):
        if self.printer.pageLayout().pageSize().key().lower() != self.paper:
            self.printer.setPageLayout(page_layout(self.paper))
        return build_document(
            job.resources,
            edition=job.edition,
            paper=self.paper,
            cover=job.cover,
            packs=self._packs(),
            share_urls=dict(job.share_urls),
        )

    def _offer_share_code(self, job: PrintJob, parent: QWidget) -> ShareCodeChoice | None:
        """The share-code check box, when a class share serves at least one of the job's resources."""
        self.share_code_choice = None
        if not self.share_addresses([r.id for r in job.resources]):
            return None
        choice = ShareCodeChoice(parent, self.share_code_wanted)
        choice.toggled.connect(lambda on: setattr(self, "share_code_wanted", on))
        self.share_code_choice = choice
        return choice

    def _with_share_code(self, job: PrintJob, edition: str, choice: ShareCodeChoice | None) -> PrintJob:
        """`job` in `edition`, with the share's addresses when the teacher kept the offer checked."""
        urls = self.share_addresses([r.id for r in job.resources]) if choice is not None and choice.isChecked() else {}
        return replace(job, edition=edition, share_urls=tuple(urls.items()))

    @staticmethod
    def _follow_edition(share_code: ShareCodeChoice | None, edition: EditionChoice) -> None:
        """The share-code box greys out for a teacher copy, which never carries the code (kit.printing.packet)."""
        if share_code is not None:
            share_code.setEnabled(edition.edition() == "student")
            edition.currentIndexChanged.connect(lambda: share_code.setEnabled(edition.edition() == "student"))

    def _packs(self) -> dict[str, Pack]:
        library = self.window.library
        return {pack.id: pack for pack in library.packs} if library is not None else {}

    def print_job(self, job: PrintJob) -> None:
        """The print dialog, with the edition to print on its own tab; printing starts when the person presses
        Print. (A platform's native dialog may leave the tab out; the job's edition, the student copy unless the
        teacher chose otherwise, is printed then.)"""
        dialog = QPrintDialog(self.printer, self.window.dialog_parent())
        dialog.setWindowTitle(translate("Printing", "Print {title}").format(title=job.title))
        tab = QWidget(dialog)  # owned by the dialog (C++), not by this frame: setOptionTabs takes no ownership
        tab.setWindowTitle(translate("Printing", "Edition"))  # the tab's name
        tab_layout = QVBoxLayout(tab)
        choice = EditionChoice(tab, job.edition)
        tab_layout.addWidget(choice)
        share_code = self._offer_share_code(job, tab)
        if share_code is not None:
            tab_layout.addWidget(share_code)
        self._follow_edition(share_code, choice)
        tab_layout.addStretch(1)
        dialog.setOptionTabs([tab])
        name_unnamed_buttons(dialog)
        self.edition_choice = choice
        dialog.accepted.connect(
            lambda: self._paint(
                self.document(self._with_share_code(job, choice.edition(), share_code)), title=job.title
            )
        )
        self._show(dialog)

    def preview_job(self, job: PrintJob) -> QPrintPreviewDialog:
        """The real pages, as they will print; the paper and the edition can be changed there."""
        dialog = QPrintPreviewDialog(self.printer, self.window.dialog_parent())
        share_code = self._offer_share_code(job, dialog)
        job = self._with_share_code(job, job.edition, share_code)
        shown = {"document": self.document(job), "job": job}
        dialog.setWindowTitle(translate("Printing", "Print Preview: {title}").format(title=job.title))
        dialog.paintRequested.connect(lambda printer: self._paint(shown["document"], printer, job.title))
        choice = EditionChoice(dialog, job.edition)

        def change_edition() -> None:
            shown["job"] = self._with_share_code(shown["job"], choice.edition(), share_code)
            shown["document"] = self.document(shown["job"])
            self.last_job = shown["job"] if self.last_job is not None else None
            dialog.findChild(QPrintPreviewWidget).updatePreview()

        choice.currentIndexChanged.connect(change_edition)
        if share_code is not None:
            share_code.toggled.connect(change_edition)
        self._follow_edition(share_code, choice)
        # A row of its own above Qt's toolbar (which is full, and would hide it behind "»"): always in sight.
        row = QWidget(dialog)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(8, 2, 8, 2)
        label = QLabel(translate("Printing", "&Print for:"), row)
        label.setBuddy(choice)
        row_layout.addWidget(label)
        row_layout.addWidget(choice)
        if share_code is not None:
            row_layout.addWidget(share_code)
        row_layout.addStretch(1)
        dialog.layout().insertWidget(0, row)
        self.edition_choice = choice
        name_preview_toolbar(
            dialog.findChild(QToolBar), translate("Printing", "Zoom"), translate("Printing", "Page number")
        )
        name_unnamed_buttons(dialog)
        dialog.resize(1000, 1000)
        self._show(dialog)
        return dialog

    def ask_export(self, job: PrintJob) -> QFileDialog:
        """Ask where to save the PDF, suggesting a name that is valid on every system (F13)."""
        dialog = QFileDialog(self.window.dialog_parent(), translate("Printing", "Export PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(translate("Printing", "PDF documents (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        if QGuiApplication.platformName() in ("offscreen", "minimal"):
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # tests drive Qt's own dialog
        dialog.setDirectory(str(self.last_folder))
        dialog.selectFile(suggested_file_name(job.title, job.edition))
        dialog.fileSelected.connect(lambda name: self.export_to(job, Path(name)))
        self._show(dialog)
        return dialog

    def export_to(self, job: PrintJob, path: Path) -> None:
        """Start exporting; `exported`, `failed` (also shown) or `cancelled` follows. One export at a time."""
        if self.exporting:
            self.window.show_status(translate("Printing", "A PDF is already being made; wait for it or cancel it."))
            return
        try:
            check_destination(path)  # a few file-system questions: a folder that cannot take it is said at once
        except PdfExportError as exc:
            self._warn(str(exc))
            return
        self.exporting = True
        export = PdfProcess(
            job_for(
                job.resources,
                path,
                temp_path_beside(path),
                edition=job.edition,
                paper=self.paper,
                cover=job.cover,
                share_urls=dict(job.share_urls),
                language=current_language(),
            ),
            self,
        )
        progress = QProgressDialog(
            translate("Printing", "Making the PDF…"), translate("Printing", "Cancel"), 0, 0, self.window.dialog_parent()
        )
        progress.setWindowTitle(translate("Printing", "Export PDF"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)  # the window waits; the teacher can cancel
        progress.setMinimumDuration(400)  # short exports finish before any dialog flashes up
        progress.canceled.connect(export.cancel)
        export.progress.connect(self._show_progress)
        export.exported.connect(self._export_done)
        export.failed.connect(self._export_failed)
        export.cancelled.connect(self._export_cancelled)
        self._progress_dialog, self.export_process = progress, export
        export.start()

    def _show_progress(self, done: int, total: int) -> None:
        dialog = self._progress_dialog
        if dialog is not None and not dialog.wasCanceled():
            dialog.setMaximum(total)
            dialog.setValue(done)

    def _end_export(self) -> None:
        self.exporting = False
        dialog, self._progress_dialog = self._progress_dialog, None
        export, self.export_process = self.export_process, None
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()
        if export is not None:
            export.deleteLater()

    def _export_done(self, result) -> None:
        self._end_export()
        self.last_folder = result.path.parent
        self.exported.emit(result.path)

    def _export_failed(self, message: str) -> None:
        self._end_export()
        self._warn(message)

    def _export_cancelled(self) -> None:
        self._end_export()
        self.cancelled.emit()

    def shutdown(self) -> None:
        """The window is closing: stop an export (its temp file is removed; the old PDF stays) and wait."""
        if self.export_process is not None:
            self.export_process.stop()
            self._end_export()

    def _paint(self, document, printer: QPrinter | None = None, title: str = "") -> None:
        printer = printer or self.printer
        printer.setDocName(title)  # the title of a PDF printed to file, and the name of the job in the queue
        try:
            document.paint(printer)
        except OSError as exc:
            self._warn(translate("Printing", "Printing failed: {error}").format(error=exc))
        self._remember_paper(printer)

    def _remember_paper(self, printer: QPrinter) -> None:
        name = printer.pageLayout().pageSize().key().lower()
        if name in PAPERS and name != self.paper:
            self.paper = name
            self.paper_changed.emit(name)

    def _warn(self, message: str) -> None:
        self.failed.emit(message)
        self.dialog = tell(self.window.dialog_parent(), "", message, error=True)

    def _show(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        # What QDialog.open() does; PySide6 binds QPrintDialog.open only as open(receiver, member).
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
