"""The reading page: title and details, the body without slide breaks, related links and sources."""

from kit.core.content.loader import load_library
from kit.core.render.reading_page import build_page, details_line
from testdata import REPO


def test_page_has_header_related_and_sources():
    library = load_library([REPO / "resources"])
    resource = library.get("what-is-human-trafficking")
    page = build_page(resource, library)
    assert page.html.startswith(f'<h1 id="top">{resource.title}</h1>')
    assert details_line(resource) in page.html.replace("&#x27;", "'")
    assert 'id="related"' in page.html and 'href="kit:' in page.html
    assert 'id="sources"' in page.html and 'class="external" href="https://' in page.html
    assert "<hr" not in page.html
    assert page.headings and page.safe


def test_teacher_edition_is_labelled():
    library = load_library([REPO / "resources"])
    resource = library.get("exit-ticket")
    assert "Teacher edition" in build_page(resource, library, "teacher").html
    assert "Teacher edition" not in build_page(resource, library, "student").html


def test_citation_does_not_double_full_stops():
    from kit.core.model import Source

    assert (
        Source("Who we are", "Hotline", "n.d.", "https://x.ca").citation() == "Who we are. Hotline. n.d. https://x.ca"
    )


def test_structure_limits_refuse_long_lists_and_many_tables():
    from kit.core.render import html_limits

    assert "list items" in html_limits.check("<ul>" + "<li>a</li>" * 2_001 + "</ul>").problem
    assert html_limits.check("<ul>" + "<li>a</li>" * 2_000 + "</ul>").problem is None
    assert "tables" in html_limits.check("<table><tr><td>a</td></tr></table>" * 1_001).problem
