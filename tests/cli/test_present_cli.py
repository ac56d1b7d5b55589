"""`kit present ID` (architecture.md §9): a user mistake is one clear line and exit 1, before any window opens."""

import os
import subprocess
import sys
import time

from testdata import REPO


def kit(*args, cwd, env=None):
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kit", *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=60
    )


def test_present_unknown_id_is_one_clear_line_and_exit_1(tmp_path):
    # No display at all: reaching Qt would abort instead of printing the error, so this also proves
    # the id is checked before any window is made.
    start = time.perf_counter()
    result = kit("present", "no-such-guide", cwd=tmp_path, env={"QT_QPA_PLATFORM": "no-such-platform"})
    assert result.returncode == 1
    assert result.stderr.strip() == "kit: no resource with id 'no-such-guide' (see 'kit list')"
    assert result.stdout == ""
    assert time.perf_counter() - start < 30  # generous: interpreter start and loading the kit


def test_present_bad_slide_number_is_a_clear_error(tmp_path):
    result = kit("present", "guide-what-is-trafficking", "--slide", "0", cwd=tmp_path, env={"QT_QPA_PLATFORM": "x"})
    assert result.returncode == 1 and result.stderr.strip() == "kit: --slide must be 1 or more, not 0"


def test_present_is_listed_in_help(tmp_path):
    result = kit("--help", cwd=tmp_path)
    assert result.returncode == 0 and "present" in result.stdout
    usage = kit("present", cwd=tmp_path)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
