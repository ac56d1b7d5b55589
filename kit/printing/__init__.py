"""Turning resources into printed pages and PDFs (QtGui and QtPrintSupport only)."""

from kit.core.settings import PAPERS
from kit.printing.app import ensure_gui_application
from kit.printing.export import ExportResult, PdfExportError, export_pdf, suggested_file_name
from kit.printing.packet import Cover, build_document
from kit.printing.pages import Cancelled, PagedDocument
from kit.printing.paper import default_paper

__all__ = [
    "PAPERS",
    "Cancelled",
    "Cover",
    "ExportResult",
    "PagedDocument",
    "PdfExportError",
    "build_document",
    "default_paper",
    "ensure_gui_application",
    "export_pdf",
    "suggested_file_name",
]
