"""Hostile pages of issue 15 (a, b): seconds for `kit index` and `kit validate`, this checkout beside a reference.

Run: python benchmarks/bounded_work_bench.py [--reference COMMIT] [--timeout S]

Each case is a one-page pack; each command runs as a user would (a subprocess, fresh data dirs). The reference
commit's kit/ is extracted with `git archive` into a temporary folder and run the same way; a run that passes
the timeout is shown as "> S". The default reference is the commit before the bounded-work changes.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FRONT = "---\ntitle: Hostile\nkind: article\nsummary: A benchmark page.\naudience: [grades-9-10]\nlanguage: en\n---\n"

# name: (command, body). The index cases are ~3 KB; the render cases are the 30–40 KB pages of the issue.
CASES = {
    "heading + 3,000 spaces": ("index", "# a" + " " * 3000 + "x\n"),
    "3,000 dashes + letter": ("index", "-" * 3000 + "a\n"),
    "3,000 '# '": ("index", "# " * 1500 + "a\n"),
    "3,000 refs to one footnote": ("validate", "word[^1]\n\n" * 3000 + "[^1]: the note\n"),
    "4,000 duplicate ATX headings": ("validate", "# same\n\n" * 4000),
    "3,000 duplicate setext headings": ("validate", "same\n====\n\n" * 3000),
    "5,000 [TOC] markers": ("validate", "[TOC]\n\n" * 5000),
    "2,500 [TOC] + headings": ("validate", "[TOC]\n\n# h\n\n" * 2500),
    "bundled kit (reference load)": ("validate", None),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reference", default="1c6fea6", help="commit to compare with (default: before the fix)")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        reference = _extract(args.reference, scratch_dir / "reference")
        print(f"{'case':34} {'command':9} {'KB':>6} {'this checkout':>14} {args.reference:>14}")
        for name, (command, body) in CASES.items():
            pack = REPO / "resources" if body is None else _pack(scratch_dir / f"pack-{len(name)}-{hash(name)}", body)
            size = sum(p.stat().st_size for p in pack.rglob("*.md")) / 1024
            now = _run(REPO, command, pack, scratch_dir, args.timeout)
            before = _run(reference, command, pack, scratch_dir, args.timeout)
            print(f"{name:34} {command:9} {size:6.1f} {now:>14} {before:>14}", flush=True)


def _extract(commit: str, target: Path) -> Path:
    archive = subprocess.run(["git", "archive", commit, "kit"], cwd=REPO, capture_output=True, check=True).stdout
    target.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def _pack(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text("id: hostile\ntitle: Hostile\nversion: '1'\nlanguage: en\n", encoding="utf-8")
    (folder / "page.md").write_text(FRONT + body, encoding="utf-8")
    return folder


def _run(code: Path, command: str, pack: Path, scratch: Path, timeout: float) -> str:
    home = Path(tempfile.mkdtemp(dir=scratch))
    env = {
        **os.environ,
        "PYTHONPATH": str(code),
        "KIT_DATA_DIR": str(home / "data"),
        "KIT_CACHE_DIR": str(home / "cache"),
        "KIT_CONFIG_DIR": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    argv = [sys.executable, "-m", "kit", "--resources", str(pack), command]
    if command == "validate":
        argv.append(str(pack))
    start = time.perf_counter()
    try:
        subprocess.run(argv, env=env, capture_output=True, timeout=timeout, cwd=scratch)
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s"
    return f"{time.perf_counter() - start:.2f} s"


if __name__ == "__main__":
    main()
