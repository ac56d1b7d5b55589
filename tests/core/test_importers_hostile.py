"""Broken and hostile documents: each is refused in one line, nothing is fetched, nothing stays in the pack."""

import io
import socket
import zipfile

import pytest

from kit.core.importers import pdf
from kit.core.packs import own_pack
from testdocuments import make_blank_pdf, make_docx, make_pptx, rewrite_zip


@pytest.fixture
def packs_dir(tmp_path):
    return tmp_path / "packs"


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an importer tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def refused(source, packs_dir) -> str:
    with pytest.raises(own_pack.MaterialError) as caught:
        own_pack.add_file(source, packs_dir, set())
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(source))
    own = packs_dir / "own"
    left = (
        sorted(p.relative_to(own).as_posix() for p in own.rglob("*") if p.name != "pack.yaml") if own.exists() else []
    )
    assert left == [], left  # nothing half-imported
    return message


def test_random_bytes_named_docx(tmp_path, packs_dir):
    (tmp_path / "x.docx").write_bytes(bytes(range(256)) * 40)
    assert "damaged or not a Word document" in refused(tmp_path / "x.docx", packs_dir)


def test_a_zip_that_is_not_a_docx(tmp_path, packs_dir):
    with zipfile.ZipFile(tmp_path / "x.docx", "w") as zf:
        zf.writestr("hello.txt", "not a document")
    assert "word/document.xml is missing" in refused(tmp_path / "x.docx", packs_dir)


def test_a_pptx_named_docx(tmp_path, packs_dir):
    make_pptx(tmp_path / "deck.pptx").rename(tmp_path / "x.docx")
    assert "not a Word document" in refused(tmp_path / "x.docx", packs_dir)


def test_zip_bomb_docx(tmp_path, packs_dir):
    source = make_docx(tmp_path / "x.docx")
    rewrite_zip(source, {"word/media/huge.bin": bytes(6_000_000)})  # 6 MB of zeros packs to a few KB
    assert "zip bomb" in refused(source, packs_dir)


def test_entity_expansion_docx(tmp_path, packs_dir):
    source = make_docx(tmp_path / "x.docx")
    laughs = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    rewrite_zip(source, {"word/document.xml": lambda data: laughs + data.split(b"?>", 1)[1]})
    assert "declares XML entities" in refused(source, packs_dir)


def test_password_protected_word_file(tmp_path, packs_dir):
    # Word saves a password-protected .docx inside its older compound-file container.
    (tmp_path / "x.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    assert "password-protected" in refused(tmp_path / "x.docx", packs_dir)


def test_password_protected_pdf(tmp_path, packs_dir):
    source = make_blank_pdf(tmp_path / "x.pdf", 1, password="secret")
    assert "password-protected" in refused(source, packs_dir)


def test_huge_pdf_is_refused_before_rendering(tmp_path, packs_dir):
    source = make_blank_pdf(tmp_path / "x.pdf", pdf.MAX_PAGES + 1)
    assert f"limit {pdf.MAX_PAGES}" in refused(source, packs_dir)


def test_truncated_pdf(tmp_path, packs_dir):
    source = make_blank_pdf(tmp_path / "x.pdf", 2)
    source.write_bytes(source.read_bytes()[:300])
    assert "damaged" in refused(source, packs_dir)


def test_linked_picture_in_a_deck_is_not_fetched(tmp_path, packs_dir):
    # A picture whose relationship points to the web: python-pptx can only follow embedded parts.
    source = make_pptx(tmp_path / "x.pptx")
    with zipfile.ZipFile(source) as zf:
        rels = [n for n in zf.namelist() if n.startswith("ppt/slides/_rels/") and b"image" in zf.read(n)]
    rewrite_zip(
        source,
        {
            rels[0]: lambda data: data.replace(
                b'Target="../media/', b'TargetMode="External" Target="http://evil.example/'
            )
        },
    )
    added = own_pack.add_file(source, packs_dir, set())
    assert "evil.example" not in added.path.read_text()


def test_pixel_bomb_image_in_a_page_is_not_kept(tmp_path, packs_dir):
    from PIL import Image

    big = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(big, "PNG")  # 400 MP, a few hundred KB
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "big.png").write_bytes(big.getvalue())
    (tmp_path / "page.html").write_text("<main><p>Some words here.</p><img src='page_files/big.png'></main>")
    added = own_pack.add_file(tmp_path / "page.html", packs_dir, set())
    assert "big" not in added.path.read_text() and any("image" in w for w in added.warnings)


def test_a_document_with_nothing_to_show(tmp_path, packs_dir):
    from docx import Document

    Document().save(str(tmp_path / "empty.docx"))
    assert "no text or pictures" in refused(tmp_path / "empty.docx", packs_dir)


def test_a_failure_after_the_images_leaves_nothing(tmp_path, packs_dir, monkeypatch):
    from kit.core.packs import own_documents

    def refuse(*args, **kwargs):
        raise own_pack.MaterialError("x.md: the disk filled up")

    monkeypatch.setattr(own_documents, "write_resource", refuse)
    refused(make_docx(tmp_path / "x.docx"), packs_dir)


def test_what_a_killed_import_left_is_tidied(tmp_path, packs_dir):
    import os
    import time

    from kit.core.packs import own_documents

    own_pack.add_file(make_docx(tmp_path / "kept.docx"), packs_dir, set())
    own = packs_dir / "own"
    (own / "originals" / "killed.docx").write_bytes(b"PK")  # as a kill between the images and the Markdown leaves
    (own / "images" / "killed").mkdir()
    (own / "images" / "killed" / "image-1.png").write_bytes(b"x")
    old = time.time() - 3600
    os.utime(own / "originals" / "killed.docx", (old, old))
    assert own_documents.remove_unfinished(own, 600) == ["removed an unfinished import (killed.docx)"]
    assert not (own / "images" / "killed").exists() and (own / "originals" / "kept.docx").exists()


def test_a_document_longer_than_one_page_of_the_kit_is_refused_with_a_size(tmp_path, packs_dir):
    # ~100 characters a paragraph: 2,500 of them are past markup.MAX_BODY_CHARS (200,000), a 60-page report.
    message = refused(make_docx(tmp_path / "long.docx", paragraphs=2_500), packs_dir)
    assert "characters as Markdown" in message and "200,000" in message and "split it into smaller" in message


def test_a_document_of_more_list_items_than_a_page_holds_is_refused(tmp_path, packs_dir):
    from docx import Document

    document = Document()
    for number in range(2_100):
        document.add_paragraph(f"Item {number}", style="List Bullet")
    document.save(str(tmp_path / "items.docx"))
    message = refused(tmp_path / "items.docx", packs_dir)
    assert "more than 2,000 list items" in message and "split it into smaller" in message
