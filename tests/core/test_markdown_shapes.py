"""Issue 15 (b): shapes python-markdown handles in quadratic time are caught before it sees them, by validation,
rendering and import alike, with a problem at the line that breaks the cap."""

import time

import pytest

from kit.core.render import markdown_shapes, markup
from kit.core.validate import validate

FRONT = "---\ntitle: Shapes\nkind: article\nsummary: A fixture.\naudience: [grades-9-10]\nlanguage: en\n---\n"
FRONT_LINES = FRONT.count("\n")
BUDGET_S = 1.0  # the old code took 2–155 s on each of these pages (see benchmarks/bounded_work_bench.py)

SHAPES = {
    # name: (30–40 KB body, the line (within the body) where the cap is broken, words of the message)
    "references to one footnote": (
        "word[^1]\n\n" * 3000 + "[^1]: the note\n",
        2 * markdown_shapes.MAX_REFS_PER_FOOTNOTE + 1,
        "footnote [^1] is referred to more than 50 times",
    ),
    "duplicate ATX headings": ("# same\n\n" * 4000, 2 * markdown_shapes.MAX_HEADINGS + 1, "more than 500 headings"),
    "duplicate setext headings": ("same\n====\n\n" * 3000, 3 * markdown_shapes.MAX_HEADINGS + 2, "headings"),
    "TOC markers": ("[TOC]\n\n# h\n\n" * 2500, 5, "more than 1 [TOC] marker"),
    # One nested list (or quote) per marker: python-markdown recursed to its limit, 2-8 s for 16-128 KB.
    "'1. 1. 1.' on one line": ("1. " * 12_000 + "x\n", 1, "more than 10 levels deep"),
    "'- - -' on one line": ("Intro.\n\n" + "- " * 18_000 + "x\n", 3, "lists or quotes more than 10 levels"),
    "'* * *' then a word": ("* " * 18_000 + "x\n", 1, "more than 10 levels deep"),
    "'> > >' on one line": ("> " * 18_000 + "x\n", 1, "more than 10 levels deep"),
    "a loose rule: '- * - *'": ("- * " * 9000 + "\n", 1, "more than 10 levels deep"),
    "a loose rule: '-   -   -'": ("-   " * 9000 + "\n", 1, "more than 10 levels deep"),
    "Arabic-Indic digits: '\u0661. \u0661.'": ("\u0661. " * 12_000 + "x\n", 1, "more than 10 levels deep"),
    # 0.6 s before, then refused by html_limits after python-markdown, at line 1 rather than the 2,001st item.
    "list items": ("- item\n" * 5000, markdown_shapes.MAX_LIST_ITEMS + 1, "more than 2,000 list items"),
}


def _pack(tmp_path, body):
    (tmp_path / "pack.yaml").write_text("id: shapes\ntitle: Shapes\nversion: '1'\nlanguage: en\n", encoding="utf-8")
    (tmp_path / "page.md").write_text(FRONT + body, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("body", "line", "words"), SHAPES.values(), ids=SHAPES.keys())
def test_validate_reports_quadratic_shape_quickly(tmp_path, body, line, words):
    pack = _pack(tmp_path, body)
    start = time.perf_counter()
    report = validate([pack])
    assert time.perf_counter() - start < BUDGET_S
    texts = [str(p) for p in report.problems]
    assert any(f"page.md:{FRONT_LINES + line}: " in t and words in t and " — " in t for t in texts), texts


@pytest.mark.parametrize(("body", "line", "words"), SHAPES.values(), ids=SHAPES.keys())
def test_render_refuses_quadratic_shape_with_notice(tmp_path, body, line, words):
    start = time.perf_counter()
    rendered = markup.render_markdown(body, tmp_path, tmp_path / "page.md")
    assert time.perf_counter() - start < BUDGET_S
    assert not rendered.safe and "too complex" in rendered.html


def test_ordinary_use_is_within_the_caps(tmp_path):
    body = "[TOC]\n\n" + "".join(f"## Part {i}\n\nText[^a] and[^b].\n\n" for i in range(40)) + "[^a]: A.\n[^b]: B.\n"
    rendered = markup.render_markdown(body, tmp_path, tmp_path / "page.md")
    assert rendered.safe and len(rendered.headings) == 40 and not rendered.problems


def test_list_nested_by_indentation_is_refused_at_the_line_past_the_cap(tmp_path):
    body = "".join(" " * 4 * level + "- x\n" for level in range(40))
    problem = markdown_shapes.too_complex(body, tmp_path / "page.md", 7)
    assert problem.line == 7 + markdown_shapes.MAX_NESTING + 1 - 1 and "10 levels deep" in problem.message
    tabs = "".join("\t" * level + "1. x\n" for level in range(40))
    assert markdown_shapes.too_complex(tabs, tmp_path / "page.md", 1).line == markdown_shapes.MAX_NESTING + 1


def test_ordinary_lists_and_rules_are_within_the_caps(tmp_path):
    outline = "".join(" " * 4 * level + f"{level + 1}. Level {level + 1}\n" for level in range(9))  # Word's nine
    body = (
        outline
        + "\n* * * * * * * * * * * * * *\n\n"  # a rule, however many marks: no list
        + "> > Quoted twice\n\n"
        + "1999 was a year. 3.5 is a number. -5 degrees. **Bold** *and* +1.\n\n"
        + "- item\n" * (markdown_shapes.MAX_LIST_ITEMS - 20)
    )
    assert markdown_shapes.too_complex(body, tmp_path / "page.md", 1) is None
    rendered = markup.render_markdown(body, tmp_path, tmp_path / "page.md")
    assert rendered.safe and rendered.html.count("<ol") == 9 and "<hr>" in rendered.html, rendered.problems


def test_teacher_edition_rendered_once_when_it_has_no_teacher_blocks(tmp_path):
    report = validate([_pack(tmp_path, "## Only student text\n\nHello.\n")])
    resource = report.library.resources[0]
    assert markup.render(resource, "teacher") is markup.render(resource, "student")
