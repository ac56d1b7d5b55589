"""The share's WSGI app called directly: routes, headers, methods, languages, pictures and hostile requests."""

from __future__ import annotations

import gzip
import re
import struct
import zlib

import pytest

from kit.core.content.loader import load_library
from kit.core.paths import resolve_locations
from kit.web import create_app
from kit.web.strings import audiences_label, preferred_language
from testdata import REPO

from .conftest import call


def test_library_lists_student_resources_with_filters(bundled_app):
    reply = call(bundled_app, "/")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<html lang="en">' in reply.text
    assert 'href="/r/what-is-human-trafficking"' in reply.text
    assert "/r/teacher-self-care" not in reply.text and "/r/user-guide" not in reply.text
    for name in ("kind", "audience", "language"):
        assert f'<label for="f-{name}">' in reply.text and f'<select id="f-{name}" name="{name}">' in reply.text
    french = call(bundled_app, "/", "language=fr")
    library = load_library([REPO / "resources"])
    french_student_pages = [r for r in library.resources if r.language == "fr" and r.is_for_students]
    assert french.text.count('<li lang="fr">') == len(french_student_pages) >= 6
    assert '<li lang="en">' not in french.text
    assert '<html lang="fr">' in french.text and "Bibliothèque" in french.text
    handouts = call(bundled_app, "/", "kind=handout")
    assert 'href="/r/exit-ticket"' in handouts.text and 'href="/r/what-is-human-trafficking"' not in handouts.text
    # A filter value the share does not have is ignored, not an error.
    assert call(bundled_app, "/", "kind=teacher").status == 200


