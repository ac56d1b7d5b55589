"""Documents teachers have become own resources: what each format keeps, checked on documents the tests write."""

import datetime as dt

import pytest

from kit.core.content.loader import load_library
from kit.core.packs import own_documents, own_pack
from kit.core.render import markup, slides
from kit.core.render.links import image_problem
from kit.core.search.documents import extract
from testdata import REPO
from testdocuments import FOOTNOTE_TEXT, make_docx, make_odp, make_odt, make_pdf, make_pptx, png

TODAY = dt.date(2026, 12, 6)


@pytest.fixture
def packs_dir(tmp_path):
    return tmp_path / "packs"


def added(source, packs_dir):
    result = own_pack.add_file(source, packs_dir, set(), TODAY)
    library = load_library([packs_dir / "own"])
    assert not library.errors(), library.errors()
    return result, library.get(result.resource_id)


def assert_images_shown(resource, count):
    rendered = markup.render(resource, "teacher")
    assert len(rendered.images) == count
    for relative in rendered.images:
        assert image_problem(resource.pack_dir / relative) is None
    assert not [p for p in rendered.problems if p.severity == "error"]


def test_word_handout_keeps_its_structure(tmp_path, packs_dir):
    result, resource = added(make_docx(tmp_path / "Water Cycle.docx"), packs_dir)
    assert result.resource_id == "water-cycle"
    assert (resource.title, resource.kind, resource.language) == ("The water cycle", "handout", "en")
    assert resource.summary == "Water moves between the sea, the air and the land."  # its first sentence
    body = resource.body
    assert "# The water cycle" not in body  # the title is shown once, by the reader
    for kept in (
        "## Steps",
        "**Evaporation**",
        "*condensation*",
        "<s>Old name</s>",
        "[the water page](https://example.org/water)",
        "- Clouds form over the hills",
        "1. Precipitation returns the water",
        "| Rain | Land |",
        f"[^1]: {FOOTNOTE_TEXT}",
    ):
        assert kept in body
    assert_images_shown(resource, 1)
    assert (packs_dir / "own" / "originals" / "water-cycle.docx").read_bytes() == (
        tmp_path / "Water Cycle.docx"
    ).read_bytes()
    assert 'class="footnote"' in markup.render(resource).html


def test_powerpoint_deck_is_one_slide_per_slide_with_notes_for_the_presenter(tmp_path, packs_dir):
    from pptx import Presentation

    deck = Presentation(str(make_pptx(tmp_path / "forces.pptx", extra_slides=1)))
    deck.slides[3]._element.set("show", "0")  # hidden in PowerPoint: not presented there either
    deck.save(str(tmp_path / "forces.pptx"))
    result, resource = added(tmp_path / "forces.pptx", packs_dir)
    assert "1 hidden slide(s) left out" in result.warnings and "Question 1" not in resource.body
    assert (resource.title, resource.kind) == ("Forces and motion", "guide")
    projected = slides.split_slides(resource, "student")
    assert [s.title for s in projected] == ["Forces and motion", "What is a force?", "Weight on a spring"]
    assert "spring balance" not in "".join(s.markdown for s in projected)  # never on the projector
    assert "spring balance" in " ".join(projected[1].notes)  # on the presenter's screen
    assert "spring balance" not in markup.render(resource, "student").html  # nor in the student print
    assert "    - Measured in newtons" in resource.body and "| Weight | newton |" in resource.body
    assert_images_shown(resource, 1)


def test_opendocument_text_and_presentation(tmp_path, packs_dir):
    _, text = added(make_odt(tmp_path / "volcanoes.odt"), packs_dir)
    assert text.title == "Volcanoes" and "## Kinds" in text.body and "| Etna" in text.body
    assert "- stratovolcanoes" in text.body
    assert_images_shown(text, 1)
    _, deck = added(make_odp(tmp_path / "plates.odp"), packs_dir)
    projected = slides.split_slides(deck)
    assert [s.title for s in projected] == ["Plates move", "Earthquakes"]
    assert "Point at the map for slide 2." in " ".join(projected[1].notes)
    assert "Point at the map" not in markup.render(deck, "student").html


