"""The figures register: read with limits, cited as {{fig:id}} in English and French, checked by `kit validate`."""

import datetime as dt
import time

import pytest

from kit.core.content import figures, statistics
from kit.core.content.loader import load_library
from kit.core.packs import exporter
from kit.core.render import markup, plain_text
from kit.core.render.reading_page import build_page
from kit.core.validate import validate
from testdata import REPO

REGISTER = """\
sources:
  statcan:
    title: "Trafficking in persons in Canada, 2023"
    publisher: Statistics Canada
    short: {en: Statistics Canada, fr: Statistique Canada}
    date: "2024-11"
    url: "https://example.org/statcan"
  ilo:
    title: "Global Estimates of Modern Slavery"
    publisher: "ILO, Walk Free and IOM"
    date: "2022-09-12"
    url: "https://example.org/ilo"
    max_age_years: 5
figures:
  incidents-2023:
    value: "570"
    counts: "police-reported incidents in 2023"
    as_of: 2023
    source: statcan
    checked: 2026-12-06
  modern-slavery:
    value: {en: "49.6 million", fr: "49,6 millions"}
    counts: "people in modern slavery on an average day"
    as_of: 2021
    source: ilo
    checked: 2026-11-30
  old-share:
    value: "74%"
    counts: "a share from long ago"
    as_of: 2012
    source: statcan
    checked: 2026-12-06
"""
PAGE = "---\ntitle: {title}\nkind: article\nsummary: A fixture.\naudience: [grades-9-10]\nlanguage: {language}\n---\n\n{body}\n"
TODAY = dt.date(2026, 12, 6)


def make_pack(root, register=REGISTER, pages=None, pack_yaml=""):
    pack = root / "facts-pack"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text(f"id: facts-pack\ntitle: Facts\n{pack_yaml}")
    if register is not None:
        (pack / "figures.yaml").write_text(register, encoding="utf-8")
    pages = pages or {
        "police": ("en", "Police reported {{fig:incidents-2023}} incidents.\n"),
        "police-fr": ("fr", "La police a signalé {{fig:incidents-2023}} incidents et {{fig:modern-slavery}}.\n"),
    }
    for rid, (language, body) in pages.items():
        (pack / f"{rid}.md").write_text(PAGE.format(title=rid, language=language, body=body), encoding="utf-8")
    return pack


def messages(problems):
    return [f"{p.path.name}:{p.line}: {p.message}" for p in problems]


# --- reading the register ---------------------------------------------------------------------------------------


def test_the_bundled_register_reads_without_problems_and_every_figure_is_complete():
    register, problems = figures.read_register(REPO / "resources" / "trafficking")
    assert problems == []
    assert len(register.figures) >= 40
    for figure in register.figures.values():
        assert figure.value_in("en") and figure.value_in("fr") and figure.counts, figure.id
        assert figure.source.url.startswith(("https://", "http://")) and figure.source.title, figure.id
        assert 2000 <= figure.as_of <= TODAY.year and figure.checked <= dt.date.today(), figure.id


def test_a_register_gives_each_figure_its_line_and_language(tmp_path):
    register, problems = figures.read_register(make_pack(tmp_path))
    assert problems == []
    slavery = register.get("modern-slavery")
    assert slavery.value_in("fr") == "49,6 millions" and slavery.value_in("de") == "49.6 million"
    assert slavery.note("fr") == "en date de 2021, ILO, Walk Free and IOM"  # no French short name: the publisher
    assert register.get("incidents-2023").note("fr") == "en date de 2023, Statistique Canada"
    assert (tmp_path / "facts-pack" / "figures.yaml").read_text().split("\n")[slavery.line - 1] == "  modern-slavery:"


def test_no_register_is_no_problem(tmp_path):
    assert figures.read_register(make_pack(tmp_path, register=None)) == (None, [])


