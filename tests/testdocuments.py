"""Test documents written with the format's own tools (python-docx, python-pptx, odfdo, Qt's PDF writer,
pypdf): each holds the parts an importer must keep, with known words the tests look for afterwards.

Import as `from testdocuments import make_docx` (a module of its own, like testdata).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

FOOTNOTE_TEXT = "Measured by our class in May."


def png(width: int = 60, height: int = 40, colour=(200, 30, 30)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def make_docx(path: Path, paragraphs: int = 0) -> Path:
    """A handout: title property, headings, bold/italic, a web link, lists, a table, a picture, a footnote,
    a blank to fill in; `paragraphs` adds that many extra paragraphs of text (for timing long documents)."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches

    document = Document()
    document.core_properties.title = "The water cycle"
    document.add_heading("The water cycle", 1)
    intro = document.add_paragraph("Water moves between the sea, the air and the land. ")
    intro.add_run("Evaporation").bold = True
    intro.add_run(" comes first and ")
    intro.add_run("condensation").italic = True
    intro.add_run(" second. ")
    intro.add_run("Old name").font.strike = True
    reference = intro.add_run()
    mark = OxmlElement("w:footnoteReference")
    mark.set(qn("w:id"), "1")
    reference._r.append(mark)
    link_paragraph = document.add_paragraph("Read more at ")
    relation = document.part.relate_to("https://example.org/water", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "the water page"
    run.append(text)
    link.append(run)
    link_paragraph._p.append(link)
    document.add_heading("Steps", 2)
    document.add_paragraph("The sun heats the sea", style="List Bullet")
    document.add_paragraph("Clouds form over the hills", style="List Bullet")
    document.add_paragraph("Precipitation returns the water", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for (row, col), value in {(0, 0): "Stage", (0, 1): "Where", (1, 0): "Rain", (1, 1): "Land"}.items():
        table.cell(row, col).text = value
    document.add_picture(io.BytesIO(png()), width=Inches(1))
    for number in range(paragraphs):
        document.add_paragraph(
            f"Paragraph {number}: the river carries the water back to the sea, where the sun warms it again."
        )
    document.add_paragraph("Your name: ________________")
    document.save(str(path))
    _add_footnotes(path)
    return path


def _add_footnotes(path: Path) -> None:
    """python-docx writes no footnotes part; add the one the document's reference points to."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        f'</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>{FOOTNOTE_TEXT}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    relation = (
        '<Relationship Id="rIdFootnotes" Target="footnotes.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"/>'
    )
    content_type = (
        '<Override PartName="/word/footnotes.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    )
    rewrite_zip(
        path,
        {
            "word/footnotes.xml": footnotes.encode(),
            "word/_rels/document.xml.rels": lambda data: data.replace(
                b"</Relationships>", relation.encode() + b"</Relationships>"
            ),
            "[Content_Types].xml": lambda data: data.replace(b"</Types>", content_type.encode() + b"</Types>"),
        },
    )


def rewrite_zip(path: Path, changes: dict) -> None:
    """Rewrite members of the zip at `path`: a value is the new bytes, or a function of the old ones."""
    with zipfile.ZipFile(path) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    for name, change in changes.items():
        members[name] = change(members[name]) if callable(change) else change
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def make_pptx(path: Path, extra_slides: int = 0) -> Path:
    """A deck: title slide, a bullet slide with speaker notes, a slide with a picture and a table."""
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    deck.core_properties.title = "Forces and motion"
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = "Forces and motion"
    slide.placeholders[1].text = "Grade 8 science"
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "What is a force?"
    frame = slide.placeholders[1].text_frame
    frame.text = "A push or a pull"
    deeper = frame.add_paragraph()
    deeper.text = "Measured in newtons"
    deeper.level = 1
    slide.notes_slide.notes_text_frame.text = "Ask the class for examples first.\nThen show the spring balance."
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Weight on a spring"
    slide.shapes.add_picture(io.BytesIO(png(80, 60, (20, 90, 200))), Inches(1), Inches(2))
    table = slide.shapes.add_table(2, 2, Inches(4), Inches(2), Inches(3), Inches(1)).table
    for (row, col), value in {(0, 0): "Force", (0, 1): "Unit", (1, 0): "Weight", (1, 1): "newton"}.items():
        table.cell(row, col).text = value
    for number in range(extra_slides):
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = f"Question {number + 1}"
        slide.placeholders[1].text_frame.text = "Which force slows a bicycle down?"
        slide.notes_slide.notes_text_frame.text = "Friction and air resistance."
    deck.save(str(path))
    return path


def make_odt(path: Path) -> Path:
    from odfdo import Document, Frame, Header, List, Paragraph, Table

    document = Document("text")
    document.meta.title = "Volcanoes"
    document.body.append(Header(1, "Volcanoes"))
    document.body.append(Paragraph("Magma rises through cracks in the crust and erupts as lava."))
    document.body.append(Header(2, "Kinds"))
    document.body.append(List(["shield volcanoes", "stratovolcanoes"]))
    table = Table("Heights", width=2, height=2)
    table.set_values([["Volcano", "Height"], ["Etna", "3357 m"]])
    document.body.append(table)
    picture = document.add_file(_write_png(path.with_suffix(".png")))
    paragraph = Paragraph("")
    paragraph.append(Frame.image_frame(picture, size=("3cm", "2cm"), position=("0cm", "0cm")))
    document.body.append(paragraph)
    document.save(str(path))
    return path


def make_odp(path: Path) -> Path:
    from odfdo import Document, DrawPage, Element, Frame

    document = Document("presentation")
    document.meta.title = "Plate tectonics"
    document.body.clear()
    for number, (title, text) in enumerate(
        [("Plates move", "A few centimetres a year"), ("Earthquakes", "Where plates meet")]
    ):
        page = DrawPage(f"page{number + 1}", name=f"page{number + 1}")
        heading = Frame.text_frame(title, size=("20cm", "2cm"), position=("1cm", "1cm"))
        heading.set_attribute("presentation:class", "title")
        page.append(heading)
        page.append(Frame.text_frame(text, size=("20cm", "8cm"), position=("1cm", "4cm")))
        page.append(
            Element.from_tag(
                '<presentation:notes><draw:frame presentation:class="notes"><draw:text-box>'
                f"<text:p>Point at the map for slide {number + 1}.</text:p></draw:text-box></draw:frame>"
                "</presentation:notes>"
            )
        )
        document.body.append(page)
    document.save(str(path))
    return path


def _write_png(path: Path) -> str:
    path.write_bytes(png(50, 50, (30, 160, 60)))
    return str(path)


def make_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF written by Qt: on each page a large heading and body text at 11 pt (needs a QGuiApplication)."""
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    writer.setTitle("Rocks and minerals")
    painter = QPainter(writer)
    for number in range(pages):
        if number:
            writer.newPage()
        painter.setFont(QFont("DejaVu Sans", 24))
        painter.drawText(150, 300, f"Chapter {number + 1}: Igneous rocks")
        painter.setFont(QFont("DejaVu Sans", 11))
        painter.drawText(150, 500, "Granite forms when magma cools slowly underground.")
        painter.drawText(150, 580, "Basalt forms when lava cools quickly at the surface.")
        painter.setFont(QFont("DejaVu Sans", 8))
        painter.drawText(150, 3300, f"Earth science unit · page {number + 1} of {pages}")  # a running foot
    painter.end()
    return path


def make_blank_pdf(path: Path, pages: int, password: str = "") -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if password:
        writer.encrypt(password)
    with path.open("wb") as out:
        writer.write(out)
    return path
