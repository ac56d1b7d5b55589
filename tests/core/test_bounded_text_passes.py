"""Issue 15 (a): every regex pass over a page's text is linear. Each shape below took the old index pass seconds
to hours (cubic); the budget is far above what a linear pass needs for a few KB, far below what the old one took."""

import time

import pytest

from kit.core.content import editions, figures, markdown_lines, statistics
from kit.core.search.documents import markdown_to_text

BUDGET_S = 0.25  # each input is ≤ 5 KB; the linear passes take well under 10 ms

SLOW_SHAPES = {
    # Old figures at these sizes on the dev machine: 3.9 s, 4.6 s, 3.7 s, 0.6 s (3,000 spaces: 59 s).
    "heading then spaces": "# a" + " " * 1200 + "x\n",
    "heading then tabs": "# a" + "\t" * 1200 + "x\n",
    "dashes ending in a letter": "-" * 1500 + "a\n",
    "a line of '# '": "# " * 2500 + "a\n",
    "heading then ' #'": "# a" + " #" * 2000 + " x\n",
    "table rule then text": "|" + ":-" * 2000 + "a\n",
}


@pytest.mark.parametrize("text", SLOW_SHAPES.values(), ids=SLOW_SHAPES.keys())
def test_index_text_pass_is_linear_on_old_cubic_shapes(text):
    start = time.perf_counter()
    markdown_to_text(text * 2)
    assert time.perf_counter() - start < BUDGET_S


def test_teacher_label_pass_is_linear():
    text = "!!! teacher" + " " * 20_000 + "x\n"  # the old pattern was quadratic: 0.2 s per 8,000 blanks
    start = time.perf_counter()
    editions.edition_markdown(text, "teacher")
    assert time.perf_counter() - start < BUDGET_S


def test_headings_and_rules_still_read_as_before():
    text = "# Title ##\n## Second {#anchor .x}\n####### seven\n\n|a|b|\n|---|:-:|\n| c | d |\n\n- - -\ntext\n"
    body, headings = markdown_to_text(text)
    assert headings == ["Title", "Second"]
    assert "---" not in body and "- - -" not in body
    assert "####### seven" in body and "Title" in body


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# Title", (1, "Title")),
        ("   ### C# ###", (3, "C")),  # closing hashes go, as python-markdown does
        ("## a {b} {#c}", (2, "a {b}")),
        ("#NoSpace", None),
        ("    # code", None),
        ("####### seven", None),
        ("# ", (1, "")),
    ],
)
def test_atx_heading(line, expected):
    assert markdown_lines.atx_heading(line) == expected


def test_rules():
    assert markdown_lines.is_rule(" - * _ ") and markdown_lines.is_rule("===")
    assert not markdown_lines.is_rule("--") and not markdown_lines.is_rule("---a")
    assert markdown_lines.is_table_rule("|:---|---:|") and not markdown_lines.is_table_rule("|:--|")


FIGURE_SHAPES = {
    # The first statistics pattern took 5.4 s on 10 KB of this and 90 s on 40 KB (a number could start anywhere
    # in the run and every alternative re-read it); now one pass reads the run once.
    "thousands groups": "1" + " 000" * 1250,
    "thousands with commas": "1" + ",000" * 1250,
    "almost tokens": "{{fig:" * 800,
    "unknown tokens": "{{fig:x}}\n" * 500,
    "percentages": "5% " * 1600,
    "ratios in words": "neuf victimes sur dix " * 220,
}


@pytest.mark.parametrize("text", FIGURE_SHAPES.values(), ids=FIGURE_SHAPES.keys())
def test_figure_and_statistics_passes_are_linear(text):
    start = time.perf_counter()
    found = list(statistics.find(text))
    filled = figures.expand(text, None, "en")
    assert time.perf_counter() - start < BUDGET_S
    assert len(filled.unknown) <= figures.MAX_UNKNOWN_REPORTED and len(found) <= len(text)
