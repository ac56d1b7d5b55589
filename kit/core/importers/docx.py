"""Word (.docx): mammoth maps the document's styles to clean HTML (headings, lists, tables, emphasis,
links, footnotes, images), which becomes Markdown through the kit's own HTML policy."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from kit.core.importers.container import check_zip_document
from kit.core.importers.converted import Converted, ConvertError, ImageBox
from kit.core.importers.html_markdown import html_to_markdown

_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def convert(path: Path) -> Converted:
    check_zip_document(path, "word/document.xml", "Word document")
    import mammoth

    box = ImageBox()

    def keep_image(image) -> dict[str, str]:
        with image.open() as stream:
            data = stream.read()
        kept = box.add(data)
        return {"src": kept or "", "alt": image.alt_text or ""}

    try:
        with path.open("rb") as handle:
            # external_file_access stays off: a linked image or template is never fetched or read.
            result = mammoth.convert_to_html(handle, convert_image=mammoth.images.img_element(keep_image))
    except ConvertError:
        raise
    except Exception as exc:  # mammoth raises many types on a broken part; the teacher gets one line
        raise ConvertError(f"the Word document could not be read ({type(exc).__name__})") from None
    notes = box.notes() + _simplified(result.messages)
    return Converted(html_to_markdown(result.value), _core_title(path), images=box.images, notes=notes)


def _simplified(messages) -> list[str]:
    """mammoth's warnings counted by kind, e.g. "3 unrecognised styles kept as plain paragraphs"."""
    styles = sum("Unrecognised" in m.message and "style" in m.message for m in messages)
    other = sum(m.type == "warning" for m in messages) - styles
    notes = [f"{styles} Word style(s) without a kit equivalent kept as plain text"] if styles else []
    return notes + ([f"{other} other part(s) simplified"] if other > 0 else [])


def _core_title(path: Path) -> str:
    """The title in the document's properties (File > Properties), when the author set one."""
    try:
        with zipfile.ZipFile(path) as zf:
            root = ElementTree.fromstring(zf.read("docProps/core.xml"))  # checked free of DTDs above
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return ""
    title = root.findtext(_DC_TITLE) or ""
    return re.sub(r"\s+", " ", title).strip()[:200]