def test_search_works_as_a_plain_form_with_corrections_and_snippets(bundled_app):
    reply = call(bundled_app, "/search", "q=recrutment")
    assert reply.status == 200
    assert "Did you mean" in reply.text and 'href="/search?q=recruitment"' in reply.text
    assert "<b>Recruit" in reply.text or "<b>recruit" in reply.text
    assert reply.headers["Cache-Control"] == "no-store"
    assert 'value="recrutment"' in reply.text  # the box keeps what was typed
    empty = call(bundled_app, "/search")
    assert empty.status == 200 and "No matches" not in empty.text
    nothing = call(bundled_app, "/search", "q=zzzzqqqq")
    assert "No matches" in nothing.text
    escaped = call(bundled_app, "/search", "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert "<script>alert" not in escaped.text and "&lt;script&gt;" in escaped.text


def test_reader_page_is_the_student_edition_with_web_links(bundled_app):
    reply = call(bundled_app, "/r/guide-recruitment-online")
    assert reply.status == 200
    assert "<main" in reply.text and "<header" in reply.text and "<footer" in reply.text
    assert reply.text.count("<h1") == 1
    assert 'href="/r/guide-recruitment-online/print"' in reply.text
    assert "kit:" not in reply.text  # every kit: link became a web address or plain text
    links = set(re.findall(r'href="/r/([^"/#]+)', reply.text))
    assert links and all(call(bundled_app, f"/r/{rid}").status == 200 for rid in links)
    assert "Teacher only" not in reply.text


def test_french_resources_get_french_interface(bundled_app):
    reply = call(bundled_app, "/r/fr-obtenir-de-l-aide")
    assert '<html lang="fr">' in reply.text
    assert "Retour à la bibliothèque" in reply.text and "Chercher dans la trousse" in reply.text
    assert "7e à 12e année" in reply.text
    assert "Back to the library" not in reply.text


def test_shared_pages_show_figures_with_their_year_and_source_and_when_they_were_checked(bundled_app):
    english = call(bundled_app, "/r/who-is-harmed").text
    assert '39% <span class="figure-note">(as of 2022, UNODC)</span>' in english
    assert re.search(r'<p class="figures-checked">Figures checked on \d{1,2}\u00a0[A-Z][a-z]+ 20\d\d</p>', english)
    french = call(bundled_app, "/r/fr-mythes-et-realites/print").text
    assert "(en date de 2023, Statistique Canada)" in french
    assert re.search(r"Chiffres vérifiés le \d{1,2}(er)?\u00a0[a-zéû]+ 20\d\d", french)


def test_print_page_keeps_write_in_lines_and_drops_navigation(bundled_app):
    reply = call(bundled_app, "/r/exit-ticket/print")
    assert reply.status == 200 and 'class="printable"' in reply.text
    assert "Print-friendly page" not in reply.text and "Back to the library" not in reply.text
    # The handout's answer space (`!!! answer-lines 2` under each of four questions) is kept, as lines to write on.
    assert reply.text.count('<div class="answer-space"><hr><hr></div>') == 4


def test_every_response_has_the_security_headers(bundled_app):
    for path in ("/", "/search", "/r/exit-ticket", "/static/kit.css", "/nowhere"):
        headers = call(bundled_app, path).headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "http" not in csp  # no other origin, ever
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"


def test_pages_have_no_inline_script_or_style_and_no_other_origin(bundled_app):
    for path in ("/", "/search", "/r/what-is-human-trafficking", "/r/exit-ticket/print"):
        text = call(bundled_app, path, "q=signs").text
        assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", text)
        assert "<style" not in text and " style=" not in text and " on" + "click" not in text
        assert not re.search(r'(src|href)="(https?:)?//', text.replace('class="external" href="http', ""))
    script = call(bundled_app, "/static/search.js")
    assert script.headers["Content-Type"].startswith("text/javascript") and b"http" not in script.body


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"])
def test_only_get_and_head_are_answered(bundled_app, method):
    reply = call(bundled_app, "/", method=method)
    assert reply.status == 405 and reply.headers["Allow"] == "GET, HEAD"


def test_head_has_the_headers_and_no_body(bundled_app):
    get = call(bundled_app, "/r/exit-ticket")
    head = call(bundled_app, "/r/exit-ticket", method="HEAD")
    assert head.status == 200 and head.body == b""
    assert head.headers["Content-Length"] == get.headers["Content-Length"] == str(len(get.body))


@pytest.mark.parametrize(
    ("path", "query", "status"),
    [
        ("/r/unknown-id", "", 404),
        ("/r/..", "", 404),
        ("/r/../../etc/passwd", "", 404),
        ("/static/../app.py", "", 404),
        ("/static/kit.css/", "", 404),
        ("/r/exit-ticket/print/", "", 404),
        ("/r/EXIT-TICKET", "", 404),
        ("/\xff\xfe", "", 400),  # not UTF-8 once the server's latin-1 is undone
        ("/search", "q=%ff%fe", 400),
        ("/search", "q=" + "a" * 3000, 414),
        ("/r/" + "a" * 3000, "", 414),
        ("/search", "&".join(f"k{i}=v" for i in range(50)), 400),
        ("/", "edition=teacher", 200),
        ("/r/exit-ticket/picture/%00", "", 404),
    ],
)
def test_hostile_requests_get_a_clean_answer(bundled_app, path, query, status):
    reply = call(bundled_app, path, query)
    assert reply.status == status
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Traceback" not in reply.text and "<h1>" in reply.text
    assert call(bundled_app, "/").status == 200  # and the app keeps answering


def test_interface_language_follows_the_browser(bundled_app):
    assert '<html lang="fr">' in call(bundled_app, "/", headers={"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5"}).text
    assert preferred_language("de-DE, en;q=0.2, fr;q=0.8") == "fr"
    assert preferred_language("x;q=abc, ,;;") == "en"
    assert audiences_label(("grades-7-8", "grades-9-10", "grades-11-12"), "en") == "Grades 7–12"
    assert audiences_label(("grades-7-8", "grades-11-12"), "en") == "Grades 7–8, Grades 11–12"
    assert audiences_label(("grades-7-8", "grades-9-10"), "fr") == "7e à 10e année"
    assert audiences_label(("grades-7-8", "educators"), "fr") == "7e et 8e année, Enseignants"  # as the app says it


def test_the_share_speaks_the_app_s_catalogue():
    """One translation of each word (issue 20): the share's kinds and audiences are the app's ("Model" in
    kit/translations/kit_fr.ts), and each of its own words has a finished French entry in the same catalogue."""
    from kit.core.i18n import catalogue, translate_for
    from kit.core.model import AUDIENCE_LABELS, KIND_LABELS
    from kit.web import strings

    for kind, label in KIND_LABELS.items():
        assert (
            strings.kind_label(kind, "fr") == translate_for("fr", "Model", label) == catalogue("fr")[("Model", label)]
        )
    for audience, label in AUDIENCE_LABELS.items():
        assert strings.audience_label(audience, "fr") == catalogue("fr")[("Model", label)]
    french = catalogue("fr")
    missing = [text for text in strings.WORDS.values() if (strings.CONTEXT, text) not in french]
    assert not missing
    words = strings.words("fr")
    assert (words["search"], words["search_button"]) == ("Recherche", "Chercher")
    assert strings.words("en")["search_button"] == "Search" and strings.words("de") == strings.words("en")
    assert not [name for name in vars(strings) if name.endswith("_FR")]  # no second French table


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@pytest.fixture
def picture_app(tmp_path):
    """A pack whose page shows one picture, hides one in a teacher block, and points at one outside."""
    pack = tmp_path / "packs" / "pics"
    (pack / "images").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: pics\ntitle: Pictures\nversion: '1'\nlanguage: en\n", encoding="utf-8")
    (pack / "images" / "map.png").write_bytes(_png(4, 3))
    (pack / "images" / "answers.png").write_bytes(_png(2, 2))
    (pack / "images" / "fake.png").write_bytes(b"<html>not a picture</html>")
    (tmp_path / "secret.png").write_bytes(_png(1, 1))
    (pack / "map-page.md").write_text(
        "---\ntitle: A map page\nkind: handout\naudience: [grades-7-8]\nlanguage: en\n---\n"
        "![The map](images/map.png)\n\n![Fake](images/fake.png)\n\n![Outside](../../secret.png)\n\n"
        "Read [the teacher note](kit:teacher-page) and [the other page](kit:other-page#part).\n\n"
        '!!! teacher "Answers"\n    ![Answer key](images/answers.png)\n',
        encoding="utf-8",
    )
    (pack / "other-page.md").write_text(
        "---\ntitle: Other page\nkind: article\naudience: [grades-7-8]\nlanguage: en\n---\n## Part {#part}\n\nText.\n",
        encoding="utf-8",
    )
    (pack / "teacher-page.md").write_text(
        "---\ntitle: Teacher page\nkind: teacher\naudience: [educators]\nlanguage: en\n---\nFor teachers.\n",
        encoding="utf-8",
    )
    return create_app(resolve_locations([tmp_path / "packs"], tmp_path / "data", environ={}))


def test_pictures_come_only_from_the_page_and_its_pack(picture_app):
    page = call(picture_app, "/r/map-page").text
    assert 'src="/r/map-page/picture/images/map.png"' in page
    picture = call(picture_app, "/r/map-page/picture/images/map.png")
    assert picture.status == 200 and picture.headers["Content-Type"] == "image/png"
    assert picture.body.startswith(b"\x89PNG")
    refused = [
        "/r/map-page/picture/images/answers.png",  # only in a teacher block
        "/r/map-page/picture/images/fake.png",  # HTML named .png
        "/r/map-page/picture/../../secret.png",
        "/r/map-page/picture/images/../../../secret.png",
        "/r/map-page/picture//etc/passwd",
        "/r/map-page/picture/map-page.md",
        "/r/other-page/picture/images/map.png",  # a picture of another page
        "/r/teacher-page/picture/images/map.png",
    ]
    for path in refused:
        assert call(picture_app, path).status == 404, path
    assert "answers.png" not in page and "Answer key" not in page


def test_links_to_teacher_resources_become_plain_text(picture_app):
    page = call(picture_app, "/r/map-page").text
    assert 'href="/r/other-page#part"' in page
    assert "the teacher note" in page and "/r/teacher-page" not in page
    assert call(picture_app, "/r/teacher-page").status == 404


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_colours_meet_wcag_aa_in_light_and_dark(bundled_app):
    css = call(bundled_app, "/static/kit.css").text
    schemes = re.findall(r":root \{([^}]*)\}", css)
    assert len(schemes) >= 2  # light, dark (and print)
    for block in schemes[:2]:
        colours = dict(re.findall(r"--([\w-]+): (#[0-9a-f]{6})", block))
        for text, background in [
            ("fg", "bg"),
            ("muted", "bg"),
            ("link", "bg"),
            ("accent-fg", "accent"),
            ("fg", "box"),
            ("fg", "warn"),
            ("fg", "mark"),
            ("muted", "box"),
        ]:
            assert _contrast(colours[text], colours[background]) >= 4.5, (text, background, block)


def test_sharing_only_some_resources(tmp_path):
    from testdata import REPO

    app = create_app(resolve_locations([REPO / "resources"], tmp_path, environ={}), ["exit-ticket", "glossary"])
    assert sorted(app.by_id) == ["exit-ticket", "glossary"]
    assert call(app, "/r/exit-ticket").status == 200
    assert call(app, "/r/what-is-human-trafficking").status == 404
    listing = call(app, "/").text
    assert listing.count('<li lang="en">') == 2
    page = call(app, "/r/exit-ticket").text
    assert set(re.findall(r'href="/r/([^"/#]+)', page)) <= {"exit-ticket", "glossary"}  # other links: plain text
    found = call(app, "/search", "q=trafficking").text
    assert set(re.findall(r'<h2><a href="/r/([^"]+)"', found)) <= {"exit-ticket", "glossary"}


def test_pages_go_gzip_compressed_to_a_browser_that_accepts_it(bundled_app):
    plain = call(bundled_app, "/")
    packed = call(bundled_app, "/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed.headers["Vary"]
    assert gzip.decompress(packed.body) == plain.body and len(packed.body) < len(plain.body) / 2
    assert packed.headers["Content-Length"] == str(len(packed.body))
    assert packed.headers["ETag"] != plain.headers["ETag"]  # two representations, two validators
    refused = call(bundled_app, "/", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in refused.headers and refused.body == plain.body
    search = call(bundled_app, "/search", "q=myths", headers={"Accept-Encoding": "gzip"})
    assert search.headers["Cache-Control"] == "no-store" and b"Myth" in gzip.decompress(search.body)
    head = call(bundled_app, "/r/exit-ticket", method="HEAD", headers={"Accept-Encoding": "gzip"})
    get = call(bundled_app, "/r/exit-ticket", headers={"Accept-Encoding": "gzip"})
    assert head.body == b"" and head.headers["Content-Length"] == str(len(get.body))


@pytest.mark.parametrize("path", ["/", "/r/exit-ticket", "/r/exit-ticket/print", "/static/kit.css"])
def test_a_browser_that_has_the_page_gets_304(bundled_app, path):
    first = call(bundled_app, path, headers={"Accept-Encoding": "gzip"})
    again = call(bundled_app, path, headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]})
    assert again.status == 304 and again.body == b"" and again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["X-Content-Type-Options"] == "nosniff"
    # The other representation, another page's tag or another language is sent in full.
    plain = call(bundled_app, path, headers={"If-None-Match": first.headers["ETag"]})
    assert plain.status == 200 and plain.body
    french = call(
        bundled_app, "/", headers={"Accept-Language": "fr", "If-None-Match": call(bundled_app, "/").headers["ETag"]}
    )
    assert french.status == 200 and '<html lang="fr">' in french.text


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [("en", 1, "1 resource<"), ("en", 0, "0 resources<"), ("fr", 1, "1 ressource<"), ("fr", 0, "0 ressource<")],
)
def test_the_library_count_agrees_with_its_number(bundled_app, language, count, expected):
    """« 1 ressources » was printed: one resource, and none in French, take the singular."""
    from kit.web.pages import library_page

    resources = [r for r in bundled_app.library.resources if r.is_for_students][:count]
    assert expected in library_page(resources, language, bundled_app.present, {})
