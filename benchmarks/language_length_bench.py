"""Would BM25 rank the bundled kit better if each language's average field length were its own? Measured before
building it (one index per language), on the judged set, in one run.

Run: python benchmarks/language_length_bench.py [--worst 10]

Each language has its own fields (body_en, body_fr...), but tantivy's BM25 divides a field's total length by
every page in the index, whatever its language: with French pages installed, English pages look longer than
the English average, and French pages far longer. (IDF among a language's own pages is already corrected:
kit/core/search/idf.py.) One index per language would divide by the language's own pages. This benchmark gives
tantivy exactly that average without restructuring the index: every page carries, in each other language's
fields, a ballast of a word nobody types, as long as that language's average field. The ballast changes no
word's document count and matches no query; it only moves tantivy's average to the language's own.

It prints the average lengths tantivy uses and the languages' own, then nDCG@10, MRR@10 and hit@3 of the judged
set (tests/data/search_judged.yaml, as benchmarks/ir_eval_bench.py scores them) for the kit as it is and for
the kit with per-language averages, side by side. (Cranfield is one language: the averages are already its own.)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from ir_eval_bench import DEPTH, judged_queries, scores  # noqa: E402

BALLAST = "qqballastqq"  # one token; no one types it, no page holds it


def field_lengths(library) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Per language, each field's total length in tokens (as tantivy counts them), and the pages per language."""
    from kit.core.search.analysis import LANGS, stems
    from kit.core.search.documents import FIELD_BOOSTS, make_document

    totals = {lang: dict.fromkeys(FIELD_BOOSTS, 0) for lang in LANGS}
    pages = dict.fromkeys(LANGS, 0)
    for resource in library.resources:
        values = make_document(resource).to_dict()
        lang = values["language"][0]
        pages[lang] += 1
        for field in FIELD_BOOSTS:
            totals[lang][field] += sum(len(stems(lang, text)) for text in values.get(f"{field}_{lang}", []))
    return totals, pages


def with_ballast(averages: dict[str, dict[str, int]]):
    """make_document, plus a ballast in every other language's fields as long as that language's average."""
    from kit.core.search.analysis import LANGS
    from kit.core.search.documents import make_document

    def make(resource):
        doc = make_document(resource)
        own = resource.language if resource.language in LANGS else "en"
        for lang in LANGS:
            for field, length in averages[lang].items() if lang != own else ():
                if length:
                    doc.add_text(f"{field}_{lang}", " ".join([BALLAST] * length))
        return doc

    return make


def evaluate(index, judged) -> list[tuple[float, float, float]]:
    return [scores([h.id for h in index.search(q, limit=DEPTH, **f).results], gains) for q, f, gains in judged]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worst", type=int, default=10, help="list the N queries whose rank changed most")
    args = parser.parse_args()

    import kit.core.search.index as index_module
    from kit.core.content.loader import load_library
    from kit.core.search import SearchIndex

    library = load_library([REPO / "resources"])
    totals, pages = field_lengths(library)
    everyone = sum(pages.values())
    print(f"{everyone} pages: " + ", ".join(f"{n} {lang}" for lang, n in pages.items()))
    print("\n| field | tantivy's average (all pages) | the language's own average | pages look longer by |")
    print("|---|---|---|---|")
    averages = {}
    for lang, fields in totals.items():
        averages[lang] = {f: round(t / pages[lang]) if pages[lang] else 0 for f, t in fields.items()}
        for field, total in fields.items():
            if pages[lang] and total:
                seen, own = total / everyone, total / pages[lang]
                print(f"| {field}_{lang} | {seen:.0f} | {own:.0f} | {own / seen - 1:.0%} |")

    judged = judged_queries(library)

    with tempfile.TemporaryDirectory(prefix="kit-length-bench-") as tmp:
        as_is = evaluate(SearchIndex.open(Path(tmp) / "as-is", library), judged)
        original = index_module.make_document
        index_module.make_document = with_ballast(averages)  # the simulation: the index is built through it
        try:
            own = evaluate(SearchIndex.open(Path(tmp) / "own", library), judged)
        finally:
            index_module.make_document = original

    print(f"\nJudged set (bundled kit): {len(judged)} queries\n")
    print("| metric | kit as it is | per-language average lengths | difference |")
    print("|---|---|---|---|")
    for n, metric in enumerate(("nDCG@10", "MRR@10", "hit@3")):
        a, b = (sum(s[n] for s in run) / len(judged) for run in (as_is, own))
        print(f"| {metric} | {a:.3f} | {b:.3f} | {b - a:+.3f} |")
    changed = sorted(range(len(judged)), key=lambda i: -abs(own[i][1] - as_is[i][1]))[: args.worst]
    changed = [i for i in changed if own[i][1] != as_is[i][1]]
    if changed:
        print("\nReciprocal rank changed (as it is → per-language lengths):")
        for i in changed:
            print(f"  {as_is[i][1]:.2f} → {own[i][1]:.2f}  {judged[i][0]!r}")


if __name__ == "__main__":
    main()
