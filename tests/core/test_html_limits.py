"""Issue 15: no run of text reaches Qt without break opportunities. Qt lays out a paragraph as a whole, and a
20 KB run it may not break (the repeated terminal escape `ESC ] 0 ; t BEL` of tests/hostile_text.py: `;` and
control codes forbid a line break beside them) blocked the GUI thread ~100 ms when the page opened."""

import html
import re

from kit.core.render import html_limits, markup
from kit.core.render.html_limits import BREAK_EVERY, LONG_WORD, break_long_words

# A run between two break opportunities (space, zero-width space, tag); an entity counts as one character.
_UNBROKEN = re.compile(r"[^\s\u200b<>]+")


def _longest_run(html_text: str) -> int:
    return max((len(re.sub(r"&#?\w+;", "&", run)) for run in _UNBROKEN.findall(html_text)), default=0)


def test_a_run_with_semicolons_and_control_codes_gets_break_opportunities():
    page = "<p>" + "\x1b]0;t\x07" * 3000 + "</p>"
    broken = break_long_words(page)
    assert _longest_run(page) == 18_000
    assert _longest_run(broken) == BREAK_EVERY
    assert broken.replace("\u200b", "") == page  # only break opportunities were added


def test_entities_are_never_cut_and_count_as_one_character():
    page = "<p>" + "a&amp;b&#x3b;" * 400 + "</p>"
    broken = break_long_words(page)
    assert _longest_run(broken) == BREAK_EVERY
    for run in broken[3:-4].split("\u200b"):
        assert html.unescape(run) == html.unescape(run).replace("&amp", "")  # no entity left half-open
        assert not run.startswith(("amp;", "#x3b;", "x3b;")) and not run.endswith(("&", "&amp", "&#x3b"))
    assert broken.replace("\u200b", "") == page


def test_words_of_ordinary_length_are_left_alone():
    page = "<p>" + "Counterrevolutionaries " * 50 + "x" * (LONG_WORD - 1) + "</p><h1>a;b</h1>"
    assert break_long_words(page) == page


def test_a_stray_ampersand_is_one_character_of_the_word():
    page = "<p>" + ("&" + "x" * 40) * 2000 + "</p>"  # nh3 never leaves one, but the pass must not depend on it
    assert _longest_run(break_long_words(page)) == BREAK_EVERY


def test_the_escape_page_renders_with_break_opportunities(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: p\ntitle: P\nversion: '1'\nlanguage: en\n", encoding="utf-8")
    front = "---\ntitle: Escapes\nkind: article\nsummary: s\naudience: [grades-9-10]\nlanguage: en\n---\n"
    (pack / "escapes.md").write_text(front + "\x1b]0;t\x07" * 3400 + "\n", encoding="utf-8")
    from kit.core.content.loader import load_library

    rendered = markup.render(load_library([pack]).get("escapes"))
    assert rendered.safe and _longest_run(rendered.html) <= BREAK_EVERY
    assert html_limits.check(rendered.html).problem is None
