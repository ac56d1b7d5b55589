"""Disk full for real (bad-inputs.md U2, F3): a 1 MB tmpfs in a private mount namespace.

Saving a note too big for the disk says "disk is full" and keeps the old note; importing a pack that
does not fit says "not enough space" and installs nothing; an atomic file save keeps the old file.
Skipped where `unshare -m` is not allowed.
"""

import json
import shutil
import subprocess
import sys

import pytest

from testdata import REPO

PROBE = """
import json, sys
from pathlib import Path
from kit.core import atomic
from kit.core.packs import importer
from kit.core.store.database import Store, StoreError
data = Path(sys.argv[1])
out = {}
(data / "settings.txt").write_text("old settings")
store = Store.open(data)
store.set_note("a", "the old note")
try:
    store.set_note("a", "x" * 3_000_000)
except StoreError as exc:
    out["note_error"] = str(exc)
out["note_after"] = store.note("a")
store.set_note("b", "small notes still save")  # the failed write was rolled back whole
out["small"] = store.note("b")
out["integrity"] = store.integrity_ok()
try:
    atomic.atomic_write_bytes(data / "settings.txt", b"y" * 3_000_000)
except OSError as exc:
    out["save_error"] = exc.strerror
out["settings"] = (data / "settings.txt").read_text()
try:
    importer.import_pack(Path(sys.argv[2]), data / "packs")
except importer.PackError as exc:
    out["import_error"] = str(exc)
from kit.core.packs import exporter
from kit.core.content.loader import load_library
library = load_library([Path(sys.argv[3])])
try:
    exporter.export_pack(library, [library.packs[0].id], data / "out.kitpack")
except importer.PackError as exc:
    out["export_error"] = str(exc)
out["exported"] = (data / "out.kitpack").exists()
out["packs"] = sorted(p.name for p in (data / "packs").iterdir()) if (data / "packs").exists() else []
out["temp_left"] = [p.name for p in data.iterdir() if p.name.startswith(".kit-tmp-")]
print(json.dumps(out))
"""


def test_full_disk_loses_nothing(tmp_path):
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare -m")
    data = tmp_path / "small-disk"
    data.mkdir()
    big = tmp_path / "big.kitpack"
    from kit.core.content.loader import load_library
    from kit.core.packs import exporter

    library = load_library([REPO / "resources"])
    exporter.export_pack(library, [library.packs[0].id], big)
    resources = REPO / "resources"
    script = f"mount -t tmpfs -o size=1m tmpfs {data} && exec {sys.executable} -c '{PROBE}' {data} {big} {resources}"
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    if result.returncode != 0 and "mount" in result.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["note_error"] == "not saved: the disk is full; free some space and try again"
    assert seen["note_after"] == "the old note"
    assert seen["small"].startswith("small notes") and seen["integrity"]
    assert seen["save_error"] == "No space left on device" and seen["settings"] == "old settings"
    assert "not enough space" in seen["import_error"]
    assert seen["export_error"].startswith("not enough space") and not seen["exported"]
    assert seen["packs"] == [] and seen["temp_left"] == []


INDEX_PROBE = """
import json, sys
from pathlib import Path
from kit.cli import main
from kit.core.content.loader import load_library
from kit.core.search import SearchIndex
disk, resources = Path(sys.argv[1]), Path(sys.argv[2])
out = {}
library = load_library([resources])
# 1. Build on a disk too small for the index: aborted cleanly, searched in memory, told what to free.
index = SearchIndex.open(disk / "index", library)
out["built_notice"], out["built_location"] = index.notice, index.location
out["built_hits"] = index.search("trafficking").total
out["left_on_disk"] = sorted(str(p.relative_to(disk)) for p in disk.rglob("*") if p.is_file())
main(["--resources", str(resources), "search", "trafficking"])  # the CLI says the same, and still answers
print("--- CLI ABOVE ---", flush=True)
print(json.dumps(out))
"""

UPDATE_PROBE = """
import json, os, sys
from pathlib import Path
from kit.core.content.loader import load_library
from kit.core.search import SearchIndex
disk, resources = Path(sys.argv[1]), Path(sys.argv[2])
out = {}
index = SearchIndex.open(disk / "index", load_library([resources]))
out["first_location"] = str(index.location)
filler = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)  # the disk fills up while the kit runs
try:
    while os.write(filler, b"x" * 4096):
        pass
except OSError:
    os.close(filler)
page = next(resources.rglob("what-is-human-trafficking.md"))
page.write_text(page.read_text(encoding="utf-8") + "\\n\\nZanzibarquokka is a word only this change adds.\\n", encoding="utf-8")
try:
    index.update(load_library([resources]))
except BaseException as exc:
    out["update_raised"] = repr(exc)
out["update_notice"] = index.notice
out["new_word_found"] = index.search("zanzibarquokka").total
(disk / "filler").unlink()
again = SearchIndex.open(disk / "index", load_library([resources]))  # space freed: on disk again, the change caught up
out["again_location"], out["again_notice"] = str(again.location), again.notice
out["again_found"] = again.search("zanzibarquokka").total
print(json.dumps(out))
"""


def _on_small_disk(tmp_path, size: str, probe: str, resources) -> subprocess.CompletedProcess:
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare -m")
    disk = tmp_path / "small disk"
    disk.mkdir()
    script = f'mount -t tmpfs -o size={size} tmpfs "$1" && exec "$2" -c "$3" "$1" "$4"'
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "sh", str(disk), sys.executable, probe, str(resources)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "KIT_CACHE_DIR": str(disk / "cache"),
             "KIT_DATA_DIR": str(disk / "data"), "HOME": str(tmp_path)},
        timeout=180,
    )  # fmt: skip
    if result.returncode != 0 and "mount" in result.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def test_index_build_on_a_full_disk_is_aborted_cleanly_and_says_what_to_free(tmp_path):
    """F3: a 300 KB disk for an index of ~600 KB. The half-built index is removed (it held the whole disk),
    search answers from memory, and the notice (app and CLI) says the disk is full and how much to free."""
    result = _on_small_disk(tmp_path, "300k", INDEX_PROBE, REPO / "resources")
    cli, _, report = result.stdout.partition("--- CLI ABOVE ---\n")
    seen = json.loads(report)
    assert seen["built_notice"].startswith("The disk holding the search index is full: free about ")
    assert seen["built_location"] is None and seen["built_hits"] > 0
    assert seen["left_on_disk"] == []
    assert "kit: The disk holding the search index is full: free about" in result.stderr
    assert "trafficking" in cli.lower()  # the CLI's results are listed after its notice


def test_index_update_on_a_disk_that_fills_up_keeps_the_last_index_and_answers(tmp_path):
    """F3 while running: the disk fills after the index was built; the next update's commit fails. Nothing raises,
    the change is searchable from memory, and once space is freed the index on disk opens and catches up."""
    resources = tmp_path / "resources"
    shutil.copytree(REPO / "resources" / "trafficking", resources / "trafficking")
    seen = json.loads(_on_small_disk(tmp_path, "3m", UPDATE_PROBE, resources).stdout)
    assert "update_raised" not in seen, seen.get("update_raised")
    assert seen["update_notice"].startswith("The disk holding the search index is full")
    assert seen["new_word_found"] == 1
    assert seen["again_location"] == seen["first_location"] != "None"
    assert seen["again_notice"] is None and seen["again_found"] == 1
