"""Slides from content (architecture.md §3): `---` or `##` splitting, one question per slide, notes kept off the slide."""

from pathlib import Path

import pytest

from kit.core.content.loader import load_library
from kit.core.model import Resource
from kit.core.render.slides import Slide, opens_with_title, render_slide, slide_minutes, split_slides, title_slide
from testdata import REPO


def resource(body: str, kind: str = "article", title: str = "A title") -> Resource:
    return Resource(
        id="r",
        title=title,
        kind=kind,
        pack="p",
        pack_dir=Path("/tmp/p"),
        path=Path("/tmp/p/r.md"),
        body=body,
        body_line=5,
    )


def test_split_slides_at_separator_lines():
    slides = split_slides(resource("## One\n\nfirst\n\n## Two\n\nstill first\n\n---\n\n## Three\n\nsecond\n"))
    assert [s.title for s in slides] == ["One", "Three"]
    assert "still first" in slides[0].markdown and "---" not in slides[0].markdown
    assert slides[1].markdown.startswith("## Three")
    assert slides[1].line == 5 + 9  # the line after the `---`


def test_split_slides_at_h2_headings_when_there_is_no_separator():
    slides = split_slides(resource("## One\n\na\n\n### Detail\n\nb\n\n## Two\n\nc\n"))
    assert [s.title for s in slides] == ["One", "Two"]
    assert "### Detail" in slides[0].markdown


def test_split_slides_ignores_separators_and_headings_inside_fenced_code():
    body = "## Code\n\n```\n---\n## not a heading\n```\n\n~~~~\n---\n~~~~\n\n---\n\n## After\n"
    slides = split_slides(resource(body))
    assert [s.title for s in slides] == ["Code", "After"]
    assert "## not a heading" in slides[0].markdown and slides[0].markdown.count("---") == 2

    no_separator = split_slides(resource("## A\n\n```md\n## fake\n```\n\n## B\n"))
    assert [s.title for s in no_separator] == ["A", "B"]


def test_title_opens_the_deck_when_content_does_not_start_with_a_heading():
    slides = split_slides(resource("Some intro.\n\n## One\n\ntext\n", title="What *is* it?"))
    assert slides[0].title == "What *is* it?"
    assert slides[0].markdown.startswith("# What \\*is\\* it?") and "Some intro." in slides[0].markdown
    html = render_slide(resource("x"), slides[0]).html
    assert "<h1" in html and "What *is* it?" in html

    assert [s.title for s in split_slides(resource("", title="Empty"))] == ["Empty"]


def test_guide_presents_one_question_per_slide_even_without_separators():
    body = "## Purpose\n\nWhy.\n\n---\n\n## 1. First question?\n\nTalk.\n\n## 2. Second question?\n\nMore.\n\n## Question 3: third?\n"
    slides = split_slides(resource(body, kind="guide"))
    # The planning section goes to the notes of a title slide (issue 14: it was the opening slide).
    assert [s.title for s in slides] == ["A title", "1. First question?", "2. Second question?", "Question 3: third?"]
    assert slides[0].markdown == "# A title\n" and slides[0].notes == ["**Purpose**\n\nWhy.\n"]
    # An article keeps an author's `---` section whole.
    assert len(split_slides(resource(body, kind="article"))) == 2


def test_teacher_blocks_are_notes_never_on_the_audience_slide():
    body = (
        "## 1. Question?\n\nAsk it.\n\n"
        '!!! teacher "Answer notes"\n    The **secret** answer.\n\n    Second paragraph.\n\n'
        "After the block.\n\n---\n\n!!! teacher\n    Only notes here.\n\n---\n\n## 2. Next?\n"
    )
    slides = split_slides(resource(body, kind="guide"))
    assert [s.title for s in slides] == ["1. Question?", "2. Next?"]
    first = slides[0]
    assert "secret" not in first.markdown and "!!!" not in first.markdown and "After the block." in first.markdown
    assert "secret" not in render_slide(resource(body), first).html
    assert first.notes[0].startswith("**Answer notes**") and "The **secret** answer." in first.notes[0]
    assert "Second paragraph." in first.notes[0]
    # A section holding only a facilitator block shows nothing; its notes go with the slide before.
    assert "Only notes here." in first.notes[1]
    # The teacher edition shows blocks on the slide, labelled, and still has them as notes.
    teacher = next(s for s in split_slides(resource(body, kind="guide"), "teacher") if s.title == "1. Question?")
    assert "secret" in teacher.markdown and "Teacher only" in teacher.markdown and teacher.notes


