"""Which list shapes python-markdown handles in superlinear time: seconds per page at four sizes, side by side.

Run: python benchmarks/list_shapes_bench.py [--sizes 8,16,32,64] [--give-up S] [--checked]

Each shape is built to about the given size (KB) and converted with the kit's own extensions
(markup.MARKDOWN_EXTENSIONS), the way markup.render gives a page to python-markdown. The last column is
time(largest) / time(smallest) over size(largest) / size(smallest): ~1 is linear, ~8 at 8x the size is quadratic.
Once one size of a shape takes longer than --give-up seconds the larger ones are not run ("-").
"!" marks a run python-markdown ended with RecursionError (it nests a list per marker).
With --checked the page goes through markup.render_markdown (the caps first), as the reader does.

--worst CHARS,CHARS… instead times `validate` (load, the index's text pass, both editions rendered: what
`kit validate` and the library do with a page) on the worst pages the caps allow, cut to each body size; a size
past markup.MAX_BODY_CHARS is measured with the limit raised to it, to compare limits (e.g. 200000,512000).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _repeat(unit: str, kb: float) -> str:
    return unit * max(1, int(kb * 1024 / len(unit)))


def _nested(kb: float, marker: str) -> str:
    """One item per level, each indented four spaces more than the last, until the page is kb long."""
    lines, size, depth = [], 0, 0
    while size < kb * 1024:
        line = " " * (4 * depth) + f"{marker} x\n"
        lines.append(line)
        size += len(line)
        depth += 1
    return "".join(lines)


SHAPES = {
    "reference: prose paragraphs": lambda kb: _repeat("A sentence of plain prose, as a long article has.\n\n", kb),
    "N items '- item'": lambda kb: _repeat("- item\n", kb),
    "N items '1. item'": lambda kb: _repeat("1. item\n", kb),
    "N loose items '- item' + blank": lambda kb: _repeat("- item\n\n", kb),
    "N items with indented paragraph": lambda kb: _repeat("- item\n\n    more\n\n", kb),
    "one item + lazy lines": lambda kb: "- item\n" + _repeat("lazy\n", kb),
    "nested '-' depth D (4 sp)": lambda kb: _nested(kb, "-"),
    "nested '1.' depth D (4 sp)": lambda kb: _nested(kb, "1."),
    "'1. 1. 1. …' one line": lambda kb: _repeat("1. ", kb) + "x\n",
    "'- - - …' one line": lambda kb: _repeat("- ", kb) + "x\n",
    "'* * * …' one line": lambda kb: _repeat("* ", kb) + "x\n",
    "'+ + + …' one line": lambda kb: _repeat("+ ", kb) + "x\n",
    "'> > > …' one line": lambda kb: _repeat("> ", kb) + "x\n",
    "'1. - 1. - …' one line": lambda kb: _repeat("1. - ", kb) + "x\n",
    "'- 1. - …' 1 marker per line": lambda kb: _repeat("- 1.\n", kb),
    "'1. 1.' short runs per line": lambda kb: _repeat("1. 1. 1. 1. x\n", kb),
}


def _worst_allowed() -> dict[str, str]:
    """Page starts within every cap of markdown_shapes, each as costly as the caps let it be; prose fills the rest."""
    from kit.core.render import markdown_shapes as shapes

    deep = shapes.MAX_NESTING
    items = shapes.MAX_LIST_ITEMS
    return {
        "prose only (reference)": "",
        f"{items:,} items '- item'": "- item\n" * items,
        f"{items // deep:,} lines of {deep} x '1. '": ("1. " * deep + "x\n") * (items // deep),
        f"{items:,} items nested {deep} deep": "".join(" " * 4 * (i % deep) + "- x\n" for i in range(items)),
        f"quotes {deep} deep on every line": ("> " * deep + "quoted words\n") * 20_000,
        f"{shapes.MAX_HEADINGS} headings + {items:,} items": "## h\n\n" * shapes.MAX_HEADINGS + "- item\n" * items,
    }


PROSE = "A sentence of plain prose, as a long article has.\n\n"
FRONT = "---\ntitle: Worst\nkind: article\nsummary: A benchmark page.\naudience: [grades-9-10]\nlanguage: en\n---\n"


def _time_worst(sizes: list[int]) -> None:
    import tempfile

    from kit.core.render import markdown_shapes, markup
    from kit.core.validate import validate

    print(f"{'worst allowed page: validate()':40}" + "".join(f"{s:>12,}" for s in sizes) + "  chars")
    for name, head in _worst_allowed().items():
        cells = []
        for size in sizes:
            body = (head + "\n" + PROSE * (size // len(PROSE) + 1))[:size]
            assert markdown_shapes.too_complex(body, Path("page.md"), 1) is None, name
            with tempfile.TemporaryDirectory() as folder:
                pack = Path(folder)
                (pack / "pack.yaml").write_text("id: w\ntitle: W\nversion: '1'\nlanguage: en\n", encoding="utf-8")
                (pack / "page.md").write_text(FRONT + body, encoding="utf-8")
                markup._render_cached.cache_clear()
                limit, markup.MAX_BODY_CHARS = markup.MAX_BODY_CHARS, max(size, markup.MAX_BODY_CHARS)
                start = time.perf_counter()
                report = validate([pack])
                seconds = time.perf_counter() - start
                markup.MAX_BODY_CHARS = limit
            refused = any("limit" in p.message or "too" in p.message for p in report.problems)
            cells.append(f"{seconds:>10.2f}{'*' if refused else ' '}s")
        print(f"{name:40}" + "".join(cells), flush=True)
    print("* the page was refused after python-markdown (html_limits), so it costs less")
    print(f"Sizes past markup.MAX_BODY_CHARS ({markup.MAX_BODY_CHARS:,}) are measured with the limit raised to them.")


def _convert(text: str) -> None:
    import markdown

    from kit.core.render import markup

    markdown.Markdown(extensions=list(markup.MARKDOWN_EXTENSIONS)).convert(text)


def _checked(text: str) -> None:
    from kit.core.render import markup

    markup.render_markdown(text, Path("."), Path("page.md"))


def _cell(seconds: float | None, failed: bool) -> str:
    if seconds is None:
        return f"{'-':>11}"
    return f"{seconds:>8.3f}{'!' if failed else ' '}s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="8,16,32,64", help="page sizes in KB")
    parser.add_argument("--give-up", type=float, default=5.0, help="seconds after which larger sizes are skipped")
    parser.add_argument("--checked", action="store_true", help="time markup.render_markdown, caps included")
    parser.add_argument("--only", default="", help="run the shapes whose name contains this")
    parser.add_argument("--worst", default="", help="body sizes in characters for the worst allowed pages")
    args = parser.parse_args()
    if args.worst:
        _time_worst([int(s) for s in args.worst.split(",")])
        return
    sizes = [float(s) for s in args.sizes.split(",")]
    run = _checked if args.checked else _convert
    run("warm up: import python-markdown and its extensions")
    print(f"{'shape':34}" + "".join(f"{s:>8.0f} KB" for s in sizes) + f"{'growth':>8}")
    for name, build in SHAPES.items():
        if args.only not in name:
            continue
        times: list[float | None] = []
        failed: set[int] = set()
        for kb in sizes:
            if times and (times[-1] is None or times[-1] > args.give_up):
                times.append(None)
                continue
            text = build(kb)
            start = time.perf_counter()
            try:
                run(text)
            except RecursionError:  # python-markdown nests one list per marker; the kit shows an error page
                failed.add(len(times))
            times.append(time.perf_counter() - start)
        cells = "".join(_cell(t, i in failed) for i, t in enumerate(times))
        measured = [(kb, t) for kb, t in zip(sizes, times, strict=True) if t is not None]
        growth = ""
        if len(measured) >= 2 and measured[0][1] > 0:
            growth = f"{(measured[-1][1] / measured[0][1]) / (measured[-1][0] / measured[0][0]):8.1f}"
        print(f"{name:34}{cells}{growth}", flush=True)


if __name__ == "__main__":
    main()
