"""Ranking quality of the kit's search next to raw tantivy BM25 over the same text, on two collections, in one run.

Run: python benchmarks/ir_eval_bench.py --cranfield DIR [--worst 10]

1. Cranfield: 1,400 aerodynamics abstracts, 225 natural-language questions, graded judgments; a public test
   collection made for exactly this. It is not in the repository: download it from
   http://ir.dcs.gla.ac.uk/resources/test_collections/cran/ (cran.tar.gz: cran.all.1400, cran.qry, cranqrel)
   and pass the folder it was unpacked in. The abstracts are written as a pack (one Markdown file each:
   title, body) in a temporary folder, loaded with the kit's loader and indexed with `SearchIndex`.
2. The kit's own judged queries (tests/data/search_judged.yaml) on the bundled resources.

"Raw BM25" is tantivy with its default tokenizer over title + body of the same text (the body as the kit
extracts it), its lenient query parser (any word may match) and plain BM25 scoring.

Metrics, per query then averaged: nDCG@10 (linear gains, log2 discount, the ideal order of every judged
document), MRR@10 (1/rank of the first relevant document in the top 10, else 0) and hit@3 (a relevant one in
the top 3). Gains: Cranfield's cranqrel codes run from 1 (a complete answer) to 4 (minimum interest), with
5 and -1 for "no interest", so gain = 5 - code for codes 1-4 (4, 3, 2, 1) and 0 otherwise; relevant means
gain > 0. Judged set: `best` ids gain 2, `also` ids gain 1.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
JUDGED = REPO / "tests" / "data" / "search_judged.yaml"
DEPTH = 10

Run = Callable[[str, dict], list[str]]  # query, filters → ranked ids


# ---- Cranfield files


def _records(text: str) -> list[dict[str, str]]:
    """The .I/.T/.A/.B/.W records of a Cranfield file, each field's lines joined."""
    records: list[dict[str, str]] = []
    field = None
    for line in text.splitlines():
        marker = re.match(r"^\.([ITABW])\b\s*(.*)$", line)
        if marker:
            field = marker[1]
            if field == "I":
                records.append({"I": marker[2].strip()})
                field = None
            continue
        if records and field:
            records[-1][field] = (records[-1].get(field, "") + " " + line.strip()).strip()
    return records


def read_cranfield(folder: Path) -> tuple[dict[str, tuple[str, str]], list[str], dict[int, dict[str, int]]]:
    """Documents (id → title, body), queries (in file order) and gains (query number → doc id → gain).
    The queries' own .I numbers skip values; cranqrel numbers them 1..225 in file order."""
    docs = {
        r["I"]: (r.get("T", "").rstrip(" ."), r.get("W", ""))
        for r in _records((folder / "cran.all.1400").read_text(encoding="latin-1"))
    }
    queries = [r.get("W", "") for r in _records((folder / "cran.qry").read_text(encoding="latin-1"))]
    gains: dict[int, dict[str, int]] = {}
    for line in (folder / "cranqrel").read_text(encoding="latin-1").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            code = int(parts[2])
            gains.setdefault(int(parts[0]), {})[parts[1]] = 5 - code if 1 <= code <= 4 else 0
    return docs, queries, gains


def write_pack(folder: Path, docs: dict[str, tuple[str, str]]) -> None:
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(
        "id: cranfield\ntitle: Cranfield collection\nversion: '1'\nlanguage: en\nlicense: research use\n",
        encoding="utf-8",
    )
    for doc_id, (title, body) in docs.items():
        front = yaml.safe_dump({"title": title or f"Abstract {doc_id}", "kind": "article"}, allow_unicode=True)
        (folder / f"cran-{int(doc_id):04d}.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")


# ---- the two engines


def kit_engine(library, index_dir: Path) -> Run:
    from kit.core.search import SearchIndex

    index = SearchIndex.open(index_dir, library)
    index.warm()  # as the app does once the index opens: the timings are of queries, not of loading word lists
    return lambda query, filters: [h.id for h in index.search(query, limit=DEPTH, **filters).results]


def raw_bm25(library) -> Run:
    import tantivy

    from kit.core.search.documents import extract

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title")
    builder.add_text_field("body")
    for name in ("kind", "audience", "language"):
        builder.add_text_field(name, tokenizer_name="raw")
    schema = builder.build()
    index = tantivy.Index(schema)
    writer = index.writer(heap_size=50_000_000, num_threads=1)
    for r in library.resources:
        writer.add_document(
            tantivy.Document(
                id=r.id,
                title=r.title,
                body=extract(r).body,
                kind=r.kind,
                audience=list(r.audience),
                language=r.language,
            )
        )
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def run(query: str, filters: dict) -> list[str]:
        parsed, _errors = index.parse_query_lenient(query, ["title", "body"])
        clauses = [(tantivy.Occur.Must, parsed)]
        clauses += [(tantivy.Occur.Must, tantivy.Query.term_query(schema, k, v)) for k, v in filters.items()]
        hits = searcher.search(tantivy.Query.boolean_query(clauses), DEPTH).hits
        return [searcher.doc(address).get_first("id") for _score, address in hits]

    return run


