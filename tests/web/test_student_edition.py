"""Student edition only: no teacher block, teacher resource or teacher's note leaves the share, whatever the URL.

The needles are real teacher text: every sentence of every `!!! teacher` block in the bundled kit, the text
of every teacher-only resource (kind teacher, or audience educators only), plus a teacher's own note and own
pack made here. Each needle is first found in the teacher edition, so a needle that could never match
does not pass as a safe result.
"""

from __future__ import annotations

import html
import re

import pytest

from kit.core.content import editions
from kit.core.content.loader import load_library
from kit.core.paths import resolve_locations
from kit.core.render import markup
from kit.core.search.documents import markdown_to_text
from kit.core.store.database import Store
from kit.web import create_app
from testdata import REPO

from .conftest import call

OWN_NOTE = "Note for myself: Priya in 8B asked to talk after class about her cousin"
OWN_PACK_YAML = "id: own\ntitle: My material\nversion: '1'\nlanguage: en\nlicense: ''\n"
OWN_PLAN = """---
title: My lesson plan for period three
kind: article
summary: My own plan.
audience: [educators]
language: en
---
Seat the quiet group near the window and check in with them privately after the video.
"""
OWN_HANDOUT = """---
title: My own handout on consent
kind: handout
summary: A handout I wrote for my class.
audience: [grades-9-10]
language: en
---
Everyone has the right to say no, and to change their mind.

!!! teacher "Before handing out"
    Remind the two students with a family situation that they can step out without explanation.
"""


def is_shared(resource) -> bool:
    """The rule, written out again here so a change to kit.web's rule cannot also change what is tested."""
    return resource.kind != "teacher" and bool(set(resource.audience) - {"educators"})


def _plain(text: str) -> str:
    """Text of HTML or Markdown-as-text, as one line: tags become spaces, entities and spacing are undone."""
    text = html.unescape(re.sub(r"<[^>]*>", " ", text)).replace("\u200b", "")
    return " ".join(text.split())


def _sentences(text: str) -> list[str]:
    return [" ".join(s.split()) for s in re.split(r"(?<=[.!?:])\s+|\n", text) if len(s.strip()) >= 30]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The bundled kit plus a teacher's own pack and note; the share app over all of it; the needles."""
    home = tmp_path_factory.mktemp("teacher")
    own = home / "data" / "packs" / "own"
    own.mkdir(parents=True)
    (own / "pack.yaml").write_text(OWN_PACK_YAML, encoding="utf-8")
    (own / "my-plan.md").write_text(OWN_PLAN, encoding="utf-8")
    (own / "my-handout.md").write_text(OWN_HANDOUT, encoding="utf-8")
    with Store.open(home / "data") as store:
        store.set_note("what-is-human-trafficking", OWN_NOTE)
    locations = resolve_locations([REPO / "resources"], home / "data", environ={})
    full = load_library(list(locations.library_roots()))
    assert full.get("my-plan") and full.get("my-handout"), full.problems

    shared_text = " ".join(
        _plain(" ".join([r.title, r.summary, markdown_to_text(editions.split_teacher_blocks(r.body)[0])[0]]))
        for r in full.resources
        if is_shared(r)
    )
    needles: set[str] = set()
    for resource in full.resources:
        teacher_html = _plain(markup.render(resource, "teacher").html)
        if is_shared(resource):
            texts = [markdown_to_text(block)[0] for block in editions.split_teacher_blocks(resource.body)[1]]
        else:
            texts = [markdown_to_text(resource.body)[0], resource.summary]
        for sentence in (s for t in texts for s in _sentences(t)):
            # Only sentences the teacher edition really shows, and that no student text repeats word for word.
            if sentence in teacher_html and sentence not in shared_text:
                needles.add(sentence)
        if not is_shared(resource) and len(resource.title) >= 12 and resource.title not in shared_text:
            needles.add(resource.title)
    needles.add(OWN_NOTE)
    return create_app(locations), full, sorted(needles)


def _leaks(body: bytes, needles) -> list[str]:
    text = _plain(body.decode("utf-8", "replace"))
    return [n for n in needles if n in text]


