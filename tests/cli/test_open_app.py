"""`kit` with no command opens the app: the quick argument path, and a real launch that keeps running."""

import os
import subprocess
import sys
import time

import pytest

from kit import cli
from testdata import REPO


@pytest.mark.parametrize("argv", [[], ["gui"], ["--data-dir", "DATA"], ["--resources", "RES", "gui"]])
def test_plain_kit_opens_the_app_with_the_given_locations(monkeypatch, tmp_path, argv):
    seen, claims = [], []
    monkeypatch.setenv("KIT_DATA_DIR", str(tmp_path / "env-data"))  # the claim takes a lock there, not in ~
    monkeypatch.setattr(
        "kit.ui.app.run_app", lambda locations, claim, pack: seen.append(locations) or claims.append(claim) or 0
    )
    argv = [str(tmp_path / a) if a in ("DATA", "RES") else a for a in argv]
    assert cli.main(argv) == 0
    assert len(seen) == 1
    assert claims[0].lock.isLocked()  # this start owns its data folder (kit.ui.single_instance)
    claims[0].lock.unlock()
    if "--data-dir" in argv:
        assert seen[0].data_dir == tmp_path / "DATA"
    if "--resources" in argv:
        assert seen[0].resource_dirs == (tmp_path / "RES",)


def test_kit_starts_and_keeps_running_without_errors(tmp_path):
    """The real start path (deferred window, background library load, teacher data), offscreen, for a few
    seconds: it must still be running and have printed nothing alarming."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "KIT_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "kit"], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        time.sleep(6)
        assert process.poll() is None, process.communicate()[1][-2000:]
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=30)
    assert "Traceback" not in err and "Error" not in err, err[-2000:]
    assert (tmp_path / "kit.sqlite3").exists() or any(tmp_path.iterdir())  # the teacher's store was opened
