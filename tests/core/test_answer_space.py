"""Write-in space as content (issue 14): `!!! answer-lines N` → ruled lines on paper and screen, nothing on slides;
`kit validate` warns about underscores that Markdown turns into a thin rule."""

from kit.core.content.loader import load_library
from kit.core.render import answer_space, markup
from kit.core.render.reading_page import build_page
from kit.core.render.slides import render_slide, split_slides
from kit.core.validate import validate
from testdata import REPO

WORKSHEETS = {"exit-ticket": 4, "scenario-worksheet": 8, "myths-vs-facts-quiz": 2}  # answer spaces each declares


def _pack(tmp_path, body: str):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: sheets\ntitle: Sheets\nversion: '1'\nlanguage: en\nlicense: CC0\n")
    (pack / "sheet.md").write_text(
        "---\ntitle: A sheet\nkind: handout\nsummary: A fixture.\naudience: [grades-9-10]\nlanguage: en\n---\n\n" + body
    )
    return pack


def test_directive_renders_one_marked_line_each_and_is_capped(tmp_path):
    library = load_library([_pack(tmp_path, "**Q1.** Why?\n\n!!! answer-lines 3\n\n**Q2.**\n\n!!! answer-lines 99\n")])
    html = markup.render(library.get("sheet")).html
    found = answer_space.RENDERED.findall(html)
    assert [m.count("<hr") for m in found] == [3, answer_space.MAX_LINES]


def test_directive_inside_code_is_text(tmp_path):
    library = load_library([_pack(tmp_path, "```\n!!! answer-lines 3\n```\n")])
    html = markup.render(library.get("sheet")).html
    assert "answer-space" not in html and "!!! answer-lines 3" in html


def test_reader_shows_lines_and_slides_leave_them_out(tmp_path):
    library = load_library([_pack(tmp_path, "## Q\n\nWhy?\n\n!!! answer-lines 2\n\n## Next\n\nText.\n")])
    resource = library.get("sheet")
    page = build_page(resource, library).html
    assert page.count("border-bottom-style: solid") == 2  # two ruled rows in the reader
    slides = split_slides(resource)
    assert all("answer-lines" not in s.markdown for s in slides)
    assert all("answer-space" not in render_slide(resource, s).html for s in slides)


def test_bundled_worksheets_declare_their_answer_space():
    library = load_library([REPO / "resources"])
    for resource_id, spaces in WORKSHEETS.items():
        html = markup.render(library.get(resource_id)).html
        assert len(answer_space.RENDERED.findall(html)) == spaces, resource_id
        assert "<hr" not in answer_space.RENDERED.sub("", html), resource_id  # no underscore rule left


def test_rule_lines_are_found_but_slide_breaks_and_inline_blanks_are_not():
    text = "a\n\n______\n\n---\n\n-----\n\nName: ______\n\n```\n______\n```\n_ _ _\n"
    assert answer_space.rule_lines(text) == [2, 6, 13]


def test_validate_warns_about_a_line_of_underscores(tmp_path):
    pack = _pack(tmp_path, "**Q1.** Why?\n\n____________\n")
    problems = [p for p in validate([pack]).problems if "underscores" in p.message]
    assert len(problems) == 1 and problems[0].severity == "warning" and problems[0].line == 11
    assert "answer-lines" in problems[0].hint
