"""Each hostile or broken file in tests/data/bad (bad-inputs.md §3.2–3.5) gives a located problem; nothing dangerous renders."""

import re
import time

import pytest

from kit.core.content.loader import load_library
from kit.core.render import links, markup
from kit.core.validate import validate
from testdata import DATA

BAD = DATA / "bad"

# file -> (line, words the message must contain, whether the file still loads)
EXPECTED = {
    "m13-not-utf8.md": (9, "not UTF-8", False),
    "m13-utf16.md": (1, "UTF-16", False),
    "m13-bom.md": (1, "byte-order mark", True),
    "m13-nul.md": (9, "NUL", False),
    "y01-python-tag.md": (2, "unsupported YAML tag", False),
    "y02-billion-laughs.md": (4, "anchors and aliases", False),
    "y03-deep-brackets.md": (2, "nested more than", False),
    "y04-impossible-date.md": (7, "not a real date", True),
    "y05-norway.md": (4, "'language' is false", False),
    "y06-title-list.md": (2, "'title' should be text", False),
    "y07-duplicate-keys.md": (8, "given twice", True),
    "y08-tabs.md": (5, "tab character", False),
    "y08-unclosed-quote.md": (2, "front matter error", False),
    "y09-list.md": (2, "not a list of 'field: value'", False),
    "y09-empty.md": (1, "missing 'title'", False),
    "y10-never-closes.md": (1, "never closes", False),
    "y12-include.md": (2, "unsupported YAML tag", False),
    "y12-binary.md": (2, "unsupported YAML tag", False),
    "y12-set.md": (2, "unsupported YAML tag", False),
    "v-unknown-kind.md": (3, "unknown kind 'poster'", False),
    "v-unknown-audience.md": (4, "unknown audience 'kindergarten'", False),
    "v-missing-title.md": (1, "missing 'title'", False),
    "v-minutes-text.md": (4, "'minutes' should be a whole number", False),
    "v-empty.md": (1, "empty", False),
    "v-no-front-matter.md": (1, "no front matter", False),
    "sub/good.md": (1, "already used", False),
    "m03-script-links.md": (9, "link refused: 'javascript:alert(1)'", True),
    "m04-local-images.md": (9, "image refused", True),
    "m05-remote-image.md": (9, "image refused", True),
    "m06-data-image.md": (9, "image refused", True),
    "m07-nested-tables.md": (8, "tables are nested 20 deep", True),
    "m09-brackets.md": (8, "8,000 brackets", True),
    "m10-many-images.md": (8, "9,000 brackets", True),
    "m14-missing-links.md": (9, "'kit:no-such-resource', which does not exist", True),
    "i01-png-bomb.md": (9, "400,000,000 pixels", True),
    "i02-big-pngs.md": (9, "64,000,000 pixels", True),
    "i03-garbage-png.md": (9, "does not match its name", True),
    "i04-disguised.md": (9, "does not match its name", True),
    "i05-svg.md": (9, "'.svg' is not allowed", True),
    "i08-outside.md": (9, "outside the pack", True),
    "i09-missing.md": (9, "missing or unreadable", True),
    "l03-local-links.md": (9, "link refused: 'file:///etc/passwd'", True),
    "l06-executable-link.md": (9, "link refused: 'images/notes.exe'", True),
    "l07-huge-url.md": (9, "link refused", True),
}


@pytest.fixture(scope="module")
def report():
    return validate([BAD])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_reported_with_file_and_line(report, name):
    line, words, loads = EXPECTED[name]
    path = BAD / name
    messages = [p for p in report.problems if p.path == path]
    assert any(p.line == line and words in p.message for p in messages), [str(p) for p in messages]
    loaded = {r.path for r in report.library.resources}
    assert (path in loaded) is loads
    for problem in messages:
        assert str(problem).startswith(f"{path}:{problem.line}: ")


def test_rest_of_the_pack_still_loads(report):
    ids = {r.id for r in report.library.resources}
    assert {"good", "i-ok", "l01-web-links", "m01-active-content", "m13-crlf"} <= ids


def test_crlf_file_loads_cleanly(report):
    assert not [p for p in report.problems if p.path.name == "m13-crlf.md"]
    resource = report.library.get("m13-crlf")
    assert "\r" not in resource.body


