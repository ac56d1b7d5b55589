"""What gets printed: one resource, or a class packet (cover, contents whose page numbers match, each resource)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kit.core.model import Resource
from kit.printing import share_code
from kit.printing.document import make_document, resource_html
from kit.printing.pages import KIT_NAME, TEACHER_BAND, PagedDocument, Section
from kit.printing.paper import PageGeometry, default_paper

EDITION_LABELS = {"student": "Student edition", "teacher": "Teacher edition"}


@dataclass(frozen=True)
class Cover:
    """The cover of a packet, as the teacher typed it. Empty fields are left out (the teacher line stays blank)."""

    title: str = "Class packet"
    class_name: str = ""
    date: str = ""
    teacher: str = ""


def build_document(
    resources: Sequence[Resource],
    *,
    edition: str = "student",
    paper: str | None = None,
    cover: Cover | None = None,
    pack_titles: Mapping[str, str] | None = None,
    share_urls: Mapping[str, str] | None = None,
) -> PagedDocument:
    """The pages to preview, print or export. One resource prints alone; several make a packet with a cover and
    a contents page, unless `cover` is None and there is only one resource.

    `share_urls` (resource id -> its address on the classroom share) puts that address and its QR code under the
    title of each resource it names, on a student copy only: the share serves the student edition."""
    if not resources:
        raise ValueError("nothing to print: no resources were chosen")
    edition = edition if edition in EDITION_LABELS else "student"
    geometry = PageGeometry.for_paper(paper or default_paper())
    titles = pack_titles or {}
    online = (share_urls or {}) if edition == "student" else {}
    sections = [
        Section(r.title, _source_line(r, titles), _resource_maker(r, edition, online.get(r.id, ""))) for r in resources
    ]
    if len(resources) == 1 and cover is None:
        return PagedDocument(sections, geometry, _header_left(edition), band=_band(edition))
    cover = cover or Cover()
    footer = f"{KIT_NAME} · {EDITION_LABELS[edition]} · {len(resources)} resources"
    front = [
        Section(cover.title, footer, lambda size: make_document(_cover_html(cover, edition), None, size)),
        Section(cover.title, footer, _contents_maker(sections, {})),
    ]
    return PagedDocument(
        front + sections, geometry, _header_left(edition), after_layout=_number_contents, band=_band(edition)
    )


def _band(edition: str) -> str:
    return TEACHER_BAND if edition == "teacher" else ""


def _header_left(edition: str) -> str:
    return f"{KIT_NAME} · Teacher edition" if edition == "teacher" else KIT_NAME


def _source_line(resource: Resource, pack_titles: Mapping[str, str]) -> str:
    pack = pack_titles.get(resource.pack, resource.pack)
    parts = [f"Source: {pack} ({KIT_NAME})" if pack != KIT_NAME else f"Source: {KIT_NAME}"]
    if resource.license:
        parts.append(resource.license)
    if resource.updated:
        parts.append(f"updated {resource.updated.isoformat()}")
    return " · ".join(parts)


def _resource_maker(resource: Resource, edition: str, share_url: str = ""):
    if not share_url:
        body = resource_html(resource, edition)
        return lambda size: make_document(body, resource.pack_dir, size)
    name = f"{share_code.IMAGE_PREFIX}{resource.id}"
    body = resource_html(resource, edition, (share_code.share_picture(name), share_code.share_line(share_url)))
    pictures = {name: share_code.qr_image(share_url)}
    return lambda size: make_document(body, resource.pack_dir, size, pictures)


def _cover_html(cover: Cover, edition: str) -> str:
    lines = [
        f'<p class="kit-title">{html.escape(KIT_NAME)}</p>',
        f'<h1 class="cover">{html.escape(cover.title or "Class packet")}</h1>',
    ]
    if cover.class_name:
        lines.append(f'<p class="cover-line">Class: {html.escape(cover.class_name)}</p>')
    lines.append(f'<p class="cover-line">Date: {html.escape(cover.date or dt.date.today().isoformat())}</p>')
    teacher = html.escape(cover.teacher) if cover.teacher else "_" * 30
    lines.append(f'<p class="cover-line">Teacher: {teacher}</p>')
    lines.append(f'<p class="cover-line">{EDITION_LABELS[edition]}</p>')
    return "\n".join(lines)


def _contents_html(sections: Sequence[Section], pages: Mapping[int, int]) -> str:
    rows = "".join(
        f'<tr><td class="contents-title">{html.escape(s.title)}</td>'
        f'<td class="contents-page" align="right">{pages.get(i, 0) or "000"}</td></tr>'
        for i, s in enumerate(sections)
    )
    return f'<h1>Contents</h1><table width="100%" cellspacing="0" cellpadding="2">{rows}</table>'


def _contents_maker(sections: Sequence[Section], pages: Mapping[int, int]):
    return lambda size: make_document(_contents_html(sections, pages), None, size)


def _number_contents(document: PagedDocument) -> None:
    """Fill in the contents' page numbers. They depend on how long the contents is, so repeat until stable
    (placeholders are as wide as real numbers, so this settles at once in practice)."""
    contents = document.sections[1]
    resources = document.sections[2:]
    body = document.geometry.body.size()
    for _ in range(4):
        starts = document.start_pages()[2:]
        contents.make = _contents_maker(resources, dict(enumerate(starts)))
        contents.document = None
        contents.layout_for(body)
        if document.start_pages()[2:] == starts:
            return
