"""Completions of a word being typed (search/completion.py): the table of short starts built by `warm()` answers
exactly what walking tantivy's term dictionary answers, and a search gives the same results with or without it."""

from kit.core.content.loader import load_library
from kit.core.search import SearchIndex
from kit.core.search.completion import KEPT, SHORT_PREFIX, Completions
from testdata import REPO


def test_the_table_of_short_starts_answers_like_the_term_dictionary(tmp_path):
    index = SearchIndex.open(tmp_path / "index", load_library([REPO / "resources"]))
    searcher = index._state.searcher
    completions = Completions(searcher)
    completions.prepare()
    words = [term for term, _docs in searcher.terms_with_prefix("words", "")]
    starts = {word[:size] for word in words for size in range(1, SHORT_PREFIX + 1)} | {"zq", "tra", "ex"}
    assert len(starts) > 300
    for start in sorted(starts):
        for limit in (1, KEPT):
            assert completions.top(start, limit) == searcher.terms_with_prefix("words", start, limit=limit), start
    assert completions.top("traffick", 2) == searcher.terms_with_prefix("words", "traffick", limit=2)  # walked


def test_a_search_while_typing_is_the_same_before_and_after_warming(tmp_path):
    library = load_library([REPO / "resources"])
    index = SearchIndex.open(tmp_path / "index", library)
    typed = ["tr", "tra", "rec", "sig", "what is tra", "ex"]
    cold = [[(h.id, h.score, h.snippet) for h in index.search(q).results] for q in typed]
    index.warm()
    assert index._state.completions.top("tra", 1)  # built
    assert [[(h.id, h.score, h.snippet) for h in index.search(q).results] for q in typed] == cold
    assert all(cold)  # every start typed finds something
