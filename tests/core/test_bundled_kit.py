"""The bundled kit is complete, sourced, linked, readable at about grade 8, and always says where to get help."""

import re
import statistics
import sys
from collections import Counter

import pytest

from kit.core.content.loader import load_library
from kit.core.render import markup, plain_text
from kit.core.validate import validate
from testdata import REPO, figures_last_checked

sys.path.insert(0, str(REPO / "tools"))
import reading_level

HOTLINE = "1-833-900-1010"
KIDS_HELP_PHONE = "1-800-668-6868"


@pytest.fixture(scope="module")
def library():
    return load_library([REPO / "resources" / "trafficking"])


def text_of(resource, edition="teacher"):
    return plain_text.html_to_text(markup.render(resource, edition).html)


def test_validate_is_clean():
    # As of the day the figures were last checked; `kit validate` today warns once they need newer data.
    report = validate([REPO / "resources"], today=figures_last_checked())
    assert report.clean, [str(p) for p in report.problems]


def test_counts_meet_the_kit_plan(library):
    english = Counter(r.kind for r in library.resources if r.language == "en")
    assert english["article"] >= 10
    assert english["handout"] >= 6
    assert english["guide"] >= 5
    assert english["teacher"] >= 3
    assert english["media"] >= 1
    french = [r for r in library.resources if r.language == "fr"]
    assert len(french) >= 6
    assert all(r.translation_of and library.get(r.translation_of) for r in french)


def test_every_resource_has_complete_front_matter(library):
    for r in library.resources:
        assert r.summary and r.audience and r.minutes and r.topics and r.updated and r.license, r.id
        assert r.sources, r.id
        assert r.related and all(library.get(i) for i in r.related), r.id


def test_every_source_has_title_publisher_year_url_and_access_date(library):
    for r in library.resources:
        for s in r.sources:
            assert s.title and s.publisher and s.year and s.accessed, (r.id, s.title)
            assert s.url.startswith(("https://", "http://")), (r.id, s.title)


def test_every_web_link_in_a_body_is_also_a_listed_source(library):
    for r in library.resources:
        listed = {s.url.rstrip("/") for s in r.sources}
        for url in re.findall(r'href="(https?://[^"]+)"', markup.render(r, "teacher").html):
            assert url.rstrip("/") in listed, (r.id, url)


def test_reading_level_of_student_editions(library):
    grades = reading_level.grades(library)
    assert len(grades) >= 20
    assert statistics.median(grades.values()) <= 9, grades
    assert max(grades.values()) <= 10, grades  # no single student resource far above grade 8


def test_student_resources_end_with_where_to_get_help(library):
    for r in library.resources:
        if r.is_for_students:
            assert HOTLINE in text_of(r, "student"), r.id


def test_help_line_card_has_both_numbers_and_fits_a_page(library):
    card = text_of(library.get("help-line-card"), "student")
    assert HOTLINE in card and KIDS_HELP_PHONE in card
    assert len(card.split()) <= 600


def test_handouts_fit_one_or_two_pages(library):
    for r in library.resources:
        if r.kind == "handout":
            assert len(text_of(r, "student").split()) <= 900, r.id


def test_age_13_figure_appears_only_as_a_myth_to_correct(library):
    pattern = re.compile(r"(average|moyen)[^.]{0,40}\b13\b|\b13\b[^.]{0,40}(average|moyen)", re.I | re.S)
    for r in library.resources:
        text = text_of(r, "teacher")
        for match in pattern.finditer(text):
            window = text[max(0, match.start() - 600) : match.end() + 600].lower()
            assert re.search(r"myth|false|not supported|withdrawn|mythe|faux|retir", window), (r.id, match.group(0))


def test_content_warning_wherever_sexual_exploitation_is_discussed(library):
    for r in library.resources:
        # The help list's one line about Cybertip.ca (reporting online exploitation) is not a discussion of it.
        text = "\n".join(line for line in text_of(r, "teacher").splitlines() if "Cybertip" not in line)
        if re.search(r"\bsex(ual)?\b|sexuel", text, re.I):
            assert r.content_warning, r.id


def test_seed_questions_each_have_a_resource_that_says_so(library):
    said = [f"{r.title} {r.summary}".lower() for r in library.resources]
    for words in (("what", "child trafficking"), ("where",), ("who",), ("why",)):
        assert any(all(w in s for w in words) for s in said), words


def test_teacher_blocks_never_reach_the_student_edition(library):
    for r in library.resources:
        assert "Teacher only" not in markup.render(r, "student").html, r.id


def test_answer_keys_name_sources_not_the_writers_fact_sheet(library):
    # Teachers never see facts.md, so "facts 4C.2" in a note tells them nothing.
    for r in library.resources:
        assert not re.search(r"\bfacts \d", text_of(r, "teacher")), r.id


def test_french_pages_use_the_french_names_of_organisations(library):
    english_names = ("Canadian Centre for Child Protection", "Canadian Women's Foundation")
    for r in library.resources:
        if r.language != "fr":
            continue
        text = text_of(r, "teacher")
        assert not any(name in text for name in english_names), r.id
        # The tipline is Cyberaide.ca in French; "Cybertip.ca" may appear only beside it, as its English name.
        assert "Cybertip.ca" not in text.replace("Cyberaide.ca (Cybertip.ca", ""), r.id
        # "qui vit de l'exploitation" names the exploiter, the opposite of what a help page means.
        assert "vit de l'exploitation" not in text, r.id


def test_french_pages_link_the_french_version_where_one_exists(library):
    # A French-speaking student who follows a link should stay in French when the kit has the page in French.
    french_of = {r.translation_of: r.id for r in library.resources if r.language == "fr" and r.translation_of}
    for r in library.resources:
        if r.language != "fr":
            continue
        linked = set(r.related) | set(re.findall(r'href="kit:([a-z0-9-]+)', markup.render(r, "teacher").html))
        for target in linked - {r.translation_of}:  # its own original is the "English version" link
            assert target not in french_of, (r.id, target, f"link {french_of[target]} instead")


def test_french_help_card_gives_exactly_the_english_card_numbers_on_the_cut_out_card(library):
    numbers = re.compile(r"\b(?:1-\d{3}-\d{3}-\d{4}|\d{3}-\d{4}|9-?1-?1|\d{6})\b")
    english = set(numbers.findall(text_of(library.get("help-line-card"), "student")))
    french_text = text_of(library.get("fr-carte-aide"), "student")
    cut_out = french_text.rsplit("✂", 1)[-1]  # the part students cut off and keep
    assert english and english <= set(numbers.findall(cut_out)), english - set(numbers.findall(cut_out))
    # No number the English card does not give (a typo, or a line nobody verified).
    assert set(numbers.findall(french_text)) <= english, set(numbers.findall(french_text)) - english
    assert len(french_text.split()) <= 700  # the English card's 600, plus about a sixth for French wording


def test_first_2022_count_is_not_given_to_students_as_current(library):
    # 528 was the first count for 2022; Statistics Canada revised it to 597 (Nov 2024 release).
    for r in library.resources:
        if r.is_for_students:
            assert not re.search(r"\b528\b", text_of(r, "student")), r.id
