import time

from kit.core.content.loader import load_library
from kit.core.model import AUDIENCES, KINDS
from testdata import REPO


def write_pack(root, files, pack_yaml="id: p\ntitle: P\nlanguage: fr\nlicense: CC0\n"):
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(pack_yaml)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_bundled_kit_loads_without_errors():
    library = load_library([REPO / "resources"])
    assert not library.errors(), [str(p) for p in library.errors()]
    assert len(library.resources) >= 3
    for resource in library.resources:
        assert resource.kind in KINDS
        assert set(resource.audience) <= set(AUDIENCES)
        assert resource.title and resource.summary


def test_bundled_kit_loads_fast():
    start = time.perf_counter()
    load_library([REPO / "resources"])
    # Budget, not a benchmark (benchmarks/load_bench.py measures): loading is tens of milliseconds.
    assert time.perf_counter() - start < 5


def test_fields_are_read_and_pack_defaults_apply(tmp_path):
    pack = write_pack(
        tmp_path / "p",
        {
            "lesson.md": (
                "---\ntitle: Lesson\nkind: handout\naudience: grades-9-10\nminutes: 15\ntopics: [law]\n"
                "sources:\n  - {title: Report, publisher: UNODC, year: 2024, url: 'https://unodc.org', accessed: 2026-11-20}\n"
                "updated: 2026-11-24\nrelated: [lesson]\n---\nBody\n"
            )
        },
    )
    library = load_library([pack])
    resource = library.get("lesson")
    assert resource.audience == ("grades-9-10",)
    assert resource.language == "fr" and resource.license == "CC0"  # from pack.yaml
    assert resource.sources[0].citation() == "Report. UNODC. 2024. https://unodc.org (accessed 20\u00a0November 2026)"
    assert resource.updated.isoformat() == "2026-11-24"
    assert resource.body.strip() == "Body" and resource.body_line == 12


def test_folder_of_packs_and_single_pack_both_load(tmp_path):
    write_pack(tmp_path / "all" / "one", {"a.md": "---\ntitle: A\nkind: article\n---\n"}, "id: one\ntitle: One\n")
    write_pack(tmp_path / "all" / "two", {"b.md": "---\ntitle: B\nkind: article\n---\n"}, "id: two\ntitle: Two\n")
    assert {r.id for r in load_library([tmp_path / "all"]).resources} == {"a", "b"}
    assert {r.id for r in load_library([tmp_path / "all" / "one"]).resources} == {"a"}


def test_missing_folder_and_folder_without_pack_are_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    library = load_library([tmp_path / "nope", tmp_path / "empty"])
    messages = [str(p) for p in library.problems]
    assert any("nope:0: folder does not exist" in m for m in messages)
    assert any("empty:0: no pack found here" in m for m in messages)


def test_same_id_in_two_packs_keeps_the_first(tmp_path):
    write_pack(tmp_path / "one", {"a.md": "---\ntitle: First\nkind: article\n---\n"}, "id: one\ntitle: One\n")
    write_pack(tmp_path / "two", {"a.md": "---\ntitle: Second\nkind: article\n---\n"}, "id: two\ntitle: Two\n")
    library = load_library([tmp_path / "one", tmp_path / "two"])
    assert library.get("a").title == "First"
    assert any("id 'a' is already used" in str(p) for p in library.problems)


def test_unknown_related_and_translation_are_warnings(tmp_path):
    pack = write_pack(
        tmp_path / "p", {"a.md": "---\ntitle: A\nkind: article\nrelated: [ghost]\ntranslation_of: phantom\n---\n"}
    )
    library = load_library([pack])
    assert library.get("a") is not None
    messages = " ".join(str(p) for p in library.problems)
    assert "related id 'ghost' does not exist" in messages and "translation_of 'phantom'" in messages


def test_bad_pack_yaml_is_reported_and_skipped(tmp_path):
    pack = write_pack(tmp_path / "p", {"a.md": "---\ntitle: A\nkind: article\n---\n"}, "id: [unclosed\n")
    library = load_library([pack])
    assert not library.resources
    assert "pack.yaml:" in str(library.problems[0])


def test_pack_names_itself_in_its_other_languages(tmp_path):
    yaml = (
        "id: p\ntitle: Water\nlanguage: en\ndescription: All about water.\n"
        "translations:\n  fr:\n    title: L'eau\n    description: Tout sur l'eau.\n"
    )
    pack = load_library([write_pack(tmp_path / "p", {}, yaml)]).packs[0]
    assert (pack.title_in("fr"), pack.description_in("fr")) == ("L'eau", "Tout sur l'eau.")
    assert (pack.title_in("en"), pack.description_in("en")) == ("Water", "All about water.")


def test_bad_pack_translations_are_warnings_and_the_pack_still_loads(tmp_path):
    for n, value in enumerate(["[fr]", "{de: {title: Wasser}}", "{en: {title: Again}}", "{fr: {title: [1, 2]}}"]):
        yaml = f"id: p{n}\ntitle: Water\nlanguage: en\ntranslations: {value}\n"
        library = load_library([write_pack(tmp_path / f"p{n}", {"a.md": "---\ntitle: A\nkind: article\n---\n"}, yaml)])
        pack = library.packs[0]
        assert pack.title_in("fr") == "Water" and library.get("a") is not None
        assert [p.message for p in library.problems if "translation" in p.message], value


def test_a_citation_speaks_the_page_language_and_says_when_only_a_copy_was_checked():
    import datetime as dt

    from kit.core.model import Source

    source = Source("Report", "StatCan", "2024", "https://copy.example", dt.date(2026, 12, 6), via="a blog quoting it")
    english, french = source.citation("en"), source.citation("fr")
    assert english.endswith(
        "(checked in a copy; the publisher's own page was not available) (accessed 6\u00a0December 2026)"
    )
    assert french.endswith(
        "(vérifié dans une copie; la page de l'éditeur n'était pas disponible) (consulté le 6\u00a0décembre 2026)"
    )
    assert "blog" not in english  # the author's note on which copy stays in figures.yaml
