"""F1/F2 for real: the data dir on a read-only file system (a read-only bind mount in a private mount namespace).

A WAL database there cannot even be read the usual way (bad-inputs.md E7); the store must open it
read-only (immutable=1), show the data, refuse changes with a clear message, and write nothing.
Skipped where `unshare -m` is not allowed (not root, or a container without the capability).
"""

import json
import shutil
import subprocess
import sys

import pytest

from kit.core.store.database import DB_NAME, LessonItem, Store
from testdata import REPO

PROBE = """
import json, sys
from pathlib import Path
from kit.core.store.database import Store, StoreError
store = Store.open(Path(sys.argv[1]))
try:
    store.set_note("x", "new")
    refused = None
except StoreError as exc:
    refused = str(exc)
print(json.dumps({"read_only": store.read_only, "notice": store.notice, "note": store.note("kept"),
                  "lessons": [l.title for l in store.lessons()], "refused": refused}))
"""


def read_only_mount_works(tmp_path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount --bind {tmp_path} {tmp_path} && mount -o remount,bind,ro {tmp_path}"],
        capture_output=True,
    )
    return probe.returncode == 0


def run_read_only(data, *args):
    """Run python with `args` while `data` is mounted read-only (only inside that process's namespace)."""
    quoted = " ".join("'" + a.replace("'", "'\\''") + "'" for a in args)
    script = f"mount --bind {data} {data} && mount -o remount,bind,ro {data} && exec {sys.executable} {quoted}"
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "KIT_DATA_DIR": str(data)},
        timeout=60,
    )


def test_cli_on_a_read_only_data_dir_lists_and_refuses_imports_in_one_line(tmp_path):
    if not read_only_mount_works(tmp_path):
        pytest.skip("cannot make a read-only mount here (needs unshare -m)")
    data = tmp_path / "data"
    (data / "packs").mkdir(parents=True)
    listed = run_read_only(data, "-m", "kit", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)
    imported = run_read_only(data, "-m", "kit", "pack", "import", str(REPO / "tests/data/bad_packs/good.kitpack"))
    assert imported.returncode == 1
    lines = imported.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write in" in lines[0] and "Read-only file system" in lines[0], lines
    added = run_read_only(data, "-m", "kit", "add", str(REPO / "resources/trafficking/glossary.md"))
    assert added.returncode == 1 and "Read-only file system" in added.stderr and "Traceback" not in added.stderr
    assert list(data.rglob("*")) == [data / "packs"]


def test_wal_database_on_read_only_media_opens_read_only(tmp_path):
    if not read_only_mount_works(tmp_path):
        pytest.skip("cannot make a read-only mount here (needs unshare -m)")
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.set_note("kept", "written before the stick was locked")
        store.create_lesson("Kept lesson", items=[LessonItem("a", 5)])
    before = sorted((p.name, p.stat().st_size) for p in data.iterdir())
    result = run_read_only(data, "-c", PROBE, str(data))
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["read_only"] and "read-only" in seen["notice"]
    assert seen["note"] == "written before the stick was locked"
    assert seen["lessons"] == ["Kept lesson"]
    assert "read-only" in seen["refused"]
    assert sorted((p.name, p.stat().st_size) for p in data.iterdir()) == before
    assert (data / DB_NAME).exists()
