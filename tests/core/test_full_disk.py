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
