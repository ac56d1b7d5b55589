"""kit.core.search: what a teacher types finds the right resource, nothing typed breaks it, and the on-disk
index survives being stale, locked, damaged or unwritable. Small packs are built in tmp dirs; the bundled
kit is indexed once for the module."""

import gc
import json
import os
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
import tantivy

from kit.core.content.loader import load_library
from kit.core.search import SearchIndex, SearchResults, storage
from kit.core.search.query import MAX_QUERY_CHARS
from testdata import REPO

# ---- fixtures


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    library = load_library([REPO / "resources"])
    return SearchIndex.open(tmp_path_factory.mktemp("bundled-index"), library)


PACK_YAML = "id: testpack\ntitle: Test pack\nversion: '1'\nlanguage: en\nlicense: CC BY 4.0\n"


def write_resource(pack: Path, name: str, title: str, body: str, **meta) -> Path:
    fields = {"title": title, "kind": "article", "summary": f"About {title.lower()}.", "audience": "[grades-9-10]"}
    fields.update({k: str(v) for k, v in meta.items()})
    front = "\n".join(f"{k}: {v}" for k, v in fields.items())
    path = pack / f"{name}.md"
    path.write_text(f"---\n{front}\n---\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    write_resource(folder, "apples", "Growing apples", "## Orchards\n\nApples grow on trees in orchards.\n")
    write_resource(folder, "pears", "Pears and quinces", "Pears ripen after picking. Quinces are hard.\n")
    write_resource(
        folder,
        "secrets",
        "Answer sheet",
        'Students read about bananas.\n\n!!! teacher "Answers"\n    The hidden answer is zebra crossing.\n',
    )
    return folder


def open_index(pack: Path, index_dir: Path, progress=None) -> SearchIndex:
    return SearchIndex.open(index_dir, load_library([pack]), progress)


def ids(results: SearchResults) -> list[str]:
    return [h.id for h in results.results]


# ---- finding things


def test_search_returns_the_contract_shape(bundled):
    results = bundled.search("trafficking", limit=3)
    assert isinstance(results, SearchResults)
    assert results.query == "trafficking" and results.total >= 3 and len(results.results) == 3
    assert results.took_ms >= 0 and results.suggestion is None
    hit = results.results[0]
    assert hit.id and hit.title and hit.kind and isinstance(hit.audience, list) and hit.score > 0
    assert "<b>" in hit.snippet


def test_search_typo_is_found_and_suggested(bundled):
    results = bundled.search("trafficing")
    assert results.suggestion == "trafficking"
    assert results.total >= 10
    assert all("<b>" in h.snippet for h in results.results)
    assert any("<b>trafficking</b>" in h.snippet.lower() for h in results.results)


def test_search_typo_suggestion_keeps_the_other_words(bundled):
    assert bundled.search("waring signs ").suggestion == "warning signs"


def test_search_warm_loads_the_vocabulary_first(pack, tmp_path):
    index = open_index(pack, tmp_path / "index")
    index.warm()
    assert index.search("orchads").suggestion == "orchards"


def test_search_known_words_get_no_suggestion(bundled):
    assert bundled.search("warning signs").suggestion is None


@pytest.mark.parametrize("query", ["traite", "traité", "TRAITÉ", "traite\u0301", "Traites"])
def test_search_accents_fold_both_ways(bundled, query):
    results = bundled.search(query, language="fr")
    assert {"fr-quest-ce-que-la-traite", "fr-mythes-et-realites"} <= set(ids(results))
    assert all(h.id.startswith("fr-") for h in results.results)


def test_search_french_stemming(bundled):
    assert "fr-mythes-et-realites" in ids(bundled.search("réalité", language="fr"))


def test_search_english_stemming(bundled):
    assert "how-traffickers-recruit-and-control" in ids(bundled.search("recruiting", limit=5))


def test_search_last_word_is_a_prefix_while_typing(bundled):
    assert ids(bundled.search("smugg"))[0] == "trafficking-vs-smuggling"
    assert "warning-signs" in ids(bundled.search("warning sig", limit=3))


def test_search_trailing_space_ends_the_prefix(bundled):
    assert bundled.search("smugg ").results == []


def test_search_exact_title_first(bundled):
    assert ids(bundled.search("Trafficking and the law in Canada"))[0] == "trafficking-and-the-law-in-canada"
    assert ids(bundled.search("what is human trafficking"))[0] == "what-is-human-trafficking"


def test_search_filters(bundled):
    handouts = bundled.search("trafficking", kind="handout", limit=50)
    assert handouts.results and all(h.kind == "handout" for h in handouts.results)
    teachers = bundled.search("students", audience="educators", limit=50)
    assert teachers.results and all("educators" in h.audience for h in teachers.results)
    assert bundled.search("trafficking", kind="no-such-kind").results == []


def test_search_phrase_and_exclusion(pack, tmp_path):
    index = open_index(pack, tmp_path / "index")
    assert ids(index.search('"apples grow"')) == ["apples"]
    assert ids(index.search('"trees apples"')) == []  # the words, but not together
    assert set(ids(index.search("pears OR apples"))) == {"apples", "pears"}
    assert ids(index.search("pears apples -orchards")) == ["pears"]


def test_search_teacher_text_is_found_but_never_shown(pack, tmp_path):
    index = open_index(pack, tmp_path / "index")
    results = index.search("zebra")
    assert ids(results) == ["secrets"]
    assert "zebra" not in results.results[0].snippet.lower()
    assert "hidden" not in results.results[0].snippet.lower()


def test_search_snippets_are_escaped(tmp_path, pack):
    write_resource(pack, "markup", "Markup", 'Fish & chips <b>bold</b> "quoted" <script>alert(1)</script> a < b\n')
    index = open_index(pack, tmp_path / "index")
    snippet = index.search("chips").results[0].snippet
    assert "&amp;" in snippet and "<b>chips</b>" in snippet
    assert "<script" not in snippet and "alert" not in snippet
    assert snippet.replace("<b>", "").replace("</b>", "").count("<") == 0


def test_search_blank_queries_give_nothing(bundled):
    for query in ["", "   ", "\t\n", "\u200b", "?!.,"]:
        results = bundled.search(query)
        assert results.results == [] and results.total == 0 and results.suggestion is None
        assert results.notice


def test_search_caps_long_queries(bundled):
    results = bundled.search("trafficking " + "x" * 10_000)
    assert results.notice and str(MAX_QUERY_CHARS) in results.notice
    assert results.results


# bad-inputs.md §3.1 (S1-S14) and the list in issue 5
BAD_QUERIES = [
    '"', '"unterminated', "AND", "OR", "NOT", "a OR", "a AND", "NOT a", "(", "a)", "(" * 2000, ")" * 50,
    "*", "*a", "a*", "NEAR(", "NEAR(a b, x)", "e-mail", "-a", "a - b", "grammar::fa", "title:x", "secret:x",
    "{title body}:x", "c++", "don't", "3.14", "#tag", "?", "!", "&", "a, b", "", "   ", "\u200b", ".,;:!?",
    "\x00", "a\x00b", "\x01\x02\x1f", "\ud800", "traf\udfffficking", "x' OR '1'='1", "; DROP TABLE resources",
    "café", "cafe", "cafe\u0301", "ｃａｆé", "𝐜𝐚𝐟𝐞", "x" * 1_000_000, "OR " * 500, "((((a))))", "((a) OR (b))",
    "\\", "^", "a^2", "a~2", "~", "[a TO b]", "{a TO b}", "+a", "a:*", "/regex.*/", "'", "''", "\"\"", "\" \"",
    "🙂 trafficking", "\u202eabc", "\ufeff", "-", "--", "- -a", '-"', 'a "b', "a\u0300\u0301\u0302", "٣", "中文",
]  # fmt: skip


@pytest.mark.parametrize("query", BAD_QUERIES, ids=lambda q: repr(q[:20]))
def test_search_bad_query_never_raises(bundled, query):
    start = time.perf_counter()
    results = bundled.search(query)
    assert isinstance(results, SearchResults)
    assert isinstance(results.results, list) and results.total >= 0
    json.dumps({"q": results.query, "s": [h.snippet for h in results.results]}).encode("utf-8")
    assert time.perf_counter() - start < 5  # a budget against blow-ups, not a benchmark
    assert bundled.search("trafficking").results  # and the next query still works


def test_search_irregular_verbs_and_word_families(pack, tmp_path):
    write_resource(pack, "buses", "Buses", "Students take the bus. A disclosure needs care.\n")
    index = open_index(pack, tmp_path / "index")
    took = index.search("took ")
    assert ids(took) == ["buses"] and took.suggestion is None  # a form of take, not a typo of "too"
    assert ids(index.search("disclosed ")) == ["buses"]


def test_search_literal_punctuation_is_found(pack, tmp_path):
    write_resource(pack, "code", "Languages", "We wrote c++ code and sent an e-mail. Pi is 3.14. Don't panic.\n")
    index = open_index(pack, tmp_path / "index")
    for query in ["e-mail", "3.14", "don't", "c++"]:
        assert ids(index.search(query)) == ["code"], query


def test_search_non_string_input_and_odd_limits(bundled):
    assert bundled.search(None).results == []
    assert bundled.search("trafficking", limit=0).results == []
    assert bundled.search("trafficking", limit=0).total > 0
    assert len(bundled.search("trafficking", limit="3").results) == 3
    assert bundled.search("trafficking", limit=-5).results == []


# ---- the index on disk


def test_index_reopens_without_work_and_reindexes_one_changed_file(pack, tmp_path):
    calls = []
    first = open_index(pack, tmp_path / "index", lambda done, total: calls.append((done, total)))
    assert first.last_update.rebuilt and first.last_update.documents == 3
    assert calls[-1] == (3, 3)
    again = open_index(pack, tmp_path / "index")
    assert not again.last_update.rebuilt and (again.last_update.added, again.last_update.changed) == (0, 0)
    assert again.notice is None

    write_resource(pack, "apples", "Growing apples", "Apples and cider.\n")
    write_resource(pack, "plums", "Plums", "Plums are purple.\n")
    (pack / "pears.md").unlink()
    changed = open_index(pack, tmp_path / "index")
    stats = changed.last_update
    assert (stats.added, stats.changed, stats.removed, stats.rebuilt) == (1, 1, 1, False)
    assert ids(changed.search("cider")) == ["apples"]
    assert changed.search("orchards").results == []
    assert ids(changed.search("plums")) == ["plums"]
    assert changed.search("quinces").results == []
    assert changed.search("plumz").suggestion == "plums"  # new words reach "did you mean"
    assert changed.document_count == 3
    # and the manifest log makes the next open a no-op
    assert open_index(pack, tmp_path / "index").last_update.changed == 0


def test_index_update_in_place_keeps_searches_answering(pack, tmp_path):
    index = open_index(pack, tmp_path / "index")
    errors, answered = [], []

    def reader():
        for _ in range(200):
            try:
                answered.append(bool(index.search("apples").results))
            except Exception as exc:  # pragma: no cover - the assertion below reports it
                errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for n in range(5):
        write_resource(pack, f"extra{n}", f"Extra {n}", f"Apples number {n}.\n")
        index.update(load_library([pack]))
    for t in threads:
        t.join()
    assert not errors and all(answered)
    assert index.document_count == 8


def test_index_of_an_empty_pack_answers_nothing(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    calls = []
    index = open_index(folder, tmp_path / "index", lambda done, total: calls.append((done, total)))
    assert index.document_count == 0 and calls == [(0, 0)]
    assert index.search("anything").results == [] and index.search("anythng").suggestion is None


def test_index_update_reports_progress(pack, tmp_path):
    index = open_index(pack, tmp_path / "index")
    for n in range(3):
        write_resource(pack, f"new{n}", f"New {n}", "Fresh text.\n")
    calls = []
    stats = index.update(load_library([pack]), lambda done, total: calls.append((done, total)))
    assert stats.added == 3 and calls[-1] == (3, 3)


def test_index_engine_change_rebuilds(pack, tmp_path):
    index = open_index(pack, tmp_path / "index")
    manifest = index.location / storage.MANIFEST
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**data, "engine": "old"}))
    again = open_index(pack, tmp_path / "index")
    assert again.last_update.rebuilt and "another version" in again.notice
    assert ids(again.search("apples")) == ["apples"]


