"""The print document: images only from inside the pack and scaled to the page, tables within the width,
no heading alone at the bottom of a page, and hostile pages print without reading anything outside the pack."""

import sys

import pytest
from pdfcheck import REPO, image_sizes, make_picture_pack, page_texts

from kit.core.content.loader import load_library
from kit.printing import export_pdf
from kit.printing.document import PrintDocument, first_line_bottom, keep_headings_with_next, make_document
from kit.printing.paper import PageGeometry

BAD = REPO / "tests" / "data" / "bad"


def _body():
    return PageGeometry.for_paper("a4").body.size()


def _images_in(document):
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(fmt.toImageFormat())
            iterator += 1
        block = block.next()
    return found


def test_document_scales_wide_images_to_the_page_width(qapp, tmp_path):
    pack = make_picture_pack(tmp_path)
    html = '<p><img src="images/wide.png"></p><p><img src="images/small.png"></p>'
    document = make_document(html, pack, _body())
    wide, small = _images_in(document)
    assert wide.width() == pytest.approx(_body().width(), abs=0.5)
    assert wide.height() == pytest.approx(_body().width() * 400 / 3000, abs=0.5)
    assert (small.width(), small.height()) == (41, 29)  # small pictures keep their size
    assert sorted(p.name for p in document.loaded) == ["small.png", "wide.png"]


def test_document_tables_fit_the_page_width(qapp, tmp_path):
    pack = make_picture_pack(tmp_path)
    library = load_library([pack])
    resource = library.get("pictures")
    from kit.printing.document import resource_html

    document = make_document(resource_html(resource, "student"), pack, _body())
    assert document.size().width() <= _body().width() + 0.5  # no long word or cell pushes past the margin


@pytest.mark.parametrize(
    "src",
    [
        "file://{secret}",
        "{secret}",
        "../secret.png",
        "images/../../secret.png",
        "http://example.com/x.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "qrc:/x.png",
        "images/missing.png",
    ],
)
def test_document_refuses_images_outside_the_pack(qapp, tmp_path, src):
    pack = make_picture_pack(tmp_path)
    secret = tmp_path / "secret.png"
    opened = []
    hook = lambda event, args: opened.append(str(args[0])) if event == "open" else None  # noqa: E731
    sys.addaudithook(hook)  # audit hooks cannot be removed; the list is local to this test
    document = make_document(f'<p><img src="{src.format(secret=secret)}"></p>', pack, _body())
    images = _images_in(document)
    assert len(images) == 1
    assert document.loaded == []
    assert document.refused
    assert not [p for p in opened if p.endswith("secret.png")]


def test_document_refuses_style_sheets_and_other_resources(qapp, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    document = PrintDocument(tmp_path)
    (tmp_path / "x.css").write_text("p { color: red }")
    assert not document.loadResource(QTextDocument.ResourceType.StyleSheetResource.value, QUrl("x.css"))


def test_hostile_pages_print_without_reading_outside_the_pack(qapp, tmp_path):
    """F14: the printer uses the reader's policy; the bad-input pages print, with no outside file embedded."""
    library = load_library([BAD])
    ids = [
        "m04-local-images",
        "i08-outside",
        "m05-remote-image",
        "m06-data-image",
        "i02-big-pngs",
        "i04-disguised",
        "i05-svg",
        "i03-garbage-png",
        "i-ok",
    ]
    resources = [r for r in (library.get(i) for i in ids) if r is not None]
    assert len(resources) >= 7
    out = tmp_path / "hostile.pdf"
    result = export_pdf(resources, out, paper="a4")
    assert result.pages >= len(resources) + 2
    sizes = image_sizes(out)
    assert set(sizes) <= {(4, 4)}, sizes  # only the pack's own small ok.png
    assert "picture not available" in " ".join(page_texts(out))


def test_raw_hostile_html_embeds_no_outside_file(qapp, tmp_path):
    from kit.printing.pages import PagedDocument, Section

    pack = make_picture_pack(tmp_path)
    secret = tmp_path / "secret.png"
    html = (
        f'<p><img src="file://{secret}"> <img src="{secret}"> <img src="../secret.png"><img src="images/small.png"></p>'
    )
    section = Section("Hostile", "Source", lambda size: make_document(html, pack, size))
    document = PagedDocument([section], PageGeometry.for_paper("a4"))
    from kit.printing.export import render_pdf

    out = tmp_path / "raw.pdf"
    out.write_bytes(render_pdf(document, "a4"))
    sizes = image_sizes(out)
    assert (37, 23) not in sizes  # the outside picture
    assert (41, 29) in sizes  # the pack's own picture


def test_headings_are_never_left_alone_at_the_bottom_of_a_page(qapp):
    paragraph = "<p>" + "Several words of running text for the page. " * 9 + "</p>"
    moved = 0
    for lead in range(12):
        html = "".join(paragraph if i != lead else f"<h2>Heading {i}</h2>{paragraph}" for i in range(40))
        html = html.replace(paragraph, f"{paragraph}<h3>Sub</h3>", 3)
        document = make_document(html, None, _body())
        height = document.pageSize().height()
        layout = document.documentLayout()
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and block.next().isValid():
                heading_page = int(layout.blockBoundingRect(block).top() // height)
                next_line_bottom = first_line_bottom(document, block.next())
                assert int((next_line_bottom - 0.5) // height) == heading_page, block.text()
                if block.blockFormat().pageBreakPolicy():
                    moved += 1
            block = block.next()
    assert moved  # the fixture did put a heading at a page bottom at least once


def test_keep_headings_is_idempotent_on_a_short_page(qapp):
    document = make_document("<h1>Title</h1><p>One line.</p>", None, _body())
    keep_headings_with_next(document)
    assert document.pageCount() == 1


def _orphaned_headings(document):
    height = document.pageSize().height()
    layout = document.documentLayout()
    orphans = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.next().isValid():
            page = int(layout.blockBoundingRect(block).top() // height)
            if int((first_line_bottom(document, block.next()) - 0.5) // height) != page:
                orphans.append(block.text())
        block = block.next()
    return orphans


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_bundled_resource_leaves_a_heading_at_a_page_bottom(qapp, paper):
    from pdfcheck import bundled_library

    from kit.printing.document import resource_html

    body = PageGeometry.for_paper(paper).body.size()
    for resource in bundled_library().resources:
        for edition in ("student", "teacher"):
            document = make_document(resource_html(resource, edition), resource.pack_dir, body)
            assert _orphaned_headings(document) == [], (resource.id, edition)
            assert document.size().width() <= body.width() + 0.5, (resource.id, edition)  # nothing wider than the page
