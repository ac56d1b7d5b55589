"""Ranking quality on the bundled kit: queries a student or teacher would type (tests/data/search_judged.yaml),
with the resources that should come first. hit@3 (one of the expected resources in the top three) and MRR
must not drop below the floors recorded here; raise the floors when ranking improves, never lower them to make a change pass.
"""

import pytest
import yaml

from kit.core.content.loader import load_library
from kit.core.search import SearchIndex, lexicon
from kit.core.search.analysis import LANGS, plain_tokens
from testdata import DATA

# Recorded on the bundled kit with the help pack (30 resources): 58 queries, hit@3 58/58, MRR 0.957; grown to
# 162 queries for issue 16 (long questions, slang, typos, French, filters): hit@3 159/162 = 0.981, MRR 0.932.
# French pages (issue 17) took that to 0.975 / 0.923: tantivy counts every page in a field's IDF, so French
# pages made common English words look rarer and reordered English results. With IDF among the query
# language's own pages, contractions ("don't") treated as grammar words and irregular verbs understood while
# typed, 34 resources: hit@3 159/162 = 0.981, MRR 0.934. Issue 17's new pages (sextortion, consent, forced
# labour; 45 resources) are judged answers where they are the best page: 159/162 = 0.981, MRR 0.932.
# Gender, Indigenous peoples and forced marriage (48 resources) moved four judged queries down one place and are
# judged answers to 'Indigenous' and 'can boys be trafficked too'; with four queries of their own, 163/166, MRR 0.936.
# More pages (64 resources) took MRR to 0.930. A bonus for query words side by side (search/proximity.py):
# 163/166 = 0.982, MRR 0.933; with 14 more French pages and survivor voices (78 resources, 182 queries)
# 179/182 = 0.984, MRR 0.934 (0.931 without the bonus). The floors stay: 0.01 below would lower them.
HIT_AT_3_FLOOR = 0.98
MRR_FLOOR = 0.93

JUDGED_FILE = DATA / "search_judged.yaml"


def judged() -> list[tuple[str, list[str], dict]]:
    """(query, judged ids: any of them in the top 3 is a hit, the first is the best answer; filters)."""
    entries = yaml.safe_load(JUDGED_FILE.read_text(encoding="utf-8"))
    return [(str(e["q"]), [*e["best"], *e.get("also", [])], e.get("filters") or {}) for e in entries]


@pytest.fixture(scope="module")
def bundled_index(tmp_path_factory):
    from testdata import REPO

    library = load_library([REPO / "resources"])
    return library, SearchIndex.open(tmp_path_factory.mktemp("index"), library)


def _rank(index, query, expected, filters):
    ids = [h.id for h in index.search(query, limit=10, **filters).results]
    return next((n for n, rid in enumerate(ids, 1) if rid in expected), None), ids


def test_judged_queries_meet_the_recorded_floor(bundled_index):
    library, index = bundled_index
    known = {r.id for r in library.resources}
    usable = [(q, e, f) for q, e, f in judged() if set(e) & known]
    assert len(usable) >= 150
    hits, reciprocal, misses = 0, 0.0, []
    for query, expected, filters in usable:
        rank, ids = _rank(index, query, expected, filters)
        hits += rank is not None and rank <= 3
        reciprocal += 1 / rank if rank else 0.0
        if not rank or rank > 3:
            misses.append(f"{query!r}: expected {expected[0]}, got {ids[:3]}")
    hit_at_3, mrr = hits / len(usable), reciprocal / len(usable)
    print(f"hit@3 {hits}/{len(usable)} = {hit_at_3:.3f}, MRR {mrr:.3f}")
    assert hit_at_3 >= HIT_AT_3_FLOOR, "\n".join(misses)
    assert mrr >= MRR_FLOOR, "\n".join(misses)


def test_every_title_typed_in_full_comes_first(bundled_index):
    library, index = bundled_index
    wrong = []
    for resource in library.resources:
        results = index.search(resource.title, limit=3).results
        if not results or results[0].id != resource.id:
            wrong.append((resource.title, [h.id for h in results]))
    assert not wrong


def test_no_judged_query_is_corrected_into_the_other_language(bundled_index):
    _library, index = bundled_index
    corrected = 0
    for query, _expected, filters in judged():
        suggestion = index.search(query, limit=3, **filters).suggestion
        if not suggestion:
            continue
        typed, fixed = plain_tokens(query), plain_tokens(suggestion)
        kept = [lexicon.languages_of(a) for a, b in zip(typed, fixed, strict=False) if a == b]
        languages = set(lexicon.query_languages(kept, LANGS))
        for word, fix in zip(typed, fixed, strict=False):
            if word != fix:
                corrected += 1
                assert not lexicon.languages_of(fix) or lexicon.languages_of(fix) & languages, (query, suggestion)
    assert corrected >= 10  # the judged set's typos are corrected, each within its query's language


@pytest.mark.xfail(
    strict=True,
    reason="known gap: 5th. The forced-marriage page says 'travail forcé' too, and holds 'forcé' in its title, "
    "summary and id; the adjacent-words bonus (search/proximity.py) lifts both pages. Weights that "
    "lift this page lost elsewhere on the judged set and on Cranfield. Remove this mark when it passes.",
)
def test_forced_labour_in_french_finds_the_french_definition_page_in_the_top_3(bundled_index):
    _library, index = bundled_index
    found = [h.id for h in index.search("travail forcé", limit=10).results]
    assert found[0] == "fr-travail-force"
    assert "fr-quest-ce-que-la-traite" in found[:3], found