def _segment_files(home: Path) -> list[Path]:
    return sorted(p for p in home.iterdir() if not p.name.startswith(".") and "." in p.name and p.suffix != ".json")


def _damage(path: Path, data: bytes) -> None:
    """Put damaged bytes in place of an index file as a new file (as a crash or a bad copy leaves it). Writing
    into the old file instead would truncate pages that an index opened earlier in this process may still have
    mapped, and the process dies of SIGBUS."""
    spare = path.with_name(path.name + ".damaged")
    spare.write_bytes(data)
    os.replace(spare, path)


@pytest.mark.parametrize(
    "damage",
    ["truncate", "garbage-middle", "meta-garbage", "meta-missing", "manifest-garbage", "all-garbage", "empty-files"],
)
def test_index_damage_is_rebuilt_with_a_message(pack, tmp_path, damage):
    first = open_index(pack, tmp_path / "index")
    home = first.location
    first.close()
    second = open_index(pack, tmp_path / "index")
    assert second.notice is None  # now its files are known to be good
    second.close()
    # Damage files only once nothing of this process maps them: tantivy memory-maps segments, and touching a
    # mapping whose file was truncated under it is a SIGBUS. (The kit never truncates in place: a rebuild
    # writes a new folder and renames it.)
    del first, second
    gc.collect()
    assert (home / storage.VERIFIED).exists()
    segments = _segment_files(home)
    if damage == "truncate":
        for path in segments:
            _damage(path, path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "garbage-middle":
        for path in segments:
            data = bytearray(path.read_bytes())
            middle = len(data) // 3
            data[middle : middle + 8] = b"\xff" * 8
            _damage(path, bytes(data))
    elif damage == "meta-garbage":
        (home / "meta.json").write_text("garbage")
    elif damage == "meta-missing":
        (home / "meta.json").unlink()
    elif damage == "manifest-garbage":
        (home / storage.MANIFEST).write_bytes(b"\xff\xfe not json")
    elif damage == "all-garbage":
        for path in list(home.iterdir()):
            _damage(path, os.urandom(64))
    elif damage == "empty-files":
        for path in list(home.iterdir()):
            _damage(path, b"")
    again = open_index(pack, tmp_path / "index")
    assert again.last_update.rebuilt
    assert again.notice and "rebuilt" in again.notice
    assert ids(again.search("apples")) == ["apples"]
    assert open_index(pack, tmp_path / "index").notice is None  # and it is healthy afterwards


def test_index_dir_that_is_a_file_falls_back_to_memory(pack, tmp_path):
    blocker = tmp_path / "index"
    blocker.write_text("not a folder")
    index = open_index(pack, blocker)
    assert index.location is None and "temporary" in index.notice
    assert ids(index.search("apples")) == ["apples"]


def test_index_garbage_in_the_index_dir_is_left_alone(pack, tmp_path):
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    (index_dir / "junk.txt").write_text("someone else's file")
    (index_dir / "s0-old-000000000000").mkdir()
    index = open_index(pack, index_dir)
    assert ids(index.search("apples")) == ["apples"]
    assert (index_dir / "junk.txt").exists()


def test_index_locked_by_another_writer_searches_a_temporary_copy(pack, tmp_path):
    home = open_index(pack, tmp_path / "index").location
    other = tantivy.Index.open(str(home))
    writer = other.writer(heap_size=15_000_000, num_threads=1)  # another kit window, mid-update
    try:
        write_resource(pack, "plums", "Plums", "Plums are purple.\n")
        index = open_index(pack, tmp_path / "index")
        assert index.location is None and "in use" in index.notice
        assert ids(index.search("plums")) == ["plums"]
        # a current index needs no writer, so a lock does not matter
        (pack / "plums.md").unlink()
        assert open_index(pack, tmp_path / "index").location == home
    finally:
        writer.rollback()
        del writer


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_index_read_only_dir_still_searches(pack, tmp_path):
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    index_dir.chmod(0o500)
    try:
        index = open_index(pack, index_dir)
        assert index.location is None and index.notice
        assert ids(index.search("apples")) == ["apples"]
    finally:
        index_dir.chmod(0o700)


def test_index_read_only_files_fall_back_to_memory(pack, tmp_path, monkeypatch):
    """Root ignores permissions, so the refusal is simulated where the disk would raise."""
    home = open_index(pack, tmp_path / "index").location

    def refuse(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    (home / "meta.json").write_text("garbage")
    monkeypatch.setattr(storage, "fresh_dir", refuse)
    index = open_index(pack, tmp_path / "index")
    assert index.location is None and "cannot be written" in index.notice
    assert ids(index.search("apples")) == ["apples"]


def test_index_failure_under_a_query_recovers(pack, tmp_path):
    index = open_index(pack, tmp_path / "index")

    class Broken:
        num_docs = 3

        def __getattr__(self, name):
            raise ValueError("simulated corruption found mid-query")

    index._state = replace(index._state, searcher=Broken())
    results = index.search("apples")
    assert ids(results) == ["apples"]
    assert "temporary" in index.notice


def make_pack(folder: Path, pack_id: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(PACK_YAML.replace("testpack", pack_id), encoding="utf-8")
    return folder


def test_index_is_keyed_by_content_folders(pack, tmp_path):
    other = make_pack(tmp_path / "elsewhere" / "other", "otherpack")
    write_resource(other, "kiwis", "Kiwis", "Kiwis are green.\n")
    first = open_index(pack, tmp_path / "index")
    second = open_index(other, tmp_path / "index")
    assert first.location != second.location
    assert open_index(pack, tmp_path / "index").last_update.rebuilt is False


def test_index_a_new_pack_beside_the_others_is_added_not_rebuilt(pack, tmp_path):
    first = SearchIndex.open(tmp_path / "index", load_library([pack.parent]))
    newcomer = make_pack(pack.parent / "newcomer", "newcomer")
    write_resource(newcomer, "kiwis", "Kiwis", "Kiwis are green.\n")
    again = SearchIndex.open(tmp_path / "index", load_library([pack.parent]))
    assert again.location == first.location
    assert (again.last_update.rebuilt, again.last_update.added) == (False, 1)
    assert ids(again.search("kiwis")) == ["kiwis"]


def test_index_leftovers_of_interrupted_builds_are_cleaned(pack, tmp_path):
    home = open_index(pack, tmp_path / "index").location
    leftover = home.with_name(home.name + ".tmp-1-abcdef")
    leftover.mkdir()
    old = time.time() - 7200
    os.utime(leftover, (old, old))
    open_index(pack, tmp_path / "index")
    assert not leftover.exists()


# ---- what is indexed


def test_text_extraction_keeps_what_readers_see():
    from kit.core.search.documents import markdown_to_text

    text, headings = markdown_to_text(
        "## First *part*\n\nSee [the law](kit:law) and ![a map](map.png).\n<!-- hidden note -->\n"
        "<script>evil()</script>\n- **bold** item\n| a | b |\n|---|---|\n| c | d |\n&amp; done\n"
    )
    assert headings == ["First part"]
    assert "the law" in text and "a map" in text and "& done" in text and "bold item" in text
    for gone in ("kit:law", "map.png", "hidden", "evil", "**", "|", "<"):
        assert gone not in text


@pytest.mark.parametrize("hostile", ["[" * 200_000, "<" * 200_000, "[a](" * 50_000, "_" * 200_000, "<div>" * 40_000])
def test_text_extraction_is_linear_on_markup_bombs(hostile):
    from kit.core.search.documents import markdown_to_text

    start = time.perf_counter()
    markdown_to_text(hostile)
    assert time.perf_counter() - start < 3  # a budget against blow-ups, not a benchmark