def test_needles_are_real_teacher_text(world):
    _, full, needles = world
    blocks = sum(len(editions.split_teacher_blocks(r.body)[1]) for r in full.resources)
    assert blocks >= 100  # the bundled kit has a hundred-odd teacher blocks
    assert len(needles) >= 200, len(needles)
    assert "Remind the two students with a family situation that they can step out without explanation." in needles
    assert any("Seat the quiet group" in n for n in needles)


def _targets(full):
    ids = [r.id for r in full.resources]
    hostile_ids = ["..", "...", "TEACHER-SELF-CARE", "teacher-self-care/", "teacher-self-care%2Fprint", "%2e%2e"]
    paths = ["/", "/search", "/static/kit.css", "/static/search.js"]
    for rid in ids + hostile_ids:
        paths += [f"/r/{rid}", f"/r/{rid}/print", f"/r/{rid}/picture/{rid}.md", f"/r/{rid}/picture/../{rid}.md"]
    paths += [
        "/r/../trafficking/teacher-self-care.md",
        "/r/what-is-human-trafficking/../teacher-self-care",
        "/r/what-is-human-trafficking/picture/../../trafficking/teacher-self-care.md",
        "/r/what-is-human-trafficking/picture/%2e%2e%2fteacher-self-care.md",
        "/r/what-is-human-trafficking%2f..%2fteacher-self-care",
        "/static/../../resources/trafficking/teacher-self-care.md",
        "//resources/trafficking/teacher-self-care.md",
        "/r/teacher-self-care\x00",
        "/r/" + "teacher-self-care/" * 300,
        "/" + "a" * 5000,
        "/r/te%00acher-self-care",
    ]
    return paths


QUERIES = ["", "edition=teacher", "edition=teacher&kind=teacher", "audience=educators", "kind=teacher&language=en"]


def test_no_route_sends_teacher_text(world):
    app, full, needles = world
    for path in _targets(full):
        for query in QUERIES:
            reply = call(app, path, query)
            assert reply.status in (200, 400, 404, 414), (path, query, reply.status)
            assert not _leaks(reply.body, needles), (path, query, _leaks(reply.body, needles)[:3])


def test_teacher_resources_are_not_found(world):
    app, full, _ = world
    teacher_only = [r for r in full.resources if not is_shared(r)]
    assert {r.id for r in teacher_only} >= {"teacher-self-care", "teaching-safely", "media-guide-films", "my-plan"}
    for resource in teacher_only:
        for path in (f"/r/{resource.id}", f"/r/{resource.id}/print"):
            assert call(app, path, "edition=teacher").status == 404, path
    # ...while every student resource is there, without its teacher blocks.
    for resource in full.resources:
        if is_shared(resource):
            assert call(app, f"/r/{resource.id}").status == 200, resource.id


def test_searching_for_teacher_words_finds_no_teacher_text(world):
    """Searching with the words of each needle: the share's index never held teacher text at all.

    The query is only the first five words of a longer needle: the page shows the query back, which is not a leak.
    """
    app, _, needles = world
    long_needles = [n for n in needles if len(n.split()) >= 8]
    assert len(long_needles) >= 100
    for number, needle in enumerate(long_needles):
        words = " ".join(needle.split()[:5])
        # Filters that name teacher kinds and audiences, on every tenth needle (they select nothing anyway).
        extra = ("&kind=teacher", "&audience=educators&edition=teacher") if number % 10 == 0 else ()
        for query in (f"q={words}", *(f"q={words}{e}" for e in extra)):
            reply = call(app, "/search", query.replace("%", "%25").replace(" ", "+").replace("#", "%23"))
            assert reply.status == 200
            leaked = [n for n in _leaks(reply.body, needles) if n not in words]  # the typed words come back
            assert not leaked, (query, leaked[:3])


def test_headers_cannot_ask_for_the_teacher_edition(world):
    app, _, needles = world
    for headers in ({"X-Kit-Edition": "teacher"}, {"Cookie": "edition=teacher"}, {"Accept-Language": "fr"}):
        reply = call(app, "/r/guide-recruitment-online", headers=headers)
        assert reply.status == 200 and not _leaks(reply.body, needles)
