"""The web view's interface words in English and French; a page's language follows its resource."""

from __future__ import annotations

from kit.core.model import AUDIENCE_LABELS, KIND_LABELS, LANGUAGE_LABELS

STRINGS = {
    "en": {
        "site": "Classroom Kit",
        "library": "Library",
        "search": "Search",
        "search_label": "Search the kit",
        "search_button": "Search",
        "kind": "Kind",
        "audience": "Audience",
        "language": "Language",
        "any": "Any",
        "filter": "Show",
        "filters": "Choose kind, audience, language",
        "grades": "Grades {low}–{high}",
        "resources": "{n} resources",
        "no_resources": "No resources match.",
        "did_you_mean": "Did you mean",
        "results": "{shown} of {total} results",
        "no_results": "No matches. Try fewer or different words.",
        "print": "Print-friendly page",
        "back": "Back to the library",
        "contents": "On this page",
        "related": "Related",
        "sources": "Sources",
        "main": "Main content",
        "skip": "Skip to the content",
        "not_found": "Page not found",
        "not_found_text": "There is nothing at this address. It may have been typed wrongly.",
        "bad_request": "This address cannot be read",
        "bad_request_text": "Part of this address could not be understood.",
        "too_long": "This address is too long",
        "too_long_text": "Addresses here are short. Go back to the library and try again.",
        "not_allowed": "This page can only be read",
        "not_allowed_text": "The shared kit is read-only: nothing can be sent to it.",
        "wrong_code": "This page needs the class code",
        "wrong_code_text": "This address does not have your class's code. Scan the QR code your teacher shows, "
        "or type the whole address under it, code included.",
        "too_many": "Too many pages at once",
        "too_many_text": "This device asked for a lot of pages in a few seconds. Wait a moment, then try again.",
        "content_note": "Content note",
        "footer": "Student edition, shared from the teacher's computer. Works without internet.",
        "print_hint": "Use your browser's Print command to print this page or save it as a PDF.",
    },
    "fr": {
        "site": "Trousse de classe",
        "library": "Bibliothèque",
        "search": "Recherche",
        "search_label": "Chercher dans la trousse",
        "search_button": "Chercher",
        "kind": "Type",
        "audience": "Public",
        "language": "Langue",
        "any": "Tous",
        "filter": "Afficher",
        "filters": "Choisir le type, le public, la langue",
        "grades": "{low}e à {high}e année",
        "resources": "{n} ressources",
        "no_resources": "Aucune ressource ne correspond.",
        "did_you_mean": "Vouliez-vous dire",
        "results": "{shown} résultats sur {total}",
        "no_results": "Aucun résultat. Essayez d'autres mots.",
        "print": "Version à imprimer",
        "back": "Retour à la bibliothèque",
        "contents": "Sur cette page",
        "related": "Voir aussi",
        "sources": "Sources",
        "main": "Contenu principal",
        "skip": "Aller au contenu",
        "not_found": "Page introuvable",
        "not_found_text": "Il n'y a rien à cette adresse. Elle a peut-être été mal tapée.",
        "bad_request": "Cette adresse ne peut pas être lue",
        "bad_request_text": "Une partie de cette adresse n'a pas pu être comprise.",
        "too_long": "Cette adresse est trop longue",
        "too_long_text": "Les adresses ici sont courtes. Revenez à la bibliothèque et réessayez.",
        "not_allowed": "Cette page est en lecture seule",
        "not_allowed_text": "La trousse partagée est en lecture seule : rien ne peut lui être envoyé.",
        "wrong_code": "Cette page demande le code de la classe",
        "wrong_code_text": "Cette adresse ne contient pas le code de votre classe. Scannez le code QR que montre "
        "votre enseignant, ou tapez toute l'adresse écrite dessous, code compris.",
        "too_many": "Trop de pages à la fois",
        "too_many_text": "Cet appareil a demandé beaucoup de pages en quelques secondes. Attendez un instant, "
        "puis réessayez.",
        "content_note": "Avertissement",
        "footer": "Édition élève, partagée depuis l'ordinateur de l'enseignant. Fonctionne sans internet.",
        "print_hint": "Utilisez la commande Imprimer du navigateur pour imprimer cette page ou l'enregistrer en PDF.",
    },
}
KIND_LABELS_FR = {
    "article": "Article",
    "handout": "Fiche",
    "guide": "Guide de discussion",
    "media": "Guide média",
    "teacher": "Note pour l'enseignant",
}
AUDIENCE_LABELS_FR = {
    "grades-7-8": "7e et 8e année",
    "grades-9-10": "9e et 10e année",
    "grades-11-12": "11e et 12e année",
    "educators": "Enseignants",
}
DEFAULT_LANGUAGE = "en"


def words(language: str) -> dict[str, str]:
    """The interface strings for `language` (English for any language without its own)."""
    return STRINGS.get(language, STRINGS[DEFAULT_LANGUAGE])


def kind_label(kind: str, language: str) -> str:
    labels = KIND_LABELS_FR if language == "fr" else KIND_LABELS
    return labels.get(kind, kind.title())


def audience_label(audience: str, language: str) -> str:
    labels = AUDIENCE_LABELS_FR if language == "fr" else AUDIENCE_LABELS
    return labels.get(audience, audience)


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
    grades = [words(language)["grades"].format(low=low, high=high) for low, high in joined]
    return ", ".join(grades + others)


def language_label(language: str) -> str:
    return LANGUAGE_LABELS.get(language, language)


def preferred_language(accept_language: str, choices=tuple(STRINGS)) -> str:
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
