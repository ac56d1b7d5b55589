"""File menu printing: Print (Ctrl+P, native dialog), Print Preview, Export PDF and Class Packet; thin wiring over
kit.printing, with progress and cancel for long exports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from kit.core.content.loader import Library
from kit.core.model import Resource
from kit.printing import Cancelled, Cover, PdfExportError, build_document, default_paper, export_pdf
from kit.printing.export import suggested_file_name
from kit.printing.paper import page_layout

PAPER_IDS = {"a4": "A4", "letter": "Letter"}


@dataclass(frozen=True)
class PrintJob:
    """What to print: resources in order (several make a packet), the edition, and the packet cover."""

    resources: tuple[Resource, ...]
    edition: str = "student"
    cover: Cover | None = None

    @property
    def title(self) -> str:
        return self.cover.title if self.cover is not None else self.resources[0].title


class PrintController(QObject):
    """One printer per window, so the paper and printer chosen once stay chosen (as in Frescobaldi)."""

    exported = Signal(Path)
    failed = Signal(str)
    paper_changed = Signal(str)  # "a4" or "letter": the app stores it in Settings.paper to remember it

    def __init__(self, parent: QWidget, library: Library, paper: str | None = None):
        super().__init__(parent)
        self.window = parent
        self.library = library
        self.paper = paper or default_paper()
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setFullPage(True)  # the kit paints its own margins, header and footer
        self.printer.setPageLayout(page_layout(self.paper))
        self.last_folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        self.dialog: QWidget | None = None  # the dialog open now, for tests and to keep it alive
        self.last_job: PrintJob | None = None  # what a lesson last asked to print (print_resources)

    def document(self, job: PrintJob):
        if self.printer.pageLayout().pageSize().key().lower() != self.paper:
            self.printer.setPageLayout(page_layout(self.paper))
        pack_titles = {pack.id: pack.title for pack in self.library.packs}
        return build_document(
            job.resources, edition=job.edition, paper=self.paper, cover=job.cover, pack_titles=pack_titles
        )

    def print_job(self, job: PrintJob) -> None:
        """The platform's print dialog; printing starts when the person presses Print."""
        document = self.document(job)
        dialog = QPrintDialog(self.printer, self.window)
        dialog.setWindowTitle(f"Print {job.title}")
        dialog.accepted.connect(lambda: self._paint(document))
        self._show(dialog)

    def preview_job(self, job: PrintJob) -> QPrintPreviewDialog:
        """The real pages, as they will print; the paper can be changed there."""
        document = self.document(job)
        dialog = QPrintPreviewDialog(self.printer, self.window)
        dialog.setWindowTitle(f"Print Preview: {job.title}")
        dialog.paintRequested.connect(lambda printer: self._paint(document, printer))
        dialog.resize(900, 1000)
        self._show(dialog)
        return dialog

    def ask_export(self, job: PrintJob) -> QFileDialog:
        """Ask where to save the PDF, suggesting a name that is valid on every system (F13)."""
        dialog = QFileDialog(self.window, "Export PDF")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter("PDF documents (*.pdf)")
        dialog.setDefaultSuffix("pdf")
        if QGuiApplication.platformName() in ("offscreen", "minimal"):
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # tests drive Qt's own dialog
        dialog.setDirectory(str(self.last_folder))
        dialog.selectFile(suggested_file_name(job.title, job.edition))
        dialog.fileSelected.connect(lambda name: self.export_to(job, Path(name)))
        self._show(dialog)
        return dialog

    def export_to(self, job: PrintJob, path: Path) -> Path | None:
        """Export with a progress dialog that can cancel; a failure is shown, never raised. Returns the file."""
        progress = QProgressDialog("Making the PDF…", "Cancel", 0, 0, self.window)
        progress.setWindowTitle("Export PDF")
        progress.setMinimumDuration(400)  # short exports finish before any dialog flashes up

        def report(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()

        try:
            result = export_pdf(
                job.resources,
                path,
                edition=job.edition,
                paper=self.paper,
                cover=job.cover,
                progress=report,
                cancelled=progress.wasCanceled,
                pack_titles={pack.id: pack.title for pack in self.library.packs},
            )
        except Cancelled:
            return None
        except PdfExportError as exc:
            self._warn(str(exc))
            return None
        finally:
            progress.reset()
            progress.deleteLater()
        self.last_folder = path.parent
        self.exported.emit(result.path)
        return result.path

    def _paint(self, document, printer: QPrinter | None = None) -> None:
        printer = printer or self.printer
        try:
            document.paint(printer)
        except OSError as exc:
            self._warn(f"Printing failed: {exc}")
        self._remember_paper(printer)

    def _remember_paper(self, printer: QPrinter) -> None:
        name = printer.pageLayout().pageSize().key().lower()
        if name in PAPER_IDS and name != self.paper:
            self.paper = name
            self.paper_changed.emit(name)

    def _warn(self, message: str) -> None:
        self.failed.emit(message)
        box = QMessageBox(QMessageBox.Icon.Warning, "Classroom Kit", message, parent=self.window)
        self._show(box)

    def _show(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        # What QDialog.open() does; PySide6 binds QPrintDialog.open only as open(receiver, member).
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()


def add_printing_actions(
    window: QWidget,
    file_menu: QMenu,
    current_resource: Callable[[], Resource | None],
    library: Library,
    paper: str | None = None,
) -> PrintController:
    """Add Print, Print Preview, Export PDF, the teacher-edition switch and Class Packet to `file_menu`.

    `paper` is the remembered choice ("a4"/"letter"), None for the locale's default.
    """
    controller = PrintController(window, library, paper)
    teacher = QAction("Print &Teacher Edition", window, checkable=True)
    teacher.setToolTip("Print and export with the facilitator notes (never for students)")

    def job() -> PrintJob | None:
        resource = current_resource()
        if resource is None:
            return None
        return PrintJob((resource,), "teacher" if teacher.isChecked() else "student")

    def run(action: Callable[[PrintJob], object]) -> Callable[[], None]:
        def triggered() -> None:
            current = job()
            if current is not None:
                action(current)

        return triggered

    def open_packet_builder() -> None:
        from kit.ui.print_dialogs.packet_builder import PacketBuilder

        builder = PacketBuilder(controller.library, controller, window, first=current_resource())
        controller.dialog = builder
        builder.show()

    for text, shortcut, slot in (
        ("&Print…", QKeySequence.StandardKey.Print, run(controller.print_job)),
        ("Print Pre&view…", None, run(controller.preview_job)),
        ("&Export PDF…", None, run(controller.ask_export)),
        ("Class &Packet…", None, open_packet_builder),
    ):
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        file_menu.addAction(action)
        window.addAction(action)  # shortcuts work even when the menu bar is hidden
    file_menu.addAction(teacher)
    controller.teacher_edition = teacher
    # By plain name ("Print", "Print Preview", "Export PDF", "Class Packet", "Print Teacher Edition").
    controller.actions = {a.text().replace("&", "").rstrip("…"): a for a in file_menu.actions()}
    return controller
