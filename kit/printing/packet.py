"""What gets printed: one resource, or a class packet (cover, contents whose page numbers match, each resource)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kit.core.dates_numbers import long_date, typed_date
from kit.core.i18n import QT_TRANSLATE_NOOP, current_language, is_singular, translate_for
from kit.core.model import Pack, Resource
from kit.printing import share_code
from kit.printing.document import STUDENT_EDITION, TEACHER_EDITION, make_document, resource_html
from kit.printing.pages import KIT_NAME, TEACHER_BAND, PagedDocument, Section
from kit.printing.paper import PageGeometry, default_paper

EDITION_LABELS = {"student": STUDENT_EDITION, "teacher": TEACHER_EDITION}
DEFAULT_COVER_TITLE = QT_TRANSLATE_NOOP("Print", "Class packet")
RESOURCES = (QT_TRANSLATE_NOOP("Print", "{count} resource"), QT_TRANSLATE_NOOP("Print", "{count} resources"))
SOURCE_IN_KIT = QT_TRANSLATE_NOOP("Print", "Source: {pack} ({kit})")
SOURCE_KIT = QT_TRANSLATE_NOOP("Print", "Source: {kit}")
UPDATED = QT_TRANSLATE_NOOP("Print", "updated {date}")
CONTENTS = QT_TRANSLATE_NOOP("Print", "Contents")


@dataclass(frozen=True)
class Cover:
    """The cover of a packet, as the teacher typed it. Empty fields are left out (the teacher line stays blank)."""

    title: str = ""  # empty: "Class packet" in the packet's language
    class_name: str = ""
    date: str = ""  # as typed; one like 2026-12-06 is written out in the packet's language; empty: today
    teacher: str = ""


def build_document(
    resources: Sequence[Resource],
    *,
    edition: str = "student",
    paper: str | None = None,
    cover: Cover | None = None,
    packs: Mapping[str, Pack] | None = None,
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
    by_id = packs or {}
    online = (share_urls or {}) if edition == "student" else {}
    sections = [
        Section(r.title, _source_line(r, by_id), _resource_maker(r, edition, online.get(r.id, "")), r.language)
        for r in resources
    ]
    if len(resources) == 1 and cover is None:
        return PagedDocument(sections, geometry, _header_left(edition), band=_band(edition))
    cover = cover or Cover()
    language = packet_language(resources)
    count = len(resources)
    words = _in(language, RESOURCES[0] if is_singular(count, language) else RESOURCES[1]).format(count=count)
    footer = " · ".join((_in(language, KIT_NAME), _in(language, EDITION_LABELS[edition]), words))
    title = cover.title or _in(language, DEFAULT_COVER_TITLE)
    front = [
        Section(title, footer, lambda size: make_document(_cover_html(cover, edition, language), None, size), language),
        Section(title, footer, _contents_maker(sections, {}, language), language),
    ]
    return PagedDocument(
        front + sections, geometry, _header_left(edition), after_layout=_number_contents, band=_band(edition)
    )


def packet_language(resources: Sequence[Resource]) -> str:
    """The language of a packet's cover and contents: its resources' when they share one, else the interface's."""
    languages = {resource.language for resource in resources}
    return languages.pop() if len(languages) == 1 else current_language()


def _in(language: str, text: str) -> str:
    return translate_for(language, "Print", text)


def _band(edition: str) -> str:
    return TEACHER_BAND if edition == "teacher" else ""


def _header_left(edition: str):
    """The header's left words for a page in a given language."""
    if edition == "teacher":
        return lambda language: f"{_in(language, KIT_NAME)} · {_in(language, EDITION_LABELS['teacher'])}"
    return lambda language: _in(language, KIT_NAME)


def _source_line(resource: Resource, packs: Mapping[str, Pack]) -> str:
    language = resource.language
    found = packs.get(resource.pack)
    pack = found.title_in(language) if found is not None else resource.pack  # in the page's language, like its labels
    kit = _in(language, KIT_NAME)
    parts = [
        _in(language, SOURCE_IN_KIT).format(pack=pack, kit=kit)
        if pack != KIT_NAME
        else _in(language, SOURCE_KIT).format(kit=kit)
    ]
    if resource.license:
        parts.append(resource.license)
    if resource.updated:
        parts.append(_in(language, UPDATED).format(date=long_date(resource.updated, language)))
    return " · ".join(parts)


def _resource_maker(resource: Resource, edition: str, share_url: str = ""):
    if not share_url:
        body = resource_html(resource, edition)
        return lambda size: make_document(body, resource.pack_dir, size)
    name = f"{share_code.IMAGE_PREFIX}{resource.id}"
    body = resource_html(
        resource, edition, (share_code.share_picture(name), share_code.share_line(share_url, resource.language))
    )
    pictures = {name: share_code.qr_image(share_url)}
    return lambda size: make_document(body, resource.pack_dir, size, pictures)


def _cover_html(cover: Cover, edition: str, language: str = "en") -> str:
    def line(label: str, value: str) -> str:
        return f'<p class="cover-line">{html.escape(translate_for(language, "Print", label).format(value=value))}</p>'

    lines = [
        f'<p class="kit-title">{html.escape(_in(language, KIT_NAME))}</p>',
        f'<h1 class="cover">{html.escape(cover.title or _in(language, DEFAULT_COVER_TITLE))}</h1>',
    ]
    if cover.class_name:
        lines.append(line(QT_TRANSLATE_NOOP("Print", "Class: {value}"), cover.class_name))
    when = typed_date(cover.date, language) if cover.date.strip() else long_date(dt.date.today(), language)
    lines.append(line(QT_TRANSLATE_NOOP("Print", "Date: {value}"), when))
    lines.append(line(QT_TRANSLATE_NOOP("Print", "Teacher: {value}"), cover.teacher or "_" * 30))
    lines.append(f'<p class="cover-line">{html.escape(_in(language, EDITION_LABELS[edition]))}</p>')
    return "\n".join(lines)


def _contents_html(sections: Sequence[Section], pages: Mapping[int, int], language: str = "en") -> str:
    rows = "".join(
        f'<tr><td class="contents-title">{html.escape(s.title)}</td>'
        f'<td class="contents-page" align="right">{pages.get(i, 0) or "000"}</td></tr>'
        for i, s in enumerate(sections)
    )
    heading = html.escape(_in(language, CONTENTS))
    return f'<h1>{heading}</h1><table width="100%" cellspacing="0" cellpadding="2">{rows}</table>'


def _contents_maker(sections: Sequence[Section], pages: Mapping[int, int], language: str = "en"):
    return lambda size: make_document(_contents_html(sections, pages, language), None, size)


def _number_contents(document: PagedDocument) -> None:
    """Fill in the contents' page numbers. They depend on how long the contents is, so repeat until stable
    (placeholders are as wide as real numbers, so this settles at once in practice)."""
    contents = document.sections[1]
    resources = document.sections[2:]
    body = document.geometry.body.size()
    for _ in range(4):
        starts = document.start_pages()[2:]
        contents.make = _contents_maker(resources, dict(enumerate(starts)), contents.language)
        contents.document = None
        contents.layout_for(body)
        if document.start_pages()[2:] == starts:
            return
