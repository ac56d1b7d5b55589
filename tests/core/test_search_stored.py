"""kit.core.search.stored: a shown document is read from the index once per commit, within a memory budget."""

import pytest
import tantivy

from kit.core.content.loader import load_library
from kit.core.search import SearchIndex
from kit.core.search.stored import StoredDocs

PACK_YAML = "id: testpack\ntitle: Test pack\nversion: '1'\nlanguage: en\nlicense: CC BY 4.0\n"


def write(pack, name, title, body, language="en"):
    front = f"title: {title}\nkind: article\nsummary: About {title.lower()}.\naudience: [grades-9-10]\n"
    front += f"language: {language}\n"
    (pack / f"{name}.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    write(folder, "apples", "Growing apples", "Apples grow on trees in orchards.")
    write(folder, "pears", "Pears", "Pears and apples ripen after picking.")
    write(folder, "plums", "Plums", "Plums and apples make jam.")
    write(folder, "pommes", "Les pommes", "Les pommes poussent dans les vergers.", language="fr")
    return folder


def test_stored_fields_are_the_documents_own(pack, tmp_path):
    index = SearchIndex.open(tmp_path / "index", load_library([pack]))
    state = index._state
    found = {}
    for _score, address in state.searcher.search(tantivy.Query.all_query(), 10).hits:
        doc = state.stored.get(address)
        found[doc.id] = doc
    assert found["pommes"].language == "fr" and found["pommes"].title == "Les pommes"
    assert found["pommes"].body.text == "Les pommes poussent dans les vergers."
    assert found["pommes"].summary.text == "About les pommes."
    assert found["apples"].kind == "article" and found["apples"].audience == ("grades-9-10",)


def test_stored_documents_are_read_once_and_the_least_recent_dropped_first(pack, tmp_path):
    index = SearchIndex.open(tmp_path / "index", load_library([pack]))
    searcher = index._state.searcher
    first, second, third, *_ = [a for _s, a in searcher.search(tantivy.Query.all_query(), 10).hits]
    probe = StoredDocs(searcher)
    size = max(probe.get(a).size for a in (first, second, third))
    stored = StoredDocs(searcher, budget=2 * size)  # room for two documents
    a, b = stored.get(first), stored.get(second)
    assert stored.get(first) is a  # kept: not read again
    stored.get(third)  # over budget: `second` was used least recently
    assert stored.get(first) is a
    again = stored.get(second)
    assert again is not b and again == b  # read again, the same content


def test_a_re_indexed_resource_shows_its_new_text(pack, tmp_path):
    index = SearchIndex.open(tmp_path / "index", load_library([pack]))
    before = {h.id: h.snippet for h in index.search("orchards").results}
    assert "<b>orchards</b>" in before["apples"]
    write(pack, "apples", "Growing apples", "Apples grow in pots on balconies, and in orchards.")
    index.update(load_library([pack]))
    after = {h.id: h.snippet for h in index.search("orchards").results}
    assert "balconies" in after["apples"]
