"""What a classroom share may send: student resources only, each already stripped of its teacher blocks.

A resource is for teachers when its kind is `teacher` (teacher notes, the user guide) or when no student
audience is named (audience `educators` only, such as the media guides written for teachers). Everything
else is shared with its `!!! teacher` blocks removed from the Markdown itself, before any rendering, so no
later step (render, search, snippets, related links) can reach a teacher's text. The teacher's own notes,
bookmarks and lessons live in the data store, which this layer never opens.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection

from kit.core.content import editions
from kit.core.content.loader import Library
from kit.core.model import Resource


def is_shared(resource: Resource) -> bool:
    """True for a resource a student may read."""
    return resource.kind != "teacher" and resource.is_for_students


# A line of underscores is a handout's write-in line; Markdown would make it a rule (<hr>), which pages drop.
_WRITE_IN = re.compile(r"^ {0,3}_{3,}[ \t]*$", re.MULTILINE)


def student_resource(resource: Resource) -> Resource:
    """The resource with its teacher blocks removed from the body and its write-in lines kept as lines."""
    body = editions.edition_markdown(resource.body, "student")
    body = _WRITE_IN.sub(lambda m: "\\_" * m.group(0).count("_"), body)
    return dataclasses.replace(resource, body=body)


def student_library(library: Library, only: Collection[str] | None = None) -> Library:
    """The library a share serves: shared resources (limited to `only` ids when given), teacher text removed."""
    kept = tuple(student_resource(r) for r in library.resources if is_shared(r) and (only is None or r.id in only))
    pack_ids = {r.pack for r in kept}
    return Library(tuple(p for p in library.packs if p.id in pack_ids), kept, ())