def test_pdf_pages_print_as_they_look_and_their_text_is_searchable(qapp, tmp_path, packs_dir):
    _, resource = added(make_pdf(tmp_path / "rocks.pdf", pages=2), packs_dir)
    assert (resource.title, resource.kind) == ("Rocks and minerals", "handout")
    projected = slides.split_slides(resource, "student")
    assert len(projected) == 2 and "Granite" in " ".join(projected[0].notes)  # one slide per page, text as notes
    assert_images_shown(resource, 2)
    student = markup.render(resource, "student")
    assert len(student.images) == 2 and "Granite" not in student.html  # the page image, not the text twice
    assert "    ## Chapter 1: Igneous rocks" in resource.body  # headings found by font size
    assert "Earth science unit" not in resource.body  # the running foot is left out
    assert "granite" in extract(resource).teacher.lower()  # searchable


def test_saved_web_page_keeps_main_content_and_local_images_only(tmp_path, packs_dir):
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "map.png").write_bytes(png())
    (tmp_path / "page.html").write_text(
        "<html><head><title>La photosynthèse</title><script>alert(1)</script></head><body>"
        "<nav>Accueil | Menu</nav><main><h1>La photosynthèse</h1>"
        "<p onclick='x()'>Les plantes utilisent la lumière pour faire du sucre, et c'est la base de la vie.</p>"
        "<img src='page_files/map.png' alt='Carte'><img src='https://tracker.example/pixel.gif'>"
        "<script>document.write('injected')</script><a href='javascript:evil()'>clic</a></main>"
        "<footer>© site</footer></body></html>",
        encoding="utf-8",
    )
    result, resource = added(tmp_path / "page.html", packs_dir)
    assert (resource.title, resource.language) == ("La photosynthèse", "fr")
    for gone in ("Accueil", "alert", "injected", "javascript", "tracker", "© site", "onclick"):
        assert gone not in resource.body
    assert "![Carte](images/page/image-1.png)" in resource.body and "clic" in resource.body
    assert any("web image(s) not kept" in note for note in result.warnings)
    assert_images_shown(resource, 1)


def test_update_from_original_keeps_the_teachers_front_matter(tmp_path, packs_dir):
    source = make_docx(tmp_path / "water.docx")
    result, _ = added(source, packs_dir)
    path = result.path
    text = path.read_text().replace("title: The water cycle", "title: Water for 8B")
    text = text.replace(
        "summary: Water moves between the sea, the air and the land.", "summary: >\n  For 8B,\n  week 3."
    )
    path.write_text(text)  # the teacher's edits, one of them over two lines
    make_docx(own_documents.original_of(packs_dir, "water"), paragraphs=3)  # the teacher edits the kept original
    own_documents.update_from_original(packs_dir, "water", TODAY)
    resource = load_library([packs_dir / "own"]).get("water")
    assert resource.title == "Water for 8B" and "Paragraph 2: the river" in resource.body
    assert resource.summary == "For 8B, week 3."
    make_docx(source, paragraphs=5)  # or a version saved elsewhere, which becomes the kept original
    own_documents.update_from_original(packs_dir, "water", TODAY, source=source)
    assert "Paragraph 4: the river" in load_library([packs_dir / "own"]).get("water").body
    assert own_documents.original_of(packs_dir, "water").read_bytes() == source.read_bytes()


def test_a_folder_of_documents_is_added(tmp_path, packs_dir):
    folder = tmp_path / "unit"
    folder.mkdir()
    make_docx(folder / "a.docx")
    make_pptx(folder / "b.pptx")
    (folder / "notes.xls").write_bytes(b"x")
    done, refused = own_pack.add_paths([folder], packs_dir, set(), TODAY)
    assert sorted(a.resource_id for a in done) == ["a", "b"] and not refused
    seen = []
    done, _ = own_pack.add_paths(
        [folder],
        tmp_path / "other",
        set(),
        TODAY,
        progress=lambda n, total, path: seen.append((n, total, path.name)),
        cancelled=lambda: len(seen) == 1,  # the teacher presses Cancel while the first file goes in
    )
    assert seen == [(0, 2, "a.docx")] and [a.resource_id for a in done] == ["a"]


def test_no_document_library_is_loaded_until_a_document_is_added():
    import subprocess
    import sys

    code = (
        "import sys, kit.core.packs.own_pack, kit.core.importers, kit.ui.teacher.pack_actions;"
        "print([m for m in ('mammoth', 'pptx', 'odfdo', 'pypdfium2', 'bs4', 'markdownify', 'PIL', 'lxml')"
        " if m in sys.modules])"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    loaded = run.stdout
    assert loaded.strip() == "[]"  # the app's cold start pays for none of them