ACTIVE = re.compile(r"<script|<iframe|<object|<style|<form|<input|\bon\w+=|javascript:|vbscript:|data:|file:", re.I)


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_rendered_html_holds_no_active_content_or_outside_paths(report, edition):
    for resource in report.library.resources:
        rendered = markup.render(resource, edition)
        html = rendered.html
        assert not ACTIVE.search(html), (resource.id, ACTIVE.search(html))
        for src in re.findall(r'src="([^"]*)"', html):
            assert links.pack_file(resource.pack_dir, src) is not None, (resource.id, src)
            assert not src.startswith(("http", "/", "..")), (resource.id, src)
        for href in re.findall(r'href="([^"]*)"', html):
            assert links.classify(href).kind in {"internal", "anchor", "external"}, (resource.id, href)
        assert "hidden teacher text" not in html


def test_good_image_is_kept_with_a_pack_relative_path(report):
    rendered = markup.render(report.library.get("i-ok"))
    assert 'src="images/ok.png"' in rendered.html
    assert rendered.images == ("images/ok.png",)


def test_refused_image_leaves_a_visible_placeholder(report):
    assert "picture not available" in markup.render(report.library.get("i09-missing")).html


def test_web_links_are_kept_and_marked_external(report):
    html = markup.render(report.library.get("l01-web-links")).html
    assert '<a class="external" href="https://www.unodc.org/">' in html
    assert 'href="mailto:someone@example.com"' in html


def test_huge_numeric_attributes_are_dropped(report):
    html = markup.render(report.library.get("m12-huge-attributes")).html
    assert "1000000" not in html and "99999999" not in html and "100000000" not in html


def test_long_word_gets_break_opportunities(report):
    html = markup.render(report.library.get("m11-long-word")).html
    assert max(len(w) for w in re.split(r"[\s\u200b<>]", html)) <= 60


def test_hostile_pages_render_quickly(report):
    markup._render_cached.cache_clear()
    start = time.perf_counter()
    for resource in report.library.resources:
        markup.render(resource, "teacher")
    # A budget, not a benchmark: the exponential cases take seconds to minutes unguarded.
    assert time.perf_counter() - start < 10


def test_huge_file_is_refused_without_reading_it(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: p\ntitle: P\n")
    with (pack / "huge.md").open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB on paper, nothing on disk
    (pack / "fine.md").write_text("---\ntitle: Fine\nkind: article\n---\nok\n")
    library = load_library([pack])
    assert [r.id for r in library.resources] == ["fine"]
    assert any("huge.md:1: file is 50.0 MB; the limit is 1 MB" in str(p) for p in library.problems)


def test_huge_front_matter_is_refused(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: p\ntitle: P\n")
    (pack / "big.md").write_text("---\ntitle: Big\nkind: article\nsummary: " + "x" * 200_000 + "\n---\nok\n")
    library = load_library([pack])
    assert not library.resources
    assert any("big.md:2: front matter is larger than 16 KB" in str(p) for p in library.problems)


def test_symlink_out_of_the_pack_is_not_followed(tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text("---\ntitle: Secret\nkind: article\n---\nsecret\n")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: p\ntitle: P\n")
    (pack / "link.md").symlink_to(outside)
    (pack / "images").mkdir()
    (pack / "images" / "x.png").symlink_to(BAD / "images" / "ok.png")
    (pack / "pic.md").write_text("---\ntitle: Pic\nkind: article\n---\n![x](images/x.png)\n")
    library = load_library([pack])
    assert [r.id for r in library.resources] == ["pic"]
    rendered = markup.render(library.get("pic"))
    assert "src=" not in rendered.html
    assert "outside the pack" in str(rendered.problems[0])


def test_markdown_that_raises_gives_an_error_page(report, monkeypatch):
    import markdown

    def explode(self, text):
        raise IndexError("crafted input")

    monkeypatch.setattr(markdown.Markdown, "convert", explode)
    markup._render_cached.cache_clear()
    rendered = markup.render(report.library.get("good"))
    markup._render_cached.cache_clear()
    assert not rendered.safe
    assert "could not be displayed" in rendered.html
    assert "IndexError" in rendered.problems[0].message
