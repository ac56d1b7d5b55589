"""The same WSGI app under gunicorn, as docs/classroom-share.md tells a school's IT to run it (loopback only)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from testdata import REPO

from .test_server import _get

pytest.importorskip("gunicorn", reason="gunicorn is a test extra (Unix only)")


def test_gunicorn_with_two_workers_serves_the_share(tmp_path):
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "KIT_RESOURCES": str(REPO / "resources"),
        "KIT_DATA_DIR": str(tmp_path / "data"),
        "HOME": str(tmp_path),  # gunicorn 27 puts its control socket in ~/.gunicorn
    }
    command = [sys.executable, "-m", "gunicorn", "--workers", "2", "--threads", "2", "--bind", "127.0.0.1:0"]
    with subprocess.Popen(
        [*command, "kit.web:create_app()"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
    ) as process:
        try:
            port = None
            deadline = time.monotonic() + 60
            while port is None and time.monotonic() < deadline:
                line = process.stderr.readline()
                assert line, "gunicorn exited before listening"
                if match := re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", line):
                    port = int(match.group(1))
            assert port
            paths = ["/", "/search?q=warning+signs", "/r/exit-ticket", "/r/fr-obtenir-de-l-aide", "/r/user-guide"] * 4
            # Workers open the share's index as they boot; the first requests may wait for them, never fail.
            with ThreadPoolExecutor(4) as pool:
                answers = list(pool.map(lambda p: (p, _get(port, p)[0]), paths))
            assert all(status == (404 if p == "/r/user-guide" else 200) for p, status in answers), answers
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0
