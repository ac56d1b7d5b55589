from pathlib import Path

from kit.core.content import editions
from kit.core.model import Resource
from kit.core.render import markup, plain_text

BODY = """## Question one

Students see this.

!!! teacher "Answer notes"
    Only the teacher sees this.

    Still the teacher's.

Back to everyone.

!!! teacher
    Unlabelled teacher note.
"""


def make(body: str, tmp_path: Path) -> Resource:
    return Resource(id="r", title="R", kind="guide", pack="p", pack_dir=tmp_path, path=tmp_path / "r.md", body=body)


def test_student_edition_drops_every_teacher_block():
    student = editions.edition_markdown(BODY, "student")
    assert "Only the teacher" not in student and "Still the teacher" not in student
    assert "Unlabelled" not in student
    assert "Students see this." in student and "Back to everyone." in student


def test_unknown_edition_is_treated_as_student():
    assert "Only the teacher" not in editions.edition_markdown(BODY, "projector")


def test_teacher_edition_labels_blocks_visibly(tmp_path):
    html = markup.render(make(BODY, tmp_path), "teacher").html
    assert '<div class="admonition teacher">' in html
    assert "Teacher only: Answer notes" in html and "Teacher only: notes" in html
    assert "Still the teacher" in html


def test_split_teacher_blocks_returns_each_note():
    _, blocks = editions.split_teacher_blocks(BODY)
    assert blocks == ["Answer notes\nOnly the teacher sees this.\n\nStill the teacher's.", "Unlabelled teacher note."]


def test_headings_become_a_table_of_contents(tmp_path):
    rendered = markup.render(make("## First part\n\ntext\n\n### A detail\n\n## Second & last", tmp_path))
    assert [(h.level, h.text) for h in rendered.headings] == [(2, "First part"), (3, "A detail"), (2, "Second & last")]
    assert all(f'id="{h.anchor}"' in rendered.html for h in rendered.headings)


def test_tables_footnotes_and_internal_links_survive(tmp_path):
    body = "| a | b |\n|---|---|\n| 1 | 2 |\n\nA claim.[^1] See [help](kit:getting-help#call).\n\n[^1]: A source."
    rendered = markup.render(make(body, tmp_path))
    assert "<table>" in rendered.html and "<td>1</td>" in rendered.html
    assert 'href="kit:getting-help#call"' in rendered.html
    assert 'href="#fn:1"' in rendered.html
    assert rendered.internal_links == ("getting-help",)


def test_render_is_cached_per_resource_and_edition(tmp_path):
    resource = make(BODY, tmp_path)
    assert markup.render(resource, "student") is markup.render(resource, "student")
    assert markup.render(resource, "student") is not markup.render(resource, "teacher")


def test_plain_text_keeps_structure_and_drops_tags(tmp_path):
    text = plain_text.html_to_text(markup.render(make("## Title\n\n- one\n- two\n\nA *b* c &amp; d", tmp_path)).html)
    assert "Title" in text and "- one" in text and "A b c & d" in text
    assert "<" not in text


def test_plain_text_keeps_numbered_lists_numbered(tmp_path):
    body = "Steps:\n\n1. Read\n2. Talk\n    - in pairs\n3. Write\n\n4. Hand in\n\n    Before the bell.\n"
    lines = plain_text.html_to_text(markup.render(make(body, tmp_path)).html).splitlines()
    items = [line for line in lines if line.strip()]
    assert items == ["Steps:", "1. Read", "2. Talk", "  - in pairs", "3. Write", "4. Hand in", "Before the bell."]


def test_plain_text_numbers_from_the_list_start():
    assert plain_text.html_to_text('<ol start="7"><li>seven</li><li>eight</li></ol>').split() == [
        "7.",
        "seven",
        "8.",
        "eight",
    ]
