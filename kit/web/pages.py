"""The web view's pages as HTML strings: one layout, then the library, search, reader, print and error pages.

Every value from content or from the request is escaped here with `html.escape`; the only HTML taken as it
is comes from kit.core.render (sanitised) and from kit.core.search snippets (escaped, matches in <b>).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from urllib.parse import urlencode

from kit.core.i18n import is_singular
from kit.core.model import Resource
from kit.core.render.reading_page import figures_checked_html
from kit.web import strings
from kit.web.web_links import reader_url

SEARCH_SCRIPT = "/static/search.js"  # under the share's root (a classroom code, or "" at the top)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def layout(
    title: str, body: str, language: str, *, root: str = "", query: str = "", script: bool = False, kind: str = ""
) -> str:
    """A whole page: skip link, banner with the search form, main content, footer.

    `root` is the path every address of the share starts with: "" at the top of a server, "/CODE" under a
    classroom code (kit.web.class_code). It comes from the server, never from the request's own text.
    """
    r = _e(root)
    w = strings.words(language)
    script_tag = f'<script src="{r}{SEARCH_SCRIPT}" defer></script>' if script else ""
    page_class = f' class="{_e(kind)}"' if kind else ""
    return (
        f'<!doctype html>\n<html lang="{_e(language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        f"<title>{_e(title)} · {_e(w['site'])}</title>"
        f'<link rel="icon" href="{r}/static/icon.svg" type="image/svg+xml">'
        f'<link rel="stylesheet" href="{r}/static/kit.css">{script_tag}</head>'
        f"<body{page_class}>"
        f'<a class="skip" href="#main">{_e(w["skip"])}</a>'
        f'<header class="banner"><a class="brand" href="{r}/">{_e(w["site"])}</a>'
        f"{search_form(language, query, root)}</header>"
        f'<main id="main" tabindex="-1">{body}</main>'
        f'<footer class="footer"><p>{_e(w["footer"])}</p></footer>'
        "</body></html>\n"
    )


def search_form(language: str, query: str = "", root: str = "") -> str:
    w = strings.words(language)
    return (
        f'<form class="search" role="search" action="{_e(root)}/search" method="get">'
        f'<label for="q">{_e(w["search_label"])}</label>'
        f'<span class="search-row"><input id="q" name="q" type="search" value="{_e(query)}" '
        'maxlength="200" autocomplete="off" spellcheck="false">'
        f'<button type="submit">{_e(w["search_button"])}</button></span></form>'
    )


def details(resource: Resource) -> str:
    """Kind · audience · minutes · language, in the resource's own language."""
    lang = resource.language
    bits = [strings.kind_label(resource.kind, lang)]
    if resource.audience:
        bits.append(strings.audiences_label(resource.audience, lang))
    if resource.minutes:
        bits.append(f"{resource.minutes} min")
    bits.append(strings.language_label(lang))
    return " · ".join(bits)


def _filter_select(name: str, label: str, options: Sequence[tuple[str, str]], chosen: str, any_label: str) -> str:
    items = [f'<option value="">{_e(any_label)}</option>']
    for value, text in options:
        selected = " selected" if value == chosen else ""
        items.append(f'<option value="{_e(value)}"{selected}>{_e(text)}</option>')
    return f'<label for="f-{name}">{_e(label)}</label><select id="f-{name}" name="{name}">{"".join(items)}</select>'


def filters_form(
    action: str, language: str, present: dict[str, Sequence[str]], chosen: dict[str, str], query: str = ""
) -> str:
    """Kind, audience and language choices (only those the shared kit has), sent by GET."""
    w = strings.words(language)
    selects = [
        _filter_select(
            "kind",
            w["kind"],
            [(k, strings.kind_label(k, language)) for k in present["kind"]],
            chosen.get("kind", ""),
            w["any"],
        ),
        _filter_select(
            "audience",
            w["audience"],
            [(a, strings.audience_label(a, language)) for a in present["audience"]],
            chosen.get("audience", ""),
            w["any"],
        ),
        _filter_select(
            "language",
            w["language"],
            [(g, strings.language_label(g)) for g in present["language"]],
            chosen.get("language", ""),
            w["any"],
        ),
    ]
    hidden = f'<input type="hidden" name="q" value="{_e(query)}">' if query else ""
    fields = "".join(f'<span class="field">{s}</span>' for s in selects)
    # Folded unless a choice is made, so on a phone the list starts on the first screen; no script needed.
    opened = " open" if any(chosen.values()) else ""
    return (
        f'<details class="filters"{opened}><summary>{_e(w["filters"])}</summary>'
        f'<form action="{_e(action)}" method="get">{hidden}{fields}'
        f'<button type="submit">{_e(w["filter"])}</button></form></details>'
    )


def resource_item(resource: Resource, snippet_html: str = "", root: str = "") -> str:
    summary = snippet_html or _e(resource.summary)
    return (
        f'<li lang="{_e(resource.language)}">'
        f'<h2><a href="{_e(reader_url(resource.id, root=root))}">{_e(resource.title)}</a></h2>'
        f'<p class="meta">{_e(details(resource))}</p>'
        + (f'<p class="summary">{summary}</p>' if summary else "")
        + "</li>"
    )


