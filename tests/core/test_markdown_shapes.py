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


def test_teacher_edition_rendered_once_when_it_has_no_teacher_blocks(tmp_path):
    report = validate([_pack(tmp_path, "## Only student text\n\nHello.\n")])
    resource = report.library.resources[0]
    assert markup.render(resource, "teacher") is markup.render(resource, "student")
