"""The classroom share's words, from the app's translation catalogue; a page's language follows its resource."""

from __future__ import annotations

from kit.core.i18n import INTERFACE_LANGUAGES, QT_TRANSLATE_NOOP, SOURCE_LANGUAGE, translate_for
from kit.core.model import AUDIENCE_LABELS, KIND_LABELS, LANGUAGE_LABELS

CONTEXT = "ClassShare"
# The share's own words, in the app's catalogue (kit/translations/kit_<lang>.ts), so a translator finds every
# word of the kit in one place. The search button says « Chercher » where the heading says « Recherche »: one
# English word, two French ones, so the button has its own context.
BUTTON_CONTEXT = "ClassShareButton"
WORDS = {
    "site": QT_TRANSLATE_NOOP("ClassShare", "Classroom Kit"),
    "library": QT_TRANSLATE_NOOP("ClassShare", "Library"),
    "search": QT_TRANSLATE_NOOP("ClassShare", "Search"),
    "search_label": QT_TRANSLATE_NOOP("ClassShare", "Search the kit"),
    "kind": QT_TRANSLATE_NOOP("ClassShare", "Kind"),
    "audience": QT_TRANSLATE_NOOP("ClassShare", "Audience"),
    "language": QT_TRANSLATE_NOOP("ClassShare", "Language"),
    "any": QT_TRANSLATE_NOOP("ClassShare", "Any"),
    "filter": QT_TRANSLATE_NOOP("ClassShare", "Show"),
    "filters": QT_TRANSLATE_NOOP("ClassShare", "Choose kind, audience, language"),
    "grades": QT_TRANSLATE_NOOP("ClassShare", "Grades {low}–{high}"),
    "resource": QT_TRANSLATE_NOOP("ClassShare", "{n} resource"),
    "resources": QT_TRANSLATE_NOOP("ClassShare", "{n} resources"),
    "no_resources": QT_TRANSLATE_NOOP("ClassShare", "No resources match."),
    "did_you_mean": QT_TRANSLATE_NOOP("ClassShare", "Did you mean"),
    "results": QT_TRANSLATE_NOOP("ClassShare", "{shown} of {total} results"),
    "no_results": QT_TRANSLATE_NOOP("ClassShare", "No matches. Try fewer or different words."),
    "print": QT_TRANSLATE_NOOP("ClassShare", "Print-friendly page"),
    "back": QT_TRANSLATE_NOOP("ClassShare", "Back to the library"),
    "contents": QT_TRANSLATE_NOOP("ClassShare", "On this page"),
    "related": QT_TRANSLATE_NOOP("ClassShare", "Related"),
    "sources": QT_TRANSLATE_NOOP("ClassShare", "Sources"),
    "main": QT_TRANSLATE_NOOP("ClassShare", "Main content"),
    "skip": QT_TRANSLATE_NOOP("ClassShare", "Skip to the content"),
    "not_found": QT_TRANSLATE_NOOP("ClassShare", "Page not found"),
    "not_found_text": QT_TRANSLATE_NOOP(
        "ClassShare", "There is nothing at this address. It may have been typed wrongly."
    ),
    "bad_request": QT_TRANSLATE_NOOP("ClassShare", "This address cannot be read"),
    "bad_request_text": QT_TRANSLATE_NOOP("ClassShare", "Part of this address could not be understood."),
    "too_long": QT_TRANSLATE_NOOP("ClassShare", "This address is too long"),
    "too_long_text": QT_TRANSLATE_NOOP("ClassShare", "Addresses here are short. Go back to the library and try again."),
    "not_allowed": QT_TRANSLATE_NOOP("ClassShare", "This page can only be read"),
    "not_allowed_text": QT_TRANSLATE_NOOP("ClassShare", "The shared kit is read-only: nothing can be sent to it."),
    "wrong_code": QT_TRANSLATE_NOOP("ClassShare", "This page needs the class code"),
    "wrong_code_text": QT_TRANSLATE_NOOP(
        "ClassShare",
        "This address does not have your class's code. Scan the QR code your teacher shows, "
        "or type the whole address under it, code included.",
    ),
    "too_many": QT_TRANSLATE_NOOP("ClassShare", "Too many pages at once"),
    "too_many_text": QT_TRANSLATE_NOOP(
        "ClassShare", "This device asked for a lot of pages in a few seconds. Wait a moment, then try again."
    ),
    "content_note": QT_TRANSLATE_NOOP("ClassShare", "Content note"),
    "footer": QT_TRANSLATE_NOOP(
        "ClassShare", "Student edition, shared from the teacher's computer. Works without internet."
    ),
    "print_hint": QT_TRANSLATE_NOOP(
        "ClassShare", "Use your browser's Print command to print this page or save it as a PDF."
    ),
}
SEARCH_BUTTON = QT_TRANSLATE_NOOP("ClassShareButton", "Search")
DEFAULT_LANGUAGE = SOURCE_LANGUAGE


def words(language: str) -> dict[str, str]:
    """The share's words in `language` (English where the catalogue has none)."""
    found = {key: translate_for(language, CONTEXT, text) for key, text in WORDS.items()}
    found["search_button"] = translate_for(language, BUTTON_CONTEXT, SEARCH_BUTTON)
    return found


def kind_label(kind: str, language: str) -> str:
    """A resource's kind as the app names it (kit.core.model's labels, the catalogue's "Model" words)."""
    return translate_for(language, "Model", KIND_LABELS[kind]) if kind in KIND_LABELS else kind.title()


def audience_label(audience: str, language: str) -> str:
    return translate_for(language, "Model", AUDIENCE_LABELS[audience]) if audience in AUDIENCE_LABELS else audience


def audiences_label(audiences, language: str) -> str:
    """Audiences in few words: adjacent grade bands join ("grades-7-8", "grades-9-10" → "Grades 7–10")."""
    bands = []
    others = []
    for audience in audiences:
        parts = audience.split("-")
        if len(parts) == 3 and parts[0] == "grades" and parts[1].isdigit() and parts[2].isdigit():
            bands.append((int(parts[1]), int(parts[2])))
        else:
            others.append(audience_label(audience, language))
    joined: list[list[int]] = []
    for low, high in sorted(bands):
        if joined and low <= joined[-1][1] + 1:
            joined[-1][1] = max(joined[-1][1], high)
        else:
            joined.append([low, high])
    grades = [_grades(low, high, language) for low, high in joined]
    return ", ".join(grades + others)


def _grades(low: int, high: int, language: str) -> str:
    """One band as the app names it (« 7e et 8e année »); bands joined as the share writes them (« 7e à 10e année »)."""
    band = f"grades-{low}-{high}"
    if band in AUDIENCE_LABELS:
        return audience_label(band, language)
    return translate_for(language, CONTEXT, WORDS["grades"]).format(low=low, high=high)


def language_label(language: str) -> str:
    return LANGUAGE_LABELS.get(language, language)


def preferred_language(accept_language: str, choices=INTERFACE_LANGUAGES) -> str:
    """The first of the browser's Accept-Language entries the interface speaks ("fr-CA,fr;q=0.9" → "fr")."""
    ranked = []
    for position, entry in enumerate(accept_language.split(",")[:20]):
        tag, _, params = entry.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.strip().lower().split("-")[0]))
    for _, _, tag in sorted(ranked):
        if tag in choices:
            return tag
    return DEFAULT_LANGUAGE
