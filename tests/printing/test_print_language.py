"""Printed words follow the resource's language, not the interface's (issue 20): a French handout printed from an
English session says « page 1 sur 3 », « Édition élève », « Sources »; an English one from a French session does not."""

import pytest
from pdfcheck import bundled_library, pdfium_texts

from kit.core import i18n
from kit.printing import Cover, export_pdf

FRENCH_LABELS = ("Trousse de classe", "Édition élève", "Avertissement", "page 1 sur")
ENGLISH_LABELS = ("Classroom Kit", "Student edition", "Content note", "page 1 of")


@pytest.fixture
def session(qapp):
    """Set this process's interface language for one test (the CLI and the app set it once at start-up)."""
    yield i18n.set_language
    i18n.set_language("en")


def _pages(tmp_path, ids, **options) -> list[str]:
    library = bundled_library()
    out = tmp_path / "out.pdf"
    export_pdf([library.get(i) for i in ids], out, **options)
    return pdfium_texts(out)


def _text(tmp_path, ids, **options) -> str:
    return " ".join(_pages(tmp_path, ids, **options))


def test_a_french_resource_prints_french_labels_in_an_english_session(tmp_path, session):
    session("en")
    text = _text(tmp_path, ["fr-carte-aide"])
    assert all(label in text for label in FRENCH_LABELS), text[-300:]
    assert not any(label in text for label in ENGLISH_LABELS[1:]), text[-300:]
    assert "Source : " in text and "mis à jour le" in text


def test_an_english_resource_prints_english_labels_in_a_french_session(tmp_path, session):
    session("fr")
    text = _text(tmp_path, ["help-line-card"], edition="teacher")
    assert all(label in text for label in ("Classroom Kit", "Teacher edition", "page 1 of")), text[-300:]
    assert "TEACHER COPY — NOT FOR STUDENTS" in text and "Trousse de classe" not in text


def test_a_french_packet_has_a_french_cover_and_contents(tmp_path, session):
    session("en")
    text = _text(
        tmp_path, ["fr-carte-aide", "fr-signes-avant-coureurs"], edition="teacher", cover=Cover(class_name="402")
    )
    for label in ("Cahier de la classe", "Table des matières", "Groupe : 402", "2 ressources", "COPIE DE L'ENSEIGNANT"):
        assert label in text, label
    assert "▌ Réservé au personnel enseignant" in text  # each facilitator block, marked as the teacher's
    assert "Class packet" not in text and "Contents" not in text and "Teacher only" not in text


def test_a_mixed_packet_speaks_the_interface_language_on_its_cover(tmp_path, session):
    session("fr")
    pages = _pages(tmp_path, ["fr-carte-aide", "help-line-card"], cover=Cover())
    total = len(pages)
    assert "Cahier de la classe" in pages[0] and pages[0].endswith(f"page 1 sur {total}")  # as the teacher reads
    assert pages[2].endswith(f"page 3 sur {total}")  # the French card
    assert pages[-1].endswith(f"page {total} of {total}")  # the English card, in English


def test_a_french_page_names_its_pack_and_cites_its_sources_in_french(tmp_path, session):
    session("en")
    library = bundled_library()
    text = _text(tmp_path, ["fr-signes-de-la-traite"], packs={p.id: p for p in library.packs})
    assert "Comprendre la traite des personnes" in text and "Understanding Human Trafficking" not in text
    assert "consulté le" in text and "(accessed" not in text


def test_printed_dates_read_naturally_in_the_resource_s_language(tmp_path, session):
    """The cover's date (typed as 2026-12-06 or left for today), « mis à jour le » and « consulté le » are written
    out in the packet's language, never ISO, whatever the session's."""
    import datetime as dt
    import re

    from kit.core.dates_numbers import long_date

    session("en")
    pages = _pages(tmp_path, ["fr-carte-aide", "fr-signes-de-la-traite"], cover=Cover(date="2026-12-06"))
    french = " ".join(pages)
    assert "Date : 6 décembre 2026" in french.replace("\u00a0", " ")
    footers = [page for page in pages if "Source : " in page.replace("\u00a0", " ")]
    assert len(footers) == len(pages) - 2  # every page but the cover and the contents
    for page in footers:  # the longer date is never the part of the footer cut off
        assert re.search(r"CC BY 4\.0 · mis à jour le \d{1,2}(er)? [a-zéû]+ \d{4}", page), page[-200:]
    assert re.search(r"consulté le \d{1,2}(er)? [a-zéû]+ \d{4}", french)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", french)
    session("fr")
    english = _text(tmp_path, ["help-line-card", "warning-signs-sheet"], cover=Cover())
    assert f"Date: {long_date(dt.date.today(), 'en')}".replace("\u00a0", " ") in english  # PDF text: plain spaces
    assert not re.search(r"\d{4}-\d{2}-\d{2}", english)
