"""The print audit (issue 14): every bundled resource, both editions, exported and read back.

For each: page numbers right on every page; every page of a teacher copy banded and no student page; no
teacher text in a student copy; the answer space each resource declares is there, as lines to write on, each
block whole on the page of its question; a cut-out card on one page; no box or table of up to half a page
split; no line of underscores left to print as a rule. A4 by default; A4 and Letter with `-m slow`.
"""

import re
import textwrap

import pytest
from pdfcheck import bundled_library, normalise, pdfium_texts, writing_lines

from kit.core.content import editions
from kit.core.i18n import translate_for
from kit.core.render import answer_space
from kit.core.render.markup import render_markdown
from kit.core.render.plain_text import html_to_text
from kit.printing import export_pdf
from kit.printing.document import KEEP_WHOLE_SHARE
from kit.printing.pages import PAGE_OF, TEACHER_BAND
from kit.printing.styles import CUT_LINE

CUT_OUT = {"help-line-card"}  # resources that are cut out and kept: they must declare a card


def _ids():
    return [resource.id for resource in bundled_library().resources]


def _teacher_phrases(resource) -> list[str]:
    """A few words from each teacher block, long enough to be its own (checked against the student copy)."""
    phrases = []
    for block in editions.split_teacher_blocks(resource.body)[1]:
        body = block.split("\n", 1)[1] if "\n" in block else block
        words = normalise(html_to_text(render_markdown(body, resource.pack_dir, resource.path).html)).split()
        if len(words) >= 6:
            phrases.append(" ".join(words[:6]))
    return phrases


def _declared(resource, edition) -> list[tuple[str, int]]:
    """(the question's words, the lines) for every answer space in this edition, in order."""
    lines = editions.edition_markdown(resource.body, edition).split("\n")
    found = []
    for index, line in enumerate(lines):
        count = answer_space.line_count(line)
        if count:
            question = next((t for t in reversed(lines[:index]) if t.strip()), "")
            words = normalise(html_to_text(render_markdown(question, resource.pack_dir, resource.path).html))
            found.append((words[:40], count))
    return found


def _card_ends(resource) -> list[tuple[str, str]]:
    """The first and last words of each `!!! card` block."""
    ends = []
    for match in re.finditer(r"^!!! card\b.*\n((?:(?: {4}.*)?\n)+)", resource.body + "\n", re.MULTILINE):
        markdown = textwrap.dedent(match.group(1))
        text = normalise(html_to_text(render_markdown(markdown, resource.pack_dir, resource.path).html))
        words = text.replace("|", " ").split()
        ends.append((" ".join(words[:3]), " ".join(words[-4:])))
    return ends


def _run_of_lines(heights: list[float], count: int) -> int | None:
    """Where in `heights` the first run of `count` lines 8–9 mm apart starts, or None."""
    for start in range(len(heights) - count + 1):
        gaps = [b - a for a, b in zip(heights[start : start + count], heights[start + 1 : start + count], strict=False)]
        if all(7.9 <= gap <= 9.1 for gap in gaps):
            return start
    return None


def audit(resource, edition, paper, tmp_path):
    out = tmp_path / f"{resource.id}-{edition}-{paper}.pdf"
    result = export_pdf([resource], out, edition=edition, paper=paper)
    texts = pdfium_texts(out)
    total = len(texts)
    assert total == result.pages
    for number, text in enumerate(texts, start=1):
        # In the resource's language, whatever the interface's: « page 1 sur 4 » on a French resource.
        page = translate_for(resource.language, "Print", PAGE_OF).format(number=number, total=total)
        assert text.endswith(page) or page in text, (number, text[-80:])
        band = translate_for(resource.language, "Print", TEACHER_BAND).upper()
        assert text.count(band) == (2 if edition == "teacher" else 0), number
    whole = " ".join(texts)
    if edition == "student":
        assert "▌ Teacher only:" not in whole  # the printed label of a teacher block
        for phrase in _teacher_phrases(resource):
            assert phrase not in whole, phrase
    # Answer space: each declared block is a run of lines 8–9 mm apart (writing height), whole on the page of its
    # question. (Runs, not counts: a table's top border can look like a lone line; it never forms a run.)
    found = writing_lines(out)
    page, used = 0, 0
    for question, count in _declared(resource, edition):
        while page < total:
            start = _run_of_lines(found[page][used:], count) if question in texts[page] else None
            if start is not None:
                break
            page, used = page + 1, 0
        assert page < total, f"no page holds {question!r} with {count} lines to write on, 8–9 mm apart"
        used += start + count
    # Cut-out cards: the first and last words on one page, under the cut line.
    for first, last in _card_ends(resource):
        pages = [
            i
            for i, text in enumerate(texts)
            if first in text and last in text and normalise(translate_for(resource.language, "Print", CUT_LINE)) in text
        ]
        assert pages, (first, last)
    assert not answer_space.rule_lines(resource.body), "a line of underscores prints as a rule"
    if resource.id in CUT_OUT:
        assert _card_ends(resource), "a cut-out resource must mark its card with '!!! card'"
    return total


def _run(resource_id, paper, tmp_path):
    resource = bundled_library().get(resource_id)
    for edition in ("student", "teacher"):
        audit(resource, edition, paper, tmp_path)


@pytest.mark.parametrize("resource_id", _ids())
def test_print_audit_a4(qapp, resource_id, tmp_path):
    _run(resource_id, "a4", tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("resource_id", _ids())
def test_print_audit_letter(qapp, resource_id, tmp_path):
    _run(resource_id, "letter", tmp_path)


def test_no_small_table_or_box_is_split(qapp):
    """Layout check beside the PDF one: every top-level table or box up to the keep-whole size sits on one page."""
    from kit.printing.document import make_document, resource_html
    from kit.printing.paper import PageGeometry

    for paper in ("a4", "letter"):
        body = PageGeometry.for_paper(paper).body.size()
        for resource in bundled_library().resources:
            for edition in ("student", "teacher"):
                document = make_document(resource_html(resource, edition), resource.pack_dir, body)
                height = document.pageSize().height()
                layout = document.documentLayout()
                for frame in document.rootFrame().childFrames():
                    rect = layout.frameBoundingRect(frame)
                    if rect.height() <= height * KEEP_WHOLE_SHARE:
                        assert rect.top() // height == (rect.bottom() - 1) // height, (resource.id, edition, paper)