HOSTILE = {
    "anchors": ("sources: &s {}\nfigures: *s\n", "anchors and aliases"),
    "python tag": ("figures: !!python/object:os.system {}\n", "unsupported YAML tag"),
    "a list, not fields": ("- a\n- b\n", "not a list of 'field: value' lines"),
    "tabs": ("figures:\n\tx: 1\n", "tab character"),
    "deep nesting": ("figures: " + "[" * 40 + "]" * 40 + "\n", "nested more than"),
    "not utf-8": (b"figures:\n  x: \xff\xfe\n", "not UTF-8"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_register_is_an_error_with_a_line_and_the_pack_still_loads(tmp_path, name):
    text, expected = HOSTILE[name]
    pack = make_pack(tmp_path)
    path = pack / "figures.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    register, problems = figures.read_register(pack)
    assert register is None and problems and problems[0].severity == "error"
    assert expected in problems[0].message and problems[0].line >= 1
    library = load_library([pack])
    assert {r.id for r in library.resources} == {"police", "police-fr"}  # the pages load, tokens as written
    assert "{{fig:incidents-2023}}" in library.get("police").body


def test_an_oversized_register_is_refused_before_it_is_parsed(tmp_path):
    pack = make_pack(tmp_path)
    (pack / "figures.yaml").write_text("figures:\n" + "#" * (figures.MAX_REGISTER_BYTES + 1) + "\n")
    register, problems = figures.read_register(pack)
    assert register is None and "larger than" in problems[0].message


BAD_ENTRIES = """\
sources:
  ok:
    title: T
    publisher: P
    date: "2024"
    url: "https://example.org"
  Bad Key:
    title: T
  no-url:
    title: T
    publisher: P
    date: "2024"
    url: "javascript:alert(1)"
figures:
  html-value:
    value: "<script>alert(1)</script>"
    counts: c
    as_of: 2023
    source: ok
    checked: 2026-12-06
  link-value:
    value: "[x](https://evil.example)"
    counts: c
    as_of: 2023
    source: ok
    checked: 2026-12-06
  two-lines:
    value: "570\\n\\n# heading"
    counts: c
    as_of: 2023
    source: ok
    checked: 2026-12-06
  bool-year:
    value: "1"
    counts: c
    as_of: true
    source: ok
    checked: 2026-12-06
  future-year:
    value: "1"
    counts: c
    as_of: 3024
    source: ok
    checked: 2026-12-06
  missing-source:
    value: "1"
    counts: c
    as_of: 2023
    source: nowhere
    checked: 2026-12-06
  bad-date:
    value: "1"
    counts: c
    as_of: 2023
    source: ok
    checked: yesterday
  not-fields: 42
  good:
    value: "7%"
    counts: c
    as_of: 2023
    source: ok
    checked: 2026-12-06
    max_age_years: 99
"""


def test_bad_entries_are_warnings_on_their_own_line_and_left_out(tmp_path):
    register, problems = figures.read_register(make_pack(tmp_path, register=BAD_ENTRIES))
    assert list(register.figures) == ["good"]
    assert register.get("good").max_age_years is None  # 99 years is no rule at all: warned, pack default used
    assert all(p.severity == "warning" for p in problems)
    lines = BAD_ENTRIES.split("\n")
    for figure_id in ("html-value", "link-value", "two-lines", "bool-year", "future-year", "missing-source"):
        found = [p for p in problems if f"'{figure_id}'" in p.message]
        assert found, figure_id
        assert lines[found[0].line - 1] == f"  {figure_id}:", figure_id
    assert any("not a web address" in p.message for p in problems)
    assert any("'checked' of 'bad-date'" in p.message for p in problems)


def test_thousands_of_figures_are_capped_in_bounded_time(tmp_path):
    entry = '  f{n}:\n    value: "{n}"\n    counts: c\n    as_of: 2023\n    source: s\n    checked: 2026-12-06\n'
    head = 'sources:\n  s:\n    title: T\n    publisher: P\n    date: "2024"\n    url: "https://e.org"\nfigures:\n'
    text = head + "".join(entry.format(n=n) for n in range(figures.MAX_FIGURES + 50))
    assert len(text.encode()) < figures.MAX_REGISTER_BYTES
    started = time.perf_counter()
    register, problems = figures.read_register(make_pack(tmp_path, register=text))
    assert time.perf_counter() - started < 10
    assert len(register.figures) == figures.MAX_FIGURES
    assert any("the rest are left out" in p.message for p in problems)


def test_a_long_line_of_almost_tokens_expands_in_linear_time():
    body = "{{fig:" * 150_000 + "x}}"
    started = time.perf_counter()
    assert figures.expand(body, None, "en").text == body
    assert time.perf_counter() - started < 2


# --- citing figures ---------------------------------------------------------------------------------------------


def test_a_citation_shows_the_value_with_as_of_and_the_source_in_english_and_french(tmp_path):
    library = load_library([make_pack(tmp_path)])
    english, french = library.get("police"), library.get("police-fr")
    assert plain_text.html_to_text(markup.render(english).html).strip() == (
        "Police reported 570 (as of 2023, Statistics Canada) incidents."
    )
    assert "570 (en date de 2023, Statistique Canada) incidents et 49,6 millions (en date de 2021, ILO, Walk Free" in (
        plain_text.html_to_text(markup.render(french).html)
    )
    assert 'class="figure-note"' in markup.render(english).html  # the note is styled, not just typed
    assert english.figures == ("incidents-2023",) and french.figures == ("incidents-2023", "modern-slavery")


def test_every_page_that_cites_figures_says_when_they_were_checked_in_its_language(tmp_path):
    library = load_library([make_pack(tmp_path)])
    english = build_page(library.get("police"), library).html
    french = build_page(library.get("police-fr"), library).html
    assert "Figures checked on 6\u00a0December 2026" in english
    # The earliest check among the page's figures: no figure claims a later check than it had.
    assert "Chiffres vérifiés le 30\u00a0novembre 2026" in french


def test_a_figures_source_joins_the_pages_sources_once(tmp_path):
    pages = {
        "one": ("en", "{{fig:incidents-2023}} and {{fig:modern-slavery}} and {{fig:incidents-2023}} again."),
        "none": ("en", "No figures here."),
    }
    library = load_library([make_pack(tmp_path, pages=pages)])
    one = library.get("one")
    assert [s.url for s in one.sources] == ["https://example.org/statcan", "https://example.org/ilo"]
    assert one.sources[0].accessed == dt.date(2026, 12, 6)
    assert library.get("none").sources == () and library.get("none").figures_checked is None
    assert "Figures checked" not in build_page(library.get("none"), library).html


def test_a_pack_without_a_register_loads_and_says_which_figure_is_missing(tmp_path):
    library = load_library([make_pack(tmp_path, register=None)])
    assert "{{fig:incidents-2023}}" in library.get("police").body
    warning = [p for p in library.problems if "incidents-2023" in p.message and p.path.name == "police.md"]
    assert warning and warning[0].severity == "warning" and "this pack has none" in warning[0].message
    assert warning[0].line == 9  # the line of the token, in the file


def test_a_partial_export_carries_the_figures_it_cites(tmp_path):
    library = load_library([make_pack(tmp_path)])
    out = tmp_path / "shared.kitpack"
    exporter.export_pack(library, ["police"], out, pack_id="shared")
    import zipfile

    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        carried = archive.read("figures.yaml").decode()
        target = tmp_path / "unpacked"
        archive.extractall(target)
    assert "figures.yaml" in names and "incidents-2023" in carried and "modern-slavery" not in carried
    shared = load_library([target])
    assert "570 <span" in shared.get("police").body
    assert not [p for p in shared.problems if "figure" in p.message]


# --- kit validate -------------------------------------------------------------------------------------------------


def test_validate_warns_about_a_stale_figure_by_the_pack_rule_and_a_sources_own_rule(tmp_path):
    pack = make_pack(tmp_path)
    found = messages(validate([pack], today=TODAY).problems)
    stale = [m for m in found if "freshness rule" in m]
    assert stale == ["figures.yaml:27: figure 'old-share' counts 2012, 14 years ago; the freshness rule is 3 years"]
    # The ILO source's own rule (5 years) keeps its 2021 figure fresh in 2026; in 2027 it is stale.
    later = messages(validate([pack], today=dt.date(2027, 1, 1)).problems)
    assert any("'modern-slavery' counts 2021, 6 years ago; the freshness rule is 5 years" in m for m in later)


def test_the_pack_sets_its_own_freshness_rule(tmp_path):
    pack = make_pack(tmp_path, pack_yaml="figures_max_age_years: 20\n")
    assert not [p for p in validate([pack], today=TODAY).problems if "freshness" in p.message]
    bad = make_pack(tmp_path / "b", pack_yaml="figures_max_age_years: soon\n")
    assert any("figures_max_age_years should be a whole number" in p.message for p in validate([bad]).problems)


def test_validate_warns_about_an_unknown_figure_with_its_line(tmp_path):
    pages = {"typo": ("en", "Intro.\n\nPolice reported {{fig:incidents-2032}} incidents.")}
    report = validate([make_pack(tmp_path, pages=pages)], today=TODAY)
    unknown = [p for p in report.problems if "incidents-2032" in p.message]
    assert [(p.line, p.severity) for p in unknown] == [(11, "warning")]
    assert "not in figures.yaml" in unknown[0].message and "fix the id or add the figure" in unknown[0].hint


def test_validate_warns_about_a_statistic_typed_into_the_text_not_from_the_register(tmp_path):
    body = (
        "Police reported {{fig:incidents-2023}} incidents.\n\n"
        "About 38% of victims were children, and 9 in 10 knew the trafficker.\n\n"
        "Environ neuf victimes sur dix, 95 % des cas, 1,4 pour 100 000 personnes.\n\n"
        "Call 1-833-900-1010 or read s. 279.01 (2005) at https://example.org/50%-of-cases in 2023.\n"
    )
    report = validate([make_pack(tmp_path, pages={"typed": ("en", body)})], today=TODAY)
    found = [(p.line, p.message.split("'")[1]) for p in report.problems if "looks like a statistic" in p.message]
    assert found == [
        (11, "38%"),
        (11, "9 in 10"),
        (13, "neuf victimes sur dix"),
        (13, "95 %"),
        (13, "1,4 pour 100 000"),
    ]
    assert all(p.severity == "warning" for p in report.problems)


def test_a_pack_without_a_register_is_not_asked_for_one_by_the_statistics_check(tmp_path):
    pages = {"plain": ("en", "About 38% of victims were children.")}
    assert validate([make_pack(tmp_path, register=None, pages=pages)], today=TODAY).clean


@pytest.mark.parametrize(
    "text",
    [
        "Grades 7 to 12",
        "call 911",
        "since 2019 people have called",
        "s. 279.011",
        "24/7, 365 days",
        "2 pages",
        "at least $20 million in assets",
        "au moins 20 millions de dollars d'actifs, 40 millions $ de revenus",
    ],
)
def test_ordinary_numbers_are_not_statistics(text):
    assert list(statistics.find(text)) == []


def test_the_bundled_kit_cites_its_figures_from_the_register_in_both_languages():
    library = load_library([REPO / "resources" / "trafficking"])
    citing = [r for r in library.resources if r.figures]
    assert len(citing) >= 20
    assert {r.language for r in citing} == {"en", "fr"}
    assert all("{{fig:" not in r.body for r in library.resources)
    french = library.get("fr-mythes-et-realites")
    assert "en date de 2023, Statistique Canada" in french.body and "as of" not in french.body


def test_answer_keys_speak_to_teachers_not_to_the_writers_fact_sheet():
    """Teachers do not have the writers' fact sheet: no 'facts 4C.2', '(3B.4)' or 'facts.md' in the kit."""
    import re

    numbering = re.compile(r"\bfacts?(?:\.md)?\s*§?\s*\d[A-Z]?\.\d|\(\s*\d[A-Z]\.\d{1,2}\s*\)|\bfacts\.md\b")
    for path in sorted((REPO / "resources").rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            assert not numbering.search(line), f"{path.name}:{number}: {line.strip()}"


def test_a_warning_points_at_the_figure_even_when_a_source_has_the_same_id(tmp_path):
    text = REGISTER.replace('  old-share:\n    value: "74%"', '  statcan:\n    value: "<b>74%</b>"')
    register, problems = figures.read_register(make_pack(tmp_path, register=text))
    [problem] = problems
    assert "'statcan'" in problem.message and text.split("\n")[problem.line - 1] == "  statcan:"
    assert problem.line > text.split("\n").index("figures:") + 1 and "statcan" not in register.figures


def test_a_page_of_thousands_of_typos_gets_a_bounded_list_of_warnings(tmp_path):
    pages = {"noisy": ("en", "{{fig:nope}} 5% of cases\n" * 3000)}
    report = validate([make_pack(tmp_path, pages=pages)], today=TODAY)
    unknown = [p for p in report.problems if "'nope'" in p.message]
    typed = [p for p in report.problems if "looks like a statistic" in p.message]
    assert len(unknown) == figures.MAX_UNKNOWN_REPORTED and len(typed) == 50
    assert [p.line for p in unknown[:3]] == [9, 10, 11]  # counted as the pass goes, still right
    assert any("2950 more figures are not in figures.yaml" in p.message for p in report.problems)
    assert any("2950 more numbers look like statistics" in p.message for p in report.problems)