# ---- metrics


def scores(ranked: list[str], gains: dict[str, int]) -> tuple[float, float, float]:
    """nDCG@10, reciprocal rank (top 10), hit@3 of one ranked list."""
    dcg = sum(gains.get(doc, 0) / math.log2(n + 2) for n, doc in enumerate(ranked[:DEPTH]))
    ideal = sorted((g for g in gains.values() if g > 0), reverse=True)[:DEPTH]
    idcg = sum(g / math.log2(n + 2) for n, g in enumerate(ideal))
    first = next((n for n, doc in enumerate(ranked[:DEPTH], 1) if gains.get(doc, 0) > 0), None)
    return (dcg / idcg if idcg else 0.0, 1 / first if first else 0.0, 1.0 if first and first <= 3 else 0.0)


def evaluate(run: Run, judged: list[tuple[str, dict, dict[str, int]]]) -> tuple[list[tuple[float, ...]], float]:
    start = time.perf_counter()
    per_query = [scores(run(query, filters), gains) for query, filters, gains in judged]
    return per_query, (time.perf_counter() - start) * 1000 / max(1, len(judged))


def report(name: str, judged, kit: Run, raw: Run, worst: int) -> None:
    kit_scores, kit_ms = evaluate(kit, judged)
    raw_scores, raw_ms = evaluate(raw, judged)
    print(f"\n{name}: {len(judged)} queries\n")
    print("| metric | kit | raw BM25 | kit / raw |")
    print("|---|---|---|---|")
    for n, metric in enumerate(("nDCG@10", "MRR@10", "hit@3")):
        kit_mean = sum(s[n] for s in kit_scores) / len(judged)
        raw_mean = sum(s[n] for s in raw_scores) / len(judged)
        ratio = f"{kit_mean / raw_mean:.2f}" if raw_mean else "-"
        print(f"| {metric} | {kit_mean:.3f} | {raw_mean:.3f} | {ratio} |")
    print(f"| ms per query (mean) | {kit_ms:.2f} | {raw_ms:.2f} | {kit_ms / raw_ms:.2f} |")
    if worst:
        gaps = sorted(range(len(judged)), key=lambda i: kit_scores[i][0] - raw_scores[i][0])[:worst]
        print(f"\nWorst {worst} for the kit (nDCG@10 kit vs raw):")
        for i in gaps:
            print(f"  {kit_scores[i][0]:.2f} vs {raw_scores[i][0]:.2f}  {judged[i][0][:100]!r}")


def cranfield(folder: Path, work: Path, worst: int) -> None:
    from kit.core.content.loader import load_library

    docs, queries, gains = read_cranfield(folder)
    write_pack(work / "cranfield", docs)
    library = load_library([work / "cranfield"])
    assert len(library.resources) == len(docs), library.errors()[:3]
    judged = [
        (query, {}, {f"cran-{int(d):04d}": g for d, g in gains.get(n, {}).items()})
        for n, query in enumerate(queries, 1)
    ]
    judged = [j for j in judged if any(g > 0 for g in j[2].values())]
    report("Cranfield", judged, kit_engine(library, work / "index-cranfield"), raw_bm25(library), worst)


def judged_queries(library) -> list[tuple[str, dict, dict[str, int]]]:
    """The judged set's queries whose answers are in `library`: (query, filters, {resource id: gain})."""
    known = {r.id for r in library.resources}
    judged = []
    for entry in yaml.safe_load(JUDGED.read_text(encoding="utf-8")):
        gains = {rid: 1 for rid in entry.get("also", [])} | {rid: 2 for rid in entry["best"]}
        if set(gains) & known:
            judged.append((str(entry["q"]), entry.get("filters") or {}, gains))
    return judged


def judged_set(work: Path, worst: int) -> None:
    from kit.core.content.loader import load_library

    library = load_library([REPO / "resources"])
    judged = judged_queries(library)
    report("Judged set (bundled kit)", judged, kit_engine(library, work / "index-kit"), raw_bm25(library), worst)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cranfield", type=Path, help="folder holding cran.all.1400, cran.qry and cranqrel")
    parser.add_argument("--worst", type=int, default=0, help="also list the N queries where the kit trails most")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kit-ir-eval-") as tmp:
        if args.cranfield:
            cranfield(args.cranfield, Path(tmp), args.worst)
        else:
            print("No --cranfield folder given: only the judged set is measured (see the docstring for the data).")
        judged_set(Path(tmp), args.worst)


if __name__ == "__main__":
    main()
