"""PDFs read back with pypdf: paper size, header and "page X of Y" on every page, editions, packets."""

import re

import pytest
from pdfcheck import bundled_library, normalise, page_sizes, page_texts

from kit.printing import Cancelled, Cover, export_pdf

HANDOUT = "warning-signs-sheet"
GUIDE = "guide-what-is-trafficking"
TEACHER_ONLY = "Anonymous question box"  # inside a `!!! teacher` block of the guide


@pytest.fixture
def library():
    return bundled_library()


PACKET = ["what-is-human-trafficking", "warning-signs-sheet", "glossary", "guide-what-is-trafficking"]


def _export(library, ids, path, **options):
    return export_pdf([library.get(i) for i in ids], path, **options)


@pytest.mark.parametrize(("paper", "size"), [("letter", (612, 792)), ("a4", (595, 842))])
def test_export_pdf_page_size_matches_the_paper(qapp, library, tmp_path, paper, size):
    out = tmp_path / "handout.pdf"
    result = _export(library, [HANDOUT], out, paper=paper)
    assert result.pages >= 2
    assert page_sizes(out) == [size] * result.pages


def test_export_pdf_every_page_has_header_title_and_page_x_of_y(qapp, library, tmp_path):
    out = tmp_path / "handout.pdf"
    result = _export(library, [HANDOUT], out, paper="letter")
    texts = page_texts(out)
    assert len(texts) == result.pages
    title = library.get(HANDOUT).title
    for number, text in enumerate(texts, start=1):
        assert "Classroom Kit" in text
        assert title in text
        assert f"page {number} of {len(texts)}" in text
        assert "Source: " in text and "(Classroom Kit)" in text


def test_export_pdf_title_block_and_sources_are_printed(qapp, library, tmp_path):
    out = tmp_path / "handout.pdf"
    _export(library, [HANDOUT], out, paper="a4")
    whole = " ".join(page_texts(out))
    resource = library.get(HANDOUT)
    assert "Sources" in whole
    assert normalise(resource.sources[0].title) in whole
    assert "Student edition" in whole


def test_export_pdf_teacher_text_only_in_the_teacher_edition(qapp, library, tmp_path):
    student, teacher = tmp_path / "student.pdf", tmp_path / "teacher.pdf"
    _export(library, [GUIDE], student, edition="student", paper="a4")
    _export(library, [GUIDE], teacher, edition="teacher", paper="a4")
    student_text, teacher_text = " ".join(page_texts(student)), " ".join(page_texts(teacher))
    assert TEACHER_ONLY not in student_text
    assert "Teacher only" not in student_text
    assert TEACHER_ONLY in teacher_text
    assert "Teacher only: Answer notes" in teacher_text  # the block is visibly marked
    assert "Teacher edition" in teacher_text
    assert "treat everyone with respect" in student_text and "treat everyone with respect" in teacher_text


def test_export_pdf_packet_contents_page_numbers_match(qapp, library, tmp_path):
    out = tmp_path / "packet.pdf"
    cover = Cover("Unit 3: Human trafficking", "10B", "2026-12-01", "Ms. Tremblay")
    result = _export(library, PACKET, out, paper="letter", edition="teacher", cover=cover)
    texts = page_texts(out)
    assert len(texts) == result.pages
    assert all(f"page {n} of {len(texts)}" in t for n, t in enumerate(texts, start=1))
    for words in ("Unit 3: Human trafficking", "Class: 10B", "Date: 1 December 2026", "Teacher: Ms. Tremblay"):
        assert words in texts[0]
    assert texts[1].startswith("Contents") or "Contents" in texts[1]
    starts = []
    for resource_id in PACKET:
        title = normalise(library.get(resource_id).title)
        match = re.search(re.escape(title) + r" (\d+)", texts[1])
        assert match, (title, texts[1])
        starts.append(int(match.group(1)))
    assert starts == sorted(starts) and starts[0] == 3
    for resource_id, start in zip(PACKET, starts, strict=True):
        title = normalise(library.get(resource_id).title)
        page = texts[start - 1]
        # It starts on that page (its title block is there) and not on the page before (a new page each).
        kind_label = library.get(resource_id).kind_label
        assert title in page and f"{kind_label} · " in page, (resource_id, start)
        assert f"{kind_label} · " not in texts[start - 2] or title not in texts[start - 2]


def test_export_pdf_packet_resources_each_start_on_a_new_page(qapp, library, tmp_path):
    out = tmp_path / "packet.pdf"
    _export(library, ["help-line-card", "exit-ticket"], out, paper="a4", cover=Cover("Short"))
    texts = page_texts(out)
    first, second = (normalise(library.get(i).title) for i in ("help-line-card", "exit-ticket"))
    first_pages = [n for n, t in enumerate(texts) if first in t and n > 1]
    second_pages = [n for n, t in enumerate(texts) if second in t and n > 1]
    assert first_pages and second_pages
    assert max(first_pages) < min(second_pages)


