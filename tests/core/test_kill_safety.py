"""SIGKILL at random moments during a pack import, a note save and a lesson edit: nothing is ever half-written.

The fast version runs in the default suite; the slow one (`pytest -m slow`) does 120 kills and prints
the figures. After each kill: the store opens with no notice and passes `PRAGMA integrity_check`,
every note and lesson is whole, every pack folder is fully there (all checksums) or absent.
"""

import collections
import hashlib
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from kit.core.content.loader import load_library
from kit.core.packs import exporter, importer, installed, tidy
from kit.core.packs.lessons import lesson_entry, store_pending_lessons
from kit.core.packs.manifest import INSTALLED_MANIFEST, LESSONS_PENDING, parse_manifest, verify_installed
from kit.core.paths import Locations
from kit.core.store.database import Store
from testdata import REPO

WORKER = REPO / "tests" / "core" / "kill_worker.py"
# Each run keeps the worker on one kind of work, so kills land inside each kind, not mostly in the slowest.
FOCUS = ("import", "note", "lesson", "add", "pack-lessons", "mixed")
LESSONS_DIR = "data-lessons"  # pack-lessons runs alone: the other runs' lesson edits would change the counts


def whole_text(text):
    digest, _, payload = text.partition(":")
    return hashlib.sha256(payload.encode()).hexdigest() == digest


def losses_after_kill(data_dir, stats=None) -> list[str]:
    """What a kill broke (empty when nothing): checked before and after the start-up tidy."""
    lost = []
    packs_dir = data_dir / "packs"
    if stats is not None and packs_dir.exists():
        names = [p.name for p in packs_dir.iterdir()]
        stats["kills mid-import (staging left)"] += any(n.startswith(".incoming-") for n in names)
        stats["kills mid-replace (old copy aside)"] += any(n.startswith(".old-") for n in names)
        stats["kills mid-remove"] += any(n.startswith(".removing-") for n in names)
    for stage in ("before recover", "after recover"):
        for folder in installed.installed_pack_dirs(packs_dir):
            if folder.name == "own":  # written file by file (each atomic), checked by loading below
                continue
            if problem := verify_installed(folder):
                lost.append(f"{stage}: pack {folder.name} is half there: {problem}")
        if stage == "before recover":
            installed.recover(packs_dir, older_than_s=-1)
            with Store.open(data_dir) as store:  # as start-up tidying does
                store_pending_lessons(store, packs_dir)
    leftovers = [p.name for p in packs_dir.iterdir() if p.name.startswith(".")] if packs_dir.exists() else []
    if leftovers:
        lost.append(f"leftovers after recover: {leftovers}")
    with Store.open(data_dir) as store:
        if store.notice:
            lost.append(f"store: {store.notice}")
        if not store.integrity_ok():
            lost.append("store fails integrity_check")
        for resource_id, text in store.notes().items():
            if not whole_text(text):
                lost.append(f"note {resource_id} is torn")
        for lesson in store.lessons():
            if len(lesson.items) != 3 or lesson.total_minutes != 30:
                lost.append(f"lesson {lesson.id} is half-saved: {lesson.items}")
        if data_dir.name == LESSONS_DIR:
            lost += pack_lessons_lost(store, packs_dir)
    own = packs_dir / "own"
    if own.exists():
        from kit.core.content.loader import load_library

        library = load_library([own])
        if library.errors() or not library.packs:
            lost.append(f"own pack does not load: {[str(p) for p in library.errors()[:2]]}")
    settings = data_dir / "settings.txt"
    if settings.exists() and not whole_text(settings.read_text(encoding="utf-8")):
        lost.append("settings.txt is torn")
    return lost


