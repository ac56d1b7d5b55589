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
