"""Documents teachers already have (Word, PowerPoint, OpenDocument, PDF, saved web pages) as kit Markdown.

One module per format, chosen by the file's extension; each imports its library only when used, so the
app starts without loading any of them. `convert` never writes anything (see kit.core.packs.own_documents).
"""

from __future__ import annotations

import importlib
from pathlib import Path

from kit.core.importers.converted import IMAGE_DIR, Converted, ConvertError

__all__ = ["FORMATS", "IMAGE_DIR", "SUFFIXES", "ConvertError", "Converted", "convert"]

# Extension -> (module, what the file dialog calls it).
FORMATS = {
    ".docx": ("docx", "Word documents"),
    ".pptx": ("pptx", "PowerPoint presentations"),
    ".odt": ("odf", "LibreOffice Writer documents"),
    ".odp": ("odf", "LibreOffice Impress presentations"),
    ".pdf": ("pdf", "PDF files"),
    ".html": ("html", "Saved web pages"),
    ".htm": ("html", "Saved web pages"),
}
SUFFIXES = tuple(FORMATS)


def convert(path: Path) -> Converted:
    """`path` as Markdown and images in memory, or ConvertError with a one-line reason."""
    path = Path(path)
    entry = FORMATS.get(path.suffix.lower())
    if entry is None:
        raise ConvertError(f"'{path.suffix}' files cannot be imported")
    if not path.is_file():
        raise ConvertError("no such file")
    module = importlib.import_module(f"kit.core.importers.{entry[0]}")
    return module.convert(path)
