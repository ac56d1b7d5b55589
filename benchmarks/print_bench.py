"""Printing speed: a 3-page handout (kit vs raw QTextDocument.print_), and a 20-resource packet from the CLI.

Run: python3 benchmarks/print_bench.py   (targets: handout ratio <= 2x; packet <= 3 s including start-up)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HANDOUTS = ("glossary", "warning-signs-sheet")  # 3 and 2 pages on Letter; the second uses a fallback font (☐)
RUNS = 7


def _median_ms(fn, runs: int = RUNS) -> float:
    fn()  # warm up: fonts, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_handout(folder: Path, handout: str) -> tuple[float, float, float, int]:
    from PySide6.QtGui import QPdfWriter, QTextDocument

    from kit.core.content.loader import load_library
    from kit.core.render import markup
    from kit.printing import ensure_gui_application, export_pdf, styles
    from kit.printing.document import resource_html
    from kit.printing.paper import page_layout

    ensure_gui_application()
    library = load_library([REPO / "resources"])
    resource = library.get(handout)
    html = resource_html(resource, "student")  # the same HTML the kit lays out
    bare_html = f"<h1>{resource.title}</h1>" + markup.render(resource, "student").html

    def kit_export():
        return export_pdf([resource], folder / "kit.pdf", paper="letter")

    def raw_print(styled: bool = True):
        """Qt's own print_: same HTML, print styles and fonts (so the same fonts are embedded), no kit pages."""
        document = QTextDocument()
        if styled:
            document.setDefaultFont(styles.body_font())
            document.setDefaultStyleSheet(styles.PRINT_CSS)
        document.setHtml(html if styled else bare_html)
        writer = QPdfWriter(str(folder / "raw.pdf"))
        writer.setPageLayout(page_layout("letter"))
        document.print_(writer)
        del writer

    pages = kit_export().pages
    return _median_ms(kit_export), _median_ms(raw_print), _median_ms(lambda: raw_print(False)), pages


def bench_packet_cli(folder: Path) -> tuple[float, int]:
    from kit.core.content.loader import load_library

    ids = [r.id for r in load_library([REPO / "resources"]).resources if r.language == "en"][:20]
    out = folder / "packet.pdf"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "kit", "export-pdf", *ids, "-o", str(out), "--paper", "a4", "--edition", "teacher"]
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True, cwd=folder)
        times.append(time.perf_counter() - start)
    import pypdf

    return statistics.median(times), len(pypdf.PdfReader(str(out)).pages)


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        handouts = [(handout, *bench_handout(folder, handout)) for handout in HANDOUTS]
        packet_s, packet_pages = bench_packet_cli(folder)
    print("| measure | value | target |")
    print("|---|---|---|")
    for handout, kit_ms, raw_ms, bare_ms, pages in handouts:
        _handout_rows(handout, kit_ms, raw_ms, bare_ms, pages)
    print(
        f"| 20-resource packet, `kit export-pdf` incl. start-up (median of 3) | {packet_s:.2f} s, {packet_pages} pages "
        f"| <= 3 s {'ok' if packet_s <= 3 else 'MISSED'} |"
    )
    return 0


def _handout_rows(handout: str, kit_ms: float, raw_ms: float, bare_ms: float, pages: int) -> None:
    ratio = kit_ms / raw_ms
    print(f"| `{handout}` ({pages} pages, Letter): kit export_pdf, median of {RUNS} | {kit_ms:.1f} ms | |")
    print(f"| same HTML and print styles, raw QTextDocument.print_ to QPdfWriter | {raw_ms:.1f} ms | |")
    print(f"| (reference: unstyled body HTML, raw print_, default font) | {bare_ms:.1f} ms | |")
    print(f"| ratio kit / raw | {ratio:.2f}x | <= 2x {'ok' if ratio <= 2 else 'MISSED'} |")


if __name__ == "__main__":
    sys.exit(main())
