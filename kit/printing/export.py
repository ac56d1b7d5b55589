"""PDF export: paint into memory, check the PDF is whole, then write it atomically; one clear message on failure."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPdfWriter

from kit.core.atomic import atomic_write_bytes
from kit.core.errors import KitError
from kit.core.i18n import translate
from kit.core.model import Pack, Resource
from kit.core.names import is_windows_reserved
from kit.printing import metadata
from kit.printing.packet import Cover, build_document
from kit.printing.pages import Cancelled, PagedDocument
from kit.printing.paper import default_paper, page_layout

PDF_RESOLUTION = 1200
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


class PdfExportError(KitError):
    """The PDF could not be saved; the message is one line a teacher can act on. Nothing was left behind."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    size: int


def export_pdf(
    resources: Sequence[Resource],
    out_path: Path | str,
    *,
    edition: str = "student",
    paper: str | None = None,
    cover: Cover | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    packs: Mapping[str, Pack] | None = None,
    share_urls: Mapping[str, str] | None = None,
) -> ExportResult:
    """Write `resources` (several make a packet) as a PDF at `out_path`.

    Raises PdfExportError for a destination that cannot be written (the old file, if any, is untouched) and
    `Cancelled` when `cancelled()` turns true. Needs a QGuiApplication (see `ensure_gui_application`).
    """
    out = Path(out_path)
    check_destination(out)
    data, pages = pdf_bytes(
        resources,
        edition=edition,
        paper=paper,
        cover=cover,
        progress=progress,
        cancelled=cancelled,
        packs=packs,
        share_urls=share_urls,
    )
    try:
        atomic_write_bytes(out, data)
    except OSError as exc:
        raise PdfExportError(describe_write_error(exc, out, len(data))) from exc
    return ExportResult(out, pages, len(data))


def pdf_bytes(
    resources: Sequence[Resource],
    *,
    edition: str = "student",
    paper: str | None = None,
    cover: Cover | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    packs: Mapping[str, Pack] | None = None,
    share_urls: Mapping[str, str] | None = None,
) -> tuple[bytes, int]:
    """The checked PDF of `resources` and its page count, in memory (`export_pdf` without the file)."""
    document = build_document(resources, edition=edition, paper=paper, cover=cover, packs=packs, share_urls=share_urls)
    title = resources[0].title if len(resources) == 1 and cover is None else (cover or Cover()).title
    meta = metadata.describe(resources, edition, title, cover.teacher if cover is not None else "")
    data = render_pdf(document, paper or default_paper(), meta=meta, progress=progress, cancelled=cancelled)
    return data, document.page_count


def render_pdf(
    document: PagedDocument,
    paper: str,
    *,
    meta: metadata.PdfMetadata | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The PDF bytes of `document`, checked to be a whole PDF."""
    buffer = QBuffer()
    buffer.setData(QByteArray())
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(paper))
    metadata.apply(writer, meta or metadata.PdfMetadata(""))
    try:
        document.paint(writer, progress=progress, cancelled=cancelled)
    except Cancelled:
        del writer
        raise
    del writer  # finishes the PDF (trailer and %%EOF) into the buffer
    data = bytes(buffer.data())
    buffer.close()
    problem = pdf_problem(data)
    if problem:
        raise PdfExportError(translate("PdfExport", "the PDF could not be made: {problem}").format(problem=problem))
    return data


def pdf_problem(data: bytes) -> str | None:
    """Why `data` is not a complete PDF (QPdfWriter reports nothing itself), or None."""
    if len(data) < 256:
        return translate("PdfExport", "it is only {count} bytes").format(count=len(data))
    if not data.startswith(b"%PDF-"):
        return translate("PdfExport", "it does not start with %PDF-")
    if b"%%EOF" not in data[-1024:]:
        return translate("PdfExport", "it has no %%EOF end marker (truncated)")
    return None


def check_destination(out: Path) -> None:
    """Fail early, before any work, for destinations that cannot be written (F11)."""
    folder = out.parent
    if out.is_dir():
        raise PdfExportError(
            translate(
                "PdfExport", "cannot save the PDF: '{path}' is a folder; give a file name such as '{example}'"
            ).format(path=out, example=out / "handout.pdf")
        )
    if not folder.exists():
        raise PdfExportError(_no_folder(folder))
    if not folder.is_dir():
        raise PdfExportError(
            translate("PdfExport", "cannot save the PDF: '{folder}' is not a folder").format(folder=folder)
        )
    if not os.access(folder, os.W_OK):
        raise PdfExportError(_read_only(folder))


def describe_write_error(exc: OSError, out: Path, size: int) -> str:
    folder = out.parent
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return translate(
            "PdfExport", "cannot save the PDF: not enough space on the disk for '{path}' (about {size} KB needed)"
        ).format(path=out, size=max(size // 1024, 1))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _read_only(folder)
    if exc.errno == errno.ENOENT:
        return _no_folder(folder)
    if exc.errno in (errno.EISDIR, errno.ENOTEMPTY, errno.EEXIST):
        return translate("PdfExport", "cannot save the PDF: '{path}' is a folder").format(path=out)
    return translate("PdfExport", "cannot save the PDF to '{path}': {error}").format(
        path=out, error=exc.strerror or exc
    )


def _no_folder(folder: Path) -> str:
    return translate("PdfExport", "cannot save the PDF: the folder '{folder}' does not exist").format(folder=folder)


def _read_only(folder: Path) -> str:
    return translate(
        "PdfExport", "cannot save the PDF: the folder '{folder}' is read-only (no permission to write)"
    ).format(folder=folder)


def suggested_file_name(title: str, edition: str = "student") -> str:
    """A file name that is valid on Windows, macOS and Linux for a handout title (F13)."""
    name = title.replace(":", " -").replace('"', "'")
    name = re.sub(r"\s+", " ", _UNSAFE_NAME.sub("-", name))[:80].strip(" .-") or "handout"
    if is_windows_reserved(name):
        name = f"{name} handout"
    suffix = " (teacher)" if edition == "teacher" else ""
    return f"{name}{suffix}.pdf"