def pack_lessons_lost(store, packs_dir) -> list[str]:
    """Every installed pack has all its lessons in the store (one copy each); a pack's lessons are all or none."""
    lost = []
    counts = dict(store._conn.execute("SELECT source_pack, COUNT(*) FROM lessons GROUP BY source_pack").fetchall())
    for folder in installed.installed_pack_dirs(packs_dir):
        if folder.name == "own":
            continue
        carried = len(parse_manifest((folder / INSTALLED_MANIFEST).read_bytes()).lessons)
        if (folder / LESSONS_PENDING).exists() or counts.get(folder.name, 0) != carried:
            lost.append(f"pack {folder.name} is installed with {counts.get(folder.name, 0)} of its {carried} lessons")
    lost += [f"pack {pack} left {n} lessons (a part)" for pack, n in counts.items() if pack and n not in (0, 2)]
    return lost


def run_kills(tmp_path, pack_file, runs: int, seed: int, stats=None) -> tuple[int, list[str]]:
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    losses = []
    killed = 0
    for run in range(runs):
        focus = FOCUS[run % len(FOCUS)]
        data_dir = tmp_path / (LESSONS_DIR if focus == "pack-lessons" else "data")
        errors = tmp_path / "worker-stderr.txt"
        with errors.open("wb") as stderr:
            worker = subprocess.Popen(
                [sys.executable, str(WORKER), str(data_dir), str(pack_file), str(seed * 1000 + run), focus],
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=env,
            )
            try:
                assert worker.stdout.readline().strip() == b"ready", errors.read_text()
                time.sleep(rng.uniform(0.0, 0.8))
                if worker.poll() is None:
                    worker.send_signal(signal.SIGKILL)
                    killed += 1
                worker.wait(timeout=30)
                interrupted = worker.stdout.read().split()
                if stats is not None and interrupted:
                    stats[f"killed during {interrupted[-1].decode()}"] += 1
            finally:
                if worker.poll() is None:
                    worker.kill()
                worker.stdout.close()
        if worker.returncode != -signal.SIGKILL:
            losses.append(f"run {run}: the worker stopped by itself: {errors.read_text()[-500:]}")
        losses += [f"run {run}: {line}" for line in losses_after_kill(data_dir, stats)]
    return killed, losses


@pytest.fixture
def pack_file(tmp_path, bundled_dir):
    library = load_library([bundled_dir])
    out = tmp_path / "kit.kitpack"
    ids = [r.id for r in library.resources if r.pack == library.packs[0].id]
    # Two lessons of 3 items and 30 minutes each, as every lesson the worker writes (pack_lessons_lost counts 2).
    lessons = [lesson_entry(f"Pack lesson {n}", "9A", None, [(ids[0], 10)] * 3) for n in range(2)]
    exporter.export_pack(library, [library.packs[0].id], out, lessons=lessons)
    return out


def test_a_kill_between_the_rename_and_the_lessons_leaves_them_for_start_up(tmp_path, pack_file):
    locations = Locations((), tmp_path / "data", tmp_path / "cache", tmp_path / "config")
    # The process dies here, after the pack's rename and before its lessons reach the store.
    importer.import_pack(pack_file, locations.own_packs_dir, on_conflict="replace")
    for _ in range(2):  # the next start stores them; a start after that changes nothing
        tidy.tidy(locations)
        with Store.open(locations.data_dir) as store:
            assert sorted(lesson.title for lesson in store.lessons()) == ["Pack lesson 0", "Pack lesson 1"]
            assert pack_lessons_lost(store, locations.own_packs_dir) == []


def test_kills_lose_nothing_fast(tmp_path, pack_file):
    killed, losses = run_kills(tmp_path, pack_file, runs=12, seed=1)
    assert losses == []
    assert killed >= 10


@pytest.mark.slow
def test_kills_lose_nothing_slow(tmp_path, pack_file):
    started = time.monotonic()
    stats = collections.Counter()
    killed, losses = run_kills(tmp_path, pack_file, runs=120, seed=2, stats=stats)
    print(f"\nkill test: {killed} SIGKILLs, {len(losses)} losses, {time.monotonic() - started:.0f} s; {dict(stats)}")
    assert losses == []
    assert killed >= 100
