"""Importing documents with `kit add`'s core (own_pack.add_paths): seconds per document, and a folder's rate.

    python benchmarks/import_bench.py [--runs 5] [--folder 200]

Each document is written first by the tests' own makers (tests/testdocuments.py); then each is added N times
into a fresh own pack, interleaved, and the median wall time is printed beside two references: the same
document's text added as a Markdown file (the kit's old path: loader check, no conversion) and the
issue's target (a 20-page .docx or a 30-slide .pptx in 2 s). The folder line adds a folder of `--folder`
documents (Word and PowerPoint alternating) once and prints files per second (target: 5).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_S = 2.0
TARGET_FILES_PER_S = 5.0


def documents(folder: Path) -> dict[str, Path]:
    from PySide6.QtGui import QGuiApplication

    from testdocuments import make_docx, make_odp, make_odt, make_pdf, make_pptx

    _app = QGuiApplication.instance() or QGuiApplication([])  # Qt's PDF writer makes the test PDF
    return {
        "handout.docx (1 page)": make_docx(folder / "handout.docx"),
        "long.docx (400 paragraphs, ~7k words)": make_docx(folder / "long.docx", paragraphs=400),
        "deck.pptx (3 slides)": make_pptx(folder / "deck.pptx"),
        "deck30.pptx (30 slides)": make_pptx(folder / "deck30.pptx", extra_slides=27),
        "text.odt": make_odt(folder / "text.odt"),
        "slides.odp": make_odp(folder / "slides.odp"),
        "rocks.pdf (2 pages)": make_pdf(folder / "rocks.pdf", pages=2),
        "rocks20.pdf (20 pages)": make_pdf(folder / "rocks20.pdf", pages=20),
    }


def add_once(source: Path, scratch: Path) -> tuple[float, Path]:
    from kit.core.packs import own_pack

    packs = Path(tempfile.mkdtemp(dir=scratch))
    start = time.perf_counter()
    added, refused = own_pack.add_paths([source], packs, set())
    elapsed = time.perf_counter() - start
    assert added and not refused, refused
    return elapsed, added[0].path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        (scratch / "docs").mkdir()
        docs = documents(scratch / "docs")
        markdown: dict[str, Path] = {}
        for name, source in docs.items():  # the reference: the imported text, added as plain Markdown
            _, written = add_once(source, scratch)
            body = written.read_text(encoding="utf-8").split("---\n", 2)[2]
            markdown[name] = scratch / "docs" / f"{source.stem}-{source.suffix[1:]}.md"
            markdown[name].write_text(body, encoding="utf-8")
        times: dict[str, list[float]] = {name: [] for name in docs}
        reference: dict[str, list[float]] = {name: [] for name in docs}
        for _ in range(args.runs):
            for name, source in docs.items():
                times[name].append(add_once(source, scratch)[0])
                reference[name].append(add_once(markdown[name], scratch)[0])
        print(f"{'document':36} {'size':>8} {'import s':>9} {'as .md s':>9} {'target s':>9}")
        for name, source in docs.items():
            size = f"{source.stat().st_size / 1024:.0f} KB"
            imported, plain = statistics.median(times[name]), statistics.median(reference[name])
            print(f"{name:36} {size:>8} {imported:9.3f} {plain:9.3f} {TARGET_S:9.1f}")
        folder = scratch / "folder"
        folder.mkdir()
        for number in range(args.folder):
            source = docs["handout.docx (1 page)"] if number % 2 else docs["deck.pptx (3 slides)"]
            (folder / f"file-{number:03}{source.suffix}").write_bytes(source.read_bytes())
        from kit.core.packs import own_pack

        start = time.perf_counter()
        added, refused = own_pack.add_paths([folder], scratch / "folder-packs", set())
        elapsed = time.perf_counter() - start
        assert len(added) == args.folder and not refused, refused[:3]
        print(
            f"folder of {args.folder} (.docx/.pptx): {elapsed:.1f} s, {args.folder / elapsed:.1f} files/s "
            f"(target {TARGET_FILES_PER_S:.0f} files/s)"
        )


if __name__ == "__main__":
    main()
