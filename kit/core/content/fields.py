"""The front-matter fields of a resource: which exist, and each one checked with a message an author can act on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kit.core.model import AUDIENCES, KINDS, LANGUAGES, Pack, Source

KNOWN_FIELDS = {
    "title",
    "kind",
    "summary",
    "audience",
    "minutes",
    "topics",
    "language",
    "content_warning",
    "sources",
    "updated",
    "license",
    "related",
    "translation_of",
}


class FieldError(Exception):
    def __init__(self, key: str, message: str, hint: str = ""):
        super().__init__(message)
        self.key, self.message, self.hint = key, message, hint


def _text(meta: dict[str, Any], key: str, *, required: bool = False, default: str = "") -> str:
    value = meta.get(key)
    if value is None:
        if required:
            raise FieldError(key, f"missing '{key}'", f"add '{key}: ...' to the front matter")
        return default
    if isinstance(value, bool):
        raise FieldError(key, f"'{key}' is {str(value).lower()}, not text", f'put the value in quotes: {key}: "..."')
    if isinstance(value, (int, float)):
        return str(value)
    if not isinstance(value, str):
        raise FieldError(key, f"'{key}' should be text, not a {type(value).__name__}", "write it on one line")
    return value.strip()


def _word_list(meta: dict[str, Any], key: str) -> tuple[str, ...]:
    value = meta.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FieldError(key, f"'{key}' should be a list of words", f"write {key}: [first, second]")
    return tuple(v.strip() for v in value)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def validated_fields(meta: dict[str, Any], pack: Pack) -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    """The Resource fields from front matter, and the warnings (field, message, hint) that do not stop loading."""
    warnings: list[tuple[str, str, str]] = []
    title = _text(meta, "title", required=True)
    if not title:
        raise FieldError("title", "'title' is empty", "give the resource a title")
    kind = _text(meta, "kind", required=True)
    if kind not in KINDS:
        raise FieldError("kind", f"unknown kind '{kind}'", f"use one of {', '.join(KINDS)}")
    language = _text(meta, "language", default=pack.language)
    if language not in LANGUAGES:
        raise FieldError("language", f"unknown language '{language}'", f"use one of {', '.join(LANGUAGES)} (in quotes)")
    audience = _word_list(meta, "audience")
    for value in audience:
        if value not in AUDIENCES:
            raise FieldError("audience", f"unknown audience '{value}'", f"use {', '.join(AUDIENCES)}")
    if not audience:
        warnings.append(("audience", "no audience given", "add audience: [grades-9-10, ...]"))
    minutes = meta.get("minutes")
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 < minutes <= 600):
        raise FieldError(
            "minutes", f"'minutes' should be a whole number from 1 to 600, not {minutes!r}", "write minutes: 20"
        )
    summary = _text(meta, "summary")
    if not summary:
        warnings.append(("summary", "no summary", "add a one- or two-sentence summary"))
    warning_text = meta.get("content_warning")
    if warning_text is not None and not isinstance(warning_text, str):
        raise FieldError("content_warning", "'content_warning' should be text or null", "write it in quotes")
    updated = None
    if meta.get("updated") is not None:
        updated = _date(meta["updated"])
        if updated is None:
            warnings.append(("updated", f"'updated' is not a real date: {meta['updated']!r}", "write it as YYYY-MM-DD"))
    translation_of = meta.get("translation_of")
    if translation_of is not None and not isinstance(translation_of, str):
        raise FieldError("translation_of", "'translation_of' should be a resource id", "write translation_of: some-id")
    sources, source_warnings = _sources(meta.get("sources"))
    warnings.extend(source_warnings)
    return {
        "title": title,
        "kind": kind,
        "summary": summary,
        "audience": audience,
        "minutes": minutes,
        "topics": _word_list(meta, "topics"),
        "language": language,
        "content_warning": warning_text.strip() if isinstance(warning_text, str) and warning_text.strip() else None,
        "sources": sources,
        "updated": updated,
        "license": _text(meta, "license", default=pack.license),
        "related": _word_list(meta, "related"),
        "translation_of": translation_of,
    }, warnings


def _sources(value: Any) -> tuple[tuple[Source, ...], list[tuple[str, str, str]]]:
    if value is None:
        return (), []
    if not isinstance(value, list):
        raise FieldError("sources", "'sources' should be a list", "write each source as '- title: ...'")
    sources, warnings = [], []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            raise FieldError(
                "sources", f"source {number} has no title", "give each source title, publisher, year, url, accessed"
            )
        url = item.get("url") or ""
        if url and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
            warnings.append(
                ("sources", f"source {number} has an address that is not a web link: {url!r}", "use an http(s) address")
            )
            url = ""
        accessed = _date(item.get("accessed"))
        if item.get("accessed") is not None and accessed is None:
            warnings.append(("sources", f"source {number}: 'accessed' is not a real date", "write it as YYYY-MM-DD"))
        sources.append(
            Source(
                title=item["title"].strip(),
                publisher=str(item.get("publisher") or "").strip(),
                year=str(item.get("year") or "").strip(),
                url=url,
                accessed=accessed,
            )
        )
    return tuple(sources), warnings
