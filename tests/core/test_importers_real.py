"""Documents made by Word and PowerPoint (published by mammoth and python-pptx, see tests/data/documents/README.md):
the text the library itself extracts is in the imported resource, and the resource loads and renders cleanly."""

import pytest

from kit.core.content.loader import load_library
from kit.core.packs import own_pack
from kit.core.render import markup, slides
from testdata import DATA

DOCUMENTS = DATA / "documents"


def imported(name, tmp_path):
    added = own_pack.add_file(DOCUMENTS / name, tmp_path / "packs", set())
    library = load_library([tmp_path / "packs" / "own"])
    assert not library.errors(), library.errors()
    resource = library.get(added.resource_id)
    for edition in ("student", "teacher"):
        assert not [p for p in markup.render(resource, edition).problems if p.severity == "error"]
    return resource


def test_every_real_document_imports(tmp_path):
    names = sorted(p.name for p in DOCUMENTS.iterdir() if p.suffix in (".docx", ".pptx"))
    assert len(names) == 8
    for name in names:
        imported(name, tmp_path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("mammoth-footnotes.docx", ["Ouch[^1].[^2]", "[^1]: A tachyon walks into a bar.", "[^2]: Fin."]),
        ("mammoth-endnotes.docx", ["[^e2]: A tachyon walks into a bar."]),
        ("mammoth-tables.docx", ["| Top left | Top right |", "| Bottom left | Bottom right |"]),
        ("mammoth-strikethrough.docx", ["<s>Today's Special: Salmon</s> Sold out"]),
        ("mammoth-text-box.docx", ["Datum plane"]),
    ],
)
def test_word_documents_keep_what_mammoth_reads(tmp_path, name, expected):
    resource = imported(name, tmp_path)
    for text in expected:
        assert text in resource.body
    if "<s>" in resource.body:
        assert "<s>Today" in markup.render(resource).html  # the reader keeps it struck out


def test_powerpoint_text_matches_python_pptx_extraction(tmp_path):
    from pptx import Presentation

    deck = Presentation(str(DOCUMENTS / "python-pptx-test_slides.pptx"))
    words = {
        shape.text_frame.text.strip()
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame and shape.text_frame.text.strip()
    }
    resource = imported("python-pptx-test_slides.pptx", tmp_path)
    assert words and all(word in resource.body for word in words)
    assert len(markup.render(resource).images) == 2  # the GIF and the JPEG


def test_speaker_notes_reach_the_presenter_only(tmp_path):
    resource = imported("python-pptx-sld-notes.pptx", tmp_path)
    projected = slides.split_slides(resource, "student")
    assert "Notes" in " ".join(note for s in projected for note in s.notes)
    assert "Notes" not in markup.render(resource, "student").html
