"""Ranking quality on the bundled kit: queries a student or teacher would type (tests/data/search_judged.yaml),
with the resources that should come first. hit@3 (one of the expected resources in the top three) and MRR
must not drop below the floors recorded here; raise the floors when ranking improves, never lower them to make a change pass.
"""

import pytest
import yaml

from kit.core.content.loader import load_library
from kit.core.search import SearchIndex
from testdata import DATA

# Recorded on the bundled kit with the help pack (30 resources): 58 queries, hit@3 58/58, MRR 0.957; grown to
# 162 queries for issue 16 (long questions, slang, typos, French, filters): hit@3 159/162 = 0.981, MRR 0.932.
# Three French pages (issue 17) made the kit 33 resources; the larger collection alone (three pages of nothing
# but "Bonjour" do the same) pushes the guide for "lesson plan on online safety" from 3rd to 4th (by 0.08 points): 158/162 =
# 0.975, MRR 0.923 — below issue 16's targets (0.98, 0.93), which stay open. The floors guard against a further
# regression until the ranking is made steadier against the collection's size. Issue 17's new pages (sextortion,
# consent, forced labour; 45 resources) are now judged answers where they are the best page; with them,
# 158/162 = 0.975, MRR 0.927.
HIT_AT_3_FLOOR = 0.975
MRR_FLOOR = 0.92

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