def library_page(resources: Sequence[Resource], language: str, present, chosen, root: str = "") -> str:
    w = strings.words(language)
    listing = "".join(resource_item(r, root=root) for r in resources)
    count_key = "resource" if is_singular(len(resources), language) else "resources"  # « 1 ressource », "0 resources"
    body = (
        f"<h1>{_e(w['library'])}</h1>{filters_form(root + '/', language, present, chosen)}"
        f'<p class="count" role="status">{_e(w[count_key].format(n=len(resources)))}</p>'
        + (f'<ul class="resources">{listing}</ul>' if resources else f"<p>{_e(w['no_resources'])}</p>")
    )
    return layout(w["library"], body, language, root=root, script=True)


def search_page(query: str, results, by_id: dict[str, Resource], language: str, present, chosen, root: str = "") -> str:
    """Results for `query`: "did you mean", the hits with their snippets, or a plain 'no matches'."""
    w = strings.words(language)
    parts = [f"<h1>{_e(w['search'])}</h1>", filters_form(root + "/search", language, present, chosen, query)]
    section = []
    if results is not None:
        if results.suggestion:
            link = root + "/search?" + urlencode({"q": results.suggestion, **{k: v for k, v in chosen.items() if v}})
            section.append(
                f'<p class="suggestion">{_e(w["did_you_mean"])} <a href="{_e(link)}">{_e(results.suggestion)}</a>?</p>'
            )
        if results.notice and query.strip():
            section.append(f'<p class="notice">{_e(results.notice)}</p>')
        hits = [(by_id[h.id], h.snippet) for h in results.results if h.id in by_id]
        if hits:
            section.append(f'<p class="count">{_e(w["results"].format(shown=len(hits), total=results.total))}</p>')
            section.append('<ul class="resources">' + "".join(resource_item(r, s, root) for r, s in hits) + "</ul>")
        elif query.strip():
            section.append(f"<p>{_e(w['no_results'])}</p>")
    parts.append(f'<section id="results" aria-live="polite">{"".join(section)}</section>')
    return layout(
        f"{w['search']}: {query}" if query else w["search"],
        "".join(parts),
        language,
        root=root,
        query=query,
        script=True,
    )


def reader_page(
    resource: Resource,
    body_html: str,
    headings,
    related: Sequence[Resource],
    *,
    printable: bool = False,
    root: str = "",
) -> str:
    """One resource in the student edition: header, the (already safe) body, related resources, sources.

    `printable` drops the navigation and adds a hint; the print rules themselves are in kit.css.
    """
    lang = resource.language
    w = strings.words(lang)
    header = f'<h1 id="top">{_e(resource.title)}</h1><p class="meta">{_e(details(resource))}</p>'
    if resource.summary:
        header += f'<p class="summary">{_e(resource.summary)}</p>'
    if resource.content_warning:
        header += (
            f'<aside class="content-note" aria-label="{_e(w["content_note"])}">'
            f"<p>{_e(resource.content_warning)}</p></aside>"
        )
    article = f'<article class="resource">{header}<!--contents-->{body_html}{figures_checked_html(resource)}'
    article += _related(related, lang, root)
    article += _sources(resource, lang)
    article += "</article>"
    if printable:
        return layout(
            resource.title,
            f'<p class="print-hint">{_e(w["print_hint"])}</p>{article}',
            lang,
            root=root,
            kind="printable",
        )
    actions = (
        f'<p class="actions"><a href="{_e(root)}/">{_e(w["back"])}</a>'
        f'<a href="{_e(reader_url(resource.id, root=root))}/print">{_e(w["print"])}</a></p>'
    )
    sections = [h for h in headings if h.level == 2]
    if len(sections) >= 3:
        # Folded by default: on a phone an open list of ten sections would push the text off the first screen.
        items = "".join(f'<li><a href="#{_e(h.anchor)}">{_e(h.text)}</a></li>' for h in sections)
        label = _e(w["contents"])
        contents = (
            f'<details class="contents"><summary>{label}</summary>'
            f'<nav aria-label="{label}"><ol>{items}</ol></nav></details>'
        )
        article = article.replace("<!--contents-->", contents, 1)
    return layout(resource.title, actions + article, lang, root=root)


def _related(related: Sequence[Resource], language: str, root: str) -> str:
    if not related:
        return ""
    items = "".join(
        f'<li><a href="{_e(reader_url(r.id, root=root))}">{_e(r.title)}</a>'
        f" — {_e(strings.kind_label(r.kind, r.language))}</li>"
        for r in related
    )
    title = strings.words(language)["related"]
    return f'<h2 class="section-title" id="related">{_e(title)}</h2><ul class="related">{items}</ul>'


def _sources(resource: Resource, language: str) -> str:
    if not resource.sources:
        return ""
    items = []
    for source in resource.sources:
        text = _e(source.citation(resource.language))
        if source.url.startswith(("https://", "http://")):
            link = f'<a class="external" href="{_e(source.url)}" rel="noopener noreferrer">{_e(source.url)}</a>'
            text = text.replace(_e(source.url), link)
        items.append(f"<li>{text}</li>")
    title = strings.words(language)["sources"]
    return f'<h2 class="section-title" id="sources">{_e(title)}</h2><ol class="sources">{"".join(items)}</ol>'


def error_page(title_key: str, language: str, root: str = "", *, back: bool = True) -> str:
    """A short page for a 4xx answer: what happened, in words, and the way back (when there is one)."""
    w = strings.words(language)
    text = w[f"{title_key}_text"]
    body = f"<h1>{_e(w[title_key])}</h1><p>{_e(text)}</p>"
    if back:
        body += f'<p><a href="{_e(root)}/">{_e(w["back"])}</a></p>'
    return layout(w[title_key], body, language, root=root)