def test_slide_contract_fields():
    slide = split_slides(resource("## Hello\n\nworld\n"))[0]
    assert isinstance(slide, Slide)
    assert (slide.title, slide.markdown, slide.notes) == ("Hello", "## Hello\n\nworld\n", [])


def test_slide_html_goes_through_the_sanitiser():
    body = "## Hi\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n"
    html = render_slide(resource(body), split_slides(resource(body))[0]).html
    for bad in ("<script", "javascript:", "onerror"):
        assert bad not in html


@pytest.fixture(scope="module")
def library():
    return load_library([REPO / "resources"])


def test_bundled_guides_have_one_question_per_slide_and_no_teacher_text_on_slides(library):
    guides = [r for r in library.resources if r.kind == "guide"]
    assert guides
    for guide in guides:
        slides = split_slides(guide)
        questions = [s for s in slides if s.title[:1].isdigit()]
        assert len(questions) >= 3, guide.id
        for slide in slides:
            headings = [line for line in slide.markdown.split("\n") if line.startswith("## ") and line[3:4].isdigit()]
            assert len(headings) <= 1, (guide.id, slide.title)
            assert "!!! teacher" not in slide.markdown
        assert sum(len(s.notes) for s in slides) >= len(questions)


def test_every_bundled_resource_splits_and_renders_safely(library):
    for item in library.resources:
        slides = split_slides(item)
        assert slides and all(s.markdown.strip() for s in slides), item.id
        for slide in slides:
            rendered = render_slide(item, slide)
            assert rendered.safe, (item.id, slide.title, rendered.problems)


def test_slide_minutes_come_from_the_facilitator_note():
    body = '## 1. Q?\n\n!!! teacher "Answer notes"\n    **Time: 8 minutes.** Ask.\n\n---\n\n## 2. R?\n'
    first, second = split_slides(resource(body, kind="guide"))
    assert slide_minutes(first) == 8
    assert slide_minutes(second) is None


def test_title_slide_shows_the_title_as_text_and_has_no_notes():
    r = resource("## Purpose\n\nWhy we meet.\n", title="Myths # and *facts*")
    slide = title_slide(r, "Discussion guide · part 2 of 3")
    assert slide.notes == [] and slide.title == r.title
    html = render_slide(r, slide).html
    assert ">Myths # and *facts*</h1>" in html and "part 2 of 3" in html and "<em>" not in html


def test_opens_with_title_tells_whether_a_deck_needs_a_title_slide():
    opens_on_purpose = resource("## Purpose\n\nWhy we meet.\n")
    assert not opens_with_title(opens_on_purpose, split_slides(opens_on_purpose))
    no_heading = resource("Just text.\n\n## Next\n\nMore.\n")
    assert opens_with_title(no_heading, split_slides(no_heading))  # split_slides put the title on it


def test_a_long_table_is_split_by_rows_with_its_header_on_every_slide():
    rows = "".join(f"| word {n} | {'a long meaning ' * 6}|\n" for n in range(12))
    slides = split_slides(resource(f"## Words\n\nIntro.\n\n| Word | Meaning |\n|---|---|\n{rows}"))
    assert len(slides) > 1 and slides[1].title == "Words (continued)"
    assert all("| Word | Meaning |" in s.markdown for s in slides)
    shown = "".join(s.markdown for s in slides)
    assert all(f"| word {n} |" in shown for n in range(12))  # every row, once
    assert sum(s.markdown.count("| word ") for s in slides) == 12


def test_print_only_elements_never_reach_a_slide():
    body = '## Help card\n\n!!! card ""\n    Call 911.\n\n## Q\n\nWhy?\n\n!!! answer-lines 3\n'
    slides = split_slides(resource(body))
    for slide in slides:
        html = render_slide(resource(body), slide).html
        assert "answer-space" not in html and "✂" not in html and "Cut along" not in html
    assert "Call 911." in slides[0].markdown  # the card's words are content: they stay


def test_every_bundled_slide_fits_a_screenful():
    from kit.core.render.slide_fit import SCREENFUL_CHARS

    library = load_library([REPO / "resources"])
    for item in library.resources:
        for slide in split_slides(item):
            # A single paragraph, table row or list item can be longer; nothing longer is ever put together.
            if len(slide.markdown) > SCREENFUL_CHARS + 200:
                blocks = [b for b in slide.markdown.split("\n\n") if b.strip()]
                assert len(blocks) <= 2, (item.id, slide.title)
