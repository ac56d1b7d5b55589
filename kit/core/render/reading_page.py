"""A resource as one reading page: title, details, summary, the rendered body, related resources and sources."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from kit.core.content import figures
from kit.core.content.loader import Library
from kit.core.i18n import QT_TRANSLATE_NOOP, translate_for
from kit.core.model import LANGUAGE_LABELS, Resource
from kit.core.render import answer_space, markup

SCREEN_LINE_PX = 30  # answer lines in the reader: shown as lines to write on, a little closer than on paper
SCREEN_LINE_COLOUR = "#8c8c8c"  # visible on the light and the dark themes
# The page's own words, in the resource's language (kit.core.i18n), like its title and text.
TEACHER_EDITION = QT_TRANSLATE_NOOP("ReadingPage", "Teacher edition")
RELATED = QT_TRANSLATE_NOOP("ReadingPage", "Related")
SOURCES = QT_TRANSLATE_NOOP("ReadingPage", "Sources")


@dataclass(frozen=True)
class Page:
    """Everything the reader shows for one resource in one edition, ready to display."""

    resource_id: str
    edition: str
    html: str
    headings: tuple[markup.Heading, ...]
    safe: bool


def build_page(resource: Resource, library: Library | None, edition: str = "student") -> Page:
    """Compose the page (never raises: markup.render already turns failures into a notice)."""
    rendered = markup.render(resource, edition)
    # A `---` line marks a slide break for presenting; in the reading view it is only noise.
    body = re.sub(r"<hr\s*/?>", "", answer_space.ruled(rendered.html, SCREEN_LINE_PX, SCREEN_LINE_COLOUR))
    parts = [_header(resource, edition), body]
    if rendered.safe:
        parts.append(figures_checked_html(resource))
        parts.append(_related(resource, library))
        parts.append(_sources(resource))
    return Page(resource.id, edition, "".join(parts), rendered.headings, rendered.safe)


def notice_page(resource: Resource, edition: str, message: str) -> Page:
    """The page shown instead of one that cannot be displayed safely: its header and a one-line notice."""
    notice = f'<div class="admonition warning"><p>{html.escape(message)}</p></div>'
    return Page(resource.id, edition, _header(resource, edition) + notice, (), False)


def details_line(resource: Resource) -> str:
    """Kind · audience · minutes · language, as plain text."""
    bits = [resource.kind_label]
    if resource.audience:
        bits.append(resource.audience_label)
    if resource.minutes:
        bits.append(f"{resource.minutes} min")
    bits.append(LANGUAGE_LABELS.get(resource.language, resource.language))
    return " · ".join(bits)


def _header(resource: Resource, edition: str) -> str:
    meta = details_line(resource)
    if edition == "teacher":
        meta += " · " + translate_for(resource.language, "ReadingPage", TEACHER_EDITION)
    summary = f'<p class="summary">{html.escape(resource.summary)}</p>' if resource.summary else ""
    return f'<h1 id="top">{html.escape(resource.title)}</h1><p class="meta">{html.escape(meta)}</p>{summary}'


def figures_checked_html(resource: Resource) -> str:
    """'Figures checked on DATE', in the page's language, on every page that cites the figures register."""
    if resource.figures_checked is None:
        return ""
    line = figures.checked_line(resource.figures_checked, resource.language)
    return f'<p class="figures-checked">{html.escape(line)}</p>'


def _related(resource: Resource, library: Library | None) -> str:
    items = []
    for related_id in resource.related:
        other = library.get(related_id) if library else None
        if other is not None:
            items.append(
                f'<li><a href="kit:{html.escape(other.id)}">{html.escape(other.title)}</a>'
                f" — {html.escape(other.kind_label)}</li>"
            )
    if not items:
        return ""
    title = html.escape(translate_for(resource.language, "ReadingPage", RELATED))
    return f'<p class="section-title" id="related">{title}</p><ul class="related">' + "".join(items) + "</ul>"


def _sources(resource: Resource) -> str:
    if not resource.sources:
        return ""
    items = []
    for source in resource.sources:
        text = html.escape(source.citation(resource.language))
        if source.url:
            url = html.escape(source.url, quote=True)
            text = text.replace(
                html.escape(source.url), f'<a class="external" href="{url}">{html.escape(source.url)}</a>'
            )
        items.append(f"<li>{text}</li>")
    title = html.escape(translate_for(resource.language, "ReadingPage", SOURCES))
    return f'<p class="section-title" id="sources">{title}</p><ol class="sources">' + "".join(items) + "</ol>"
