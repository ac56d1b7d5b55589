"""Dates and numbers as each language writes them (issue 20): one module, kit.core.dates_numbers, for the app, the
printouts, the command line and the share; and `kit validate` catches a figure written with another language's marks."""

import datetime as dt
from pathlib import Path

import pytest

from kit.core.content import figures
from kit.core.content.loader import load_library
from kit.core.dates_numbers import long_date, number, number_style, percent, typed_date
from kit.core.model import LANGUAGES, Source
from kit.core.paths import bundled_resources_dir
from kit.core.validate import validate

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("date", "english", "french"),
    [
        (dt.date(2026, 12, 6), f"6{NBSP}December 2026", f"6{NBSP}décembre 2026"),
        (
            dt.date(2027, 1, 1),
            f"1{NBSP}January 2027",
            f"1er{NBSP}janvier 2027",
        ),  # French writes the first as an ordinal
        (dt.date(2027, 8, 31), f"31{NBSP}August 2027", f"31{NBSP}août 2027"),
    ],
)
def test_a_date_reads_naturally_in_each_language(date, english, french):
    assert long_date(date, "en") == english
    assert long_date(date, "fr") == french
    assert long_date(date, "de") == english  # a language the kit does not speak: English, never a crash


def test_a_typed_date_is_written_out_only_when_it_is_a_date():
    assert typed_date(" 2026-12-06 ", "fr") == f"6{NBSP}décembre 2026"
    assert typed_date("2026-12-06", "en") == f"6{NBSP}December 2026"
    assert typed_date("2026-02-30", "fr") == "2026-02-30"  # no such day: the teacher's text, as typed
    assert typed_date("Semaine 3", "fr") == "Semaine 3"


@pytest.mark.parametrize(
    ("value", "decimals", "english", "french"),
    [
        (1500, None, "1,500", f"1{NBSP}500"),
        (2.5, None, "2.5", "2,5"),
        (2.0, None, "2", "2"),
        (1234567.25, 1, "1,234,567.2", f"1{NBSP}234{NBSP}567,2"),
        (0.5, 2, "0.50", "0,50"),
    ],
)
def test_numbers_take_each_language_s_marks(value, decimals, english, french):
    assert number(value, "en", decimals) == english
    assert number(value, "fr", decimals) == french


def test_percent_has_a_no_break_space_in_french_only():
    assert percent(2.5, "en") == "2.5%"
    assert percent(2.5, "fr") == f"2,5{NBSP}%"


def test_a_citation_gives_its_access_date_in_the_page_s_language():
    source = Source("Report", "Statistics Canada", "2024", "https://example.org", accessed=dt.date(2026, 12, 6))
    assert source.citation("en").endswith(f"(accessed 6{NBSP}December 2026)")
    assert source.citation("fr").endswith(f"(consulté le 6{NBSP}décembre 2026)")


def test_the_figures_checked_line_follows_the_page(tmp_path):
    assert figures.checked_line(dt.date(2026, 12, 1), "fr") == f"Chiffres vérifiés le 1er{NBSP}décembre 2026"
    assert figures.checked_line(dt.date(2026, 12, 1), "en") == f"Figures checked on 1{NBSP}December 2026"


@pytest.mark.parametrize(
    ("text", "language", "wrong"),
    [
        ("1,5", "fr", False),
        (f"1{NBSP}500", "fr", False),
        ("1\u202f500", "fr", False),  # the narrow no-break space is right too
        (f"23{NBSP}%", "fr", False),
        (f"49,6{NBSP}millions", "fr", False),
        ("1.5", "fr", True),
        ("1,500", "fr", True),  # one and a half, to a French reader
        ("100 000", "fr", True),  # an ordinary space: the line may break inside the number
        ("23%", "fr", True),
        ("23 %", "fr", True),
        ("23%", "en", False),
        ("1,500", "en", False),
        ("23 %", "en", True),
    ],
)
def test_number_style_knows_each_language_s_marks(text, language, wrong):
    assert (number_style(text, language) is not None) == wrong


def test_every_bundled_figure_is_written_in_its_language_s_marks():
    for pack in load_library([bundled_resources_dir()]).packs:
        register, _ = figures.read_register(pack.path)
        for figure in register.figures.values() if register else ():
            for language in LANGUAGES:
                assert number_style(figure.value_in(language), language) is None, (figure.id, language)


def test_validate_warns_of_a_figure_in_the_other_language_s_marks(tmp_path):
    pack = tmp_path / "p"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: p\ntitle: P\nversion: '1'\nlicense: CC-BY-4.0\n", encoding="utf-8")
    (pack / "a.md").write_text(
        "---\ntitle: A\nkind: article\nlanguage: fr\n---\nIl y en a {{fig:n}} et {{fig:m}}.\n", encoding="utf-8"
    )
    (pack / figures.FILE_NAME).write_text(
        "sources:\n  s:\n    title: T\n    publisher: P\n    short: {en: P}\n    date: '2026'\n"
        "    url: https://example.org\n"
        "figures:\n"
        "  n:\n    value: {en: '1,500', fr: '1,500'}\n    counts: c\n    as_of: 2026\n    source: s\n"
        "    checked: 2026-12-06\n"
        "  m:\n    value: '2.5'\n    counts: c\n    as_of: 2026\n    source: s\n    checked: 2026-12-06\n",
        encoding="utf-8",
    )
    problems = [p for p in validate([tmp_path], today=dt.date(2026, 12, 6)).problems if "reads" in p.message]
    said = sorted((p.message, p.hint) for p in problems)
    assert len(said) == 2, said
    assert said[0][0] == "figure 'm' reads '2.5' in fr" and "give it as value: {en: ..., fr: ...}" in said[0][1]
    assert said[1][0] == "figure 'n' reads '1,500' in fr" and said[1][1].startswith("write a no-break space")
    assert all(Path(p.path).name == figures.FILE_NAME for p in problems)