def test_export_pdf_reports_progress_and_can_be_cancelled(qapp, library, tmp_path):
    out = tmp_path / "packet.pdf"
    seen = []
    with pytest.raises(Cancelled):
        _export(
            library,
            PACKET,
            out,
            paper="a4",
            progress=lambda n, total: seen.append((n, total)),
            cancelled=lambda: len(seen) >= 2,
        )
    assert [n for n, _ in seen] == [1, 2]
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_export_pdf_embeds_print_fonts(qapp, library, tmp_path):
    import pypdf

    out = tmp_path / "handout.pdf"
    _export(library, [HANDOUT], out, paper="a4")
    fonts = set()
    for page in pypdf.PdfReader(str(out)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert any("DejaVuSerif" in f for f in fonts), fonts
    assert any("DejaVuSans" in f for f in fonts), fonts


def _page_pixels(pdf, tmp_path, page=1):
    """Render one page with poppler at 60 dpi, as the issue asks, and read it back as a QImage."""
    import shutil
    import subprocess

    from PySide6.QtGui import QImage

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), str(pdf), str(tmp_path / "p")], check=True
    )
    image = QImage(str(next(tmp_path.glob("p-*.png"))))
    assert not image.isNull()
    return image


def test_export_pdf_prints_light_even_with_a_dark_screen_theme(qapp, library, tmp_path):
    from PySide6.QtGui import QColor, QPalette

    previous = qapp.palette()
    dark = QPalette()
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.Link):
        dark.setColor(role, QColor("#f0f0f0"))
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        dark.setColor(role, QColor("#1e1e1e"))
    qapp.setPalette(dark)
    try:
        out = tmp_path / "dark.pdf"
        _export(library, [GUIDE], out, paper="a4", edition="teacher")
    finally:
        qapp.setPalette(previous)
    image = _page_pixels(out, tmp_path)
    grey = [
        QColor(image.pixel(x, y)).lightness() for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
    ]
    mean = sum(grey) / len(grey)
    dark_pixels = sum(1 for g in grey if g < 100)
    assert mean > 225, mean  # a white page: no dark background anywhere
    assert dark_pixels > 500, dark_pixels  # and the text is dark ink, not the theme's white


def test_pages_are_laid_out_again_for_the_printer_paper(qapp, library):
    """The preview and print dialogs let the teacher change paper; the pages follow, header and footer too."""
    from kit.printing import build_document
    from kit.printing.export import render_pdf

    document = build_document([library.get(GUIDE)], paper="a4")
    a4_pages = document.page_count
    import io

    import pypdf

    data = render_pdf(document, "letter")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {(612, 792)}
    total = len(reader.pages)
    assert document.page_count == total
    assert abs(total - a4_pages) <= 1
    for number, page in enumerate(reader.pages, start=1):
        assert f"page {number} of {total}" in normalise(page.extract_text())


def test_every_page_of_a_teacher_copy_says_so_and_no_student_page_does(qapp, library, tmp_path):
    band = "TEACHER COPY — NOT FOR STUDENTS"
    teacher = tmp_path / "teacher.pdf"
    student = tmp_path / "student.pdf"
    _export(library, PACKET, teacher, edition="teacher", paper="a4", cover=Cover("Week 4"))
    _export(library, PACKET, student, paper="a4", cover=Cover("Week 4"))
    teacher_pages = page_texts(teacher)
    assert len(teacher_pages) >= 6
    # Top and bottom of every page, the cover and contents included.
    assert all(page.count(band) == 2 for page in teacher_pages), [page[:80] for page in teacher_pages]
    assert not any(band.casefold() in page.casefold() for page in page_texts(student))


def test_pdf_says_its_title_author_language_and_subject(qapp, library, tmp_path):
    import pypdf

    single = tmp_path / "one.pdf"
    _export(library, [HANDOUT], single)
    reader = pypdf.PdfReader(str(single))
    resource = library.get(HANDOUT)
    assert reader.metadata.title == resource.title and reader.metadata.creator == "Classroom Kit"
    xmp = reader.xmp_metadata
    assert xmp.dc_language == ["en"] and resource.summary in xmp.dc_description["x-default"]
    packet = tmp_path / "packet.pdf"
    _export(library, PACKET, packet, edition="teacher", cover=Cover("Week 4 <&>", teacher="Ms. O'Brien & Co"))
    reader = pypdf.PdfReader(str(packet))
    assert reader.metadata.title == "Week 4 <&>" and reader.metadata.author == "Ms. O'Brien & Co"
    assert reader.xmp_metadata.dc_creator == ["Ms. O'Brien & Co"]
    assert "teacher copy" in reader.xmp_metadata.dc_description["x-default"]


@pytest.mark.parametrize(
    ("resource_id", "figure", "checked"),
    [
        ("who-is-harmed", "39% (as of 2022, UNODC)", r"Figures checked on \d{1,2} [A-Z][a-z]+ 20\d\d"),
        (
            "fr-signes-de-la-traite",
            "(en date de 2023, Statistique Canada)",
            r"Chiffres vérifiés le \d{1,2} [a-zéû]+ 20\d\d",
        ),
    ],
)
def test_export_pdf_prints_each_figure_with_its_year_and_source_and_when_they_were_checked(
    qapp, library, tmp_path, resource_id, figure, checked
):
    out = tmp_path / "figures.pdf"
    _export(library, [resource_id], out)
    text = normalise(" ".join(page_texts(out)))
    assert normalise(figure) in text
    assert re.search(checked, text)
    assert "{{fig:" not in text
