"""Issue 15 (f): property tests on hostile inputs. Whatever a pack holds or a teacher types: no exception, bounded
time per KB, safe output. The long run is benchmarks/fuzz_bench.py; this one stays within the default suite's time."""

import json
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile_text import PIECES, YAML_PIECES, compose
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.core.content.frontmatter import ReadError, parse_front_matter
from kit.core.packs import file_names
from kit.core.packs.manifest import PackError, parse_manifest
from kit.core.render import markdown_shapes, markup
from kit.core.search.documents import markdown_to_text
from kit.core.search.query import parse

# Deadlines are asserted by the tests themselves (per KB, generous for a loaded CI machine); Hypothesis' own
# deadline is off because the first render imports python-markdown. No example database is written.
FUZZ = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
INDEX_S_PER_KB = 0.02  # the linear passes take ~0.1 ms per KB
RENDER_S = 2.0  # issue 15: nothing takes more than 2 s to render


class _Unsafe(HTMLParser):
    """Collects what must never reach the reader: active tags, event attributes, addresses outside the pack."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "style", "form", "svg"):
            self.found.append(tag)
        for name, value in attrs:
            address = (value or "").strip().lower()
            if name.startswith("on") or (name in ("href", "src") and address.startswith(("javascript:", "file:", "/"))):
                self.found.append(f"{tag} {name}={value}")


def unsafe_parts(html_text):
    parser = _Unsafe()
    parser.feed(html_text)
    parser.close()
    return parser.found


markdown = st.builds(compose, st.randoms(use_true_random=False), st.just(PIECES), st.integers(0, 6000))
yaml_text = st.builds(compose, st.randoms(use_true_random=False), st.just(YAML_PIECES), st.integers(0, 3000))


@FUZZ
@given(markdown)
def test_index_text_pass_is_linear(text):
    start = time.perf_counter()
    body, headings = markdown_to_text(text)
    assert time.perf_counter() - start < 0.05 + INDEX_S_PER_KB * len(text) / 1024
    assert isinstance(body, str) and all(isinstance(h, str) for h in headings)


@FUZZ
@given(markdown)
def test_render_is_bounded_and_safe(tmp_path_factory, text):
    folder = tmp_path_factory.getbasetemp()
    start = time.perf_counter()
    rendered = markup.render_markdown(text, folder, folder / "page.md")
    assert time.perf_counter() - start < RENDER_S
    assert not unsafe_parts(rendered.html), rendered.html[:500]
    assert all(str(p).count(":") >= 2 for p in rendered.problems)  # path:line: what


# Lines of markers python-markdown opens a list or quote for (one per marker, and one per 4 columns of indentation,
# ~250 levels reach Python's recursion limit), with rules and text; the lines are joined tight or loose.
MARKERS = ("1. ", "10. ", "\u0661. ", "- ", "* ", "+ ", "> ", ">", "1.5 ", "* * *", "- * ", "-   ", "_ ")
list_line = st.builds(
    lambda indent, first, second, repeats, tail: "    " * indent + (first + second) * repeats + tail,
    st.integers(0, 12),
    st.sampled_from(MARKERS),
    st.sampled_from(("", *MARKERS)),
    st.integers(0, 700),  # a count, not a list: Hypothesis draws short lists, and depth is what matters here
    st.sampled_from(("x", "", " words", "\n")),
)
list_markdown = st.builds("\n".join, st.lists(list_line, max_size=40))


@settings(FUZZ, max_examples=60)
@given(list_markdown)
def test_list_shapes_are_refused_or_render_without_recursing(tmp_path_factory, text):
    folder = tmp_path_factory.getbasetemp()
    start = time.perf_counter()
    shape = markdown_shapes.too_complex(text, folder / "page.md", 1)
    assert time.perf_counter() - start < 0.05 + INDEX_S_PER_KB * len(text) / 1024  # one linear scan
    rendered = markup.render_markdown(text, folder, folder / "page.md")
    assert time.perf_counter() - start < RENDER_S
    if shape is None:  # within the caps python-markdown finishes, and Qt's limits on the HTML hold
        found = " ".join(p.message for p in rendered.problems)
        assert "could not be rendered" not in found and "nested" not in found and "list items" not in found, found
    else:
        assert not rendered.safe and "too complex" in rendered.html


@FUZZ
@given(yaml_text)
def test_front_matter_is_data_or_a_located_error(text):
    try:
        meta, _lines, _warnings = parse_front_matter(text)
    except ReadError as exc:
        assert exc.line >= 0 and exc.message
        return
    assert isinstance(meta, dict)


@FUZZ
@given(st.text(max_size=300) | markdown)
def test_query_parsing_never_raises(text):
    parsed = parse(text)
    assert parsed is not None


def _manifest_like(draw_json):
    return {"format": "kitpack", "format_version": 1, **draw_json}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@FUZZ
@given(st.dictionaries(st.sampled_from(["pack", "files", "lessons", "format_version", "id"]), json_values))
def test_manifest_is_a_manifest_or_one_pack_error(fields):
    raw = json.dumps(_manifest_like(fields)).encode()
    try:
        parse_manifest(raw)
    except PackError as exc:
        assert "\n" not in str(exc)


@FUZZ
@given(st.text(max_size=300) | st.builds(compose, st.randoms(use_true_random=False), st.just(PIECES), st.just(300)))
def test_zip_entry_names_are_judged_never_crash(name):
    problem = file_names.name_problem(name)
    assert problem is None or isinstance(problem, str)
    if problem is None:
        assert ".." not in Path(name).parts and not name.startswith("/")


@pytest.mark.parametrize("size", [2_000, 20_000])
def test_bounded_time_per_kb_on_the_issue_shapes_at_scale(size):
    # The fuzz inputs are small; the issue's shapes at 10x the size must still scale linearly.
    text = ("# a" + " " * size + "x\n") + ("-" * size + "a\n") + ("# " * size + "\n")
    start = time.perf_counter()
    markdown_to_text(text)
    assert time.perf_counter() - start < 0.05 + INDEX_S_PER_KB * len(text) / 1024
