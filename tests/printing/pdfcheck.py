"""Helpers for printing tests: the bundled library, a pack with pictures, and PDFs read back with pypdf."""

import functools
import re
import unicodedata
from pathlib import Path

import pypdf

from kit.core.content.loader import load_library

REPO = Path(__file__).resolve().parents[2]


@functools.cache
def bundled_library():
    return load_library([REPO / "resources"])


def page_texts(path: Path) -> list[str]:
    reader = pypdf.PdfReader(str(path))
    return [normalise(page.extract_text()) for page in reader.pages]


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def page_sizes(path: Path) -> list[tuple[int, int]]:
    reader = pypdf.PdfReader(str(path))
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]


def image_sizes(path: Path) -> list[tuple[int, int]]:
    """Width and height in pixels of every image embedded in the PDF."""
    reader = pypdf.PdfReader(str(path))
    sizes = []
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                sizes.append((int(obj["/Width"]), int(obj["/Height"])))
    return sizes


def make_picture_pack(tmp_path):
    """A pack with a wide picture, a small one, and a picture outside the pack (which must never be read)."""
    from PySide6.QtGui import QColor, QImage

    pack = tmp_path / "pics"
    (pack / "images").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: pics\ntitle: Pictures\nversion: '1'\nlanguage: en\nlicense: CC0\n")
    wide = QImage(3000, 400, QImage.Format.Format_RGB32)
    wide.fill(QColor("#cfe3f5"))
    assert wide.save(str(pack / "images" / "wide.png"))
    small = QImage(41, 29, QImage.Format.Format_RGB32)
    small.fill(QColor("#f5d0cf"))
    assert small.save(str(pack / "images" / "small.png"))
    outside = QImage(37, 23, QImage.Format.Format_RGB32)  # odd sizes so an embedded copy is recognisable
    outside.fill(QColor("#000000"))
    assert outside.save(str(tmp_path / "secret.png"))
    (pack / "pictures.md").write_text(
        "---\ntitle: Pictures\nkind: handout\nsummary: A fixture.\naudience: [grades-9-10]\nlanguage: en\n---\n\n"
        "A wide picture:\n\n![wide](images/wide.png)\n\nA small one: ![small](images/small.png)\n\n"
        "| a | b |\n|---|---|\n| " + "word " * 80 + "| " + "x" * 300 + " |\n"
    )
    return pack


RENDER_DPI = 50
_DARK = bytes(1 if value < 160 else 0 for value in range(256))
MM_PER_INCH = 25.4


def writing_lines(path: Path, side_mm: float = 18.0, top_mm: float = 24.0, blank_above_mm: float = 4.0):
    """Per page, the heights (mm from the top) of lines a student could write on: a dark rule across at least
    90% of the body's width with nothing printed for `blank_above_mm` above it. Table borders have text just above;
    the header and footer rules are outside the body. Rendered with PDFium, so it sees what a printer would."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    pages = []
    try:
        for page in document:
            image = page.render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
            width, height = image.size
            px_per_mm = RENDER_DPI / MM_PER_INCH
            left, right = int(side_mm * px_per_mm), int(width - side_mm * px_per_mm)
            top, bottom = int(top_mm * px_per_mm), int(height - top_mm * px_per_mm)
            dark = image.convert("L").tobytes().translate(_DARK)  # one byte a pixel: 1 where printed dark
            dark_rows = [dark[y * width + left : y * width + right].count(1) for y in range(top, bottom)]
            body_width = right - left
            above = int(blank_above_mm * px_per_mm)
            found = []
            for offset, dark in enumerate(dark_rows):
                if dark < 0.9 * body_width or (offset and dark_rows[offset - 1] >= 0.9 * body_width):
                    continue
                window = dark_rows[max(0, offset - above) : max(0, offset - 1)]
                if len(window) == max(0, above - 1) and all(count <= 2 for count in window):
                    found.append(round((top + offset) / px_per_mm, 1))
            pages.append(found)
    finally:
        document.close()
    return pages


def pdfium_texts(path: Path) -> list[str]:
    """Each page's text as PDFium extracts it: the same words as `page_texts`, ten times faster (the audit)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return [normalise(page.get_textpage().get_text_range()) for page in document]
    finally:
        document.close()
