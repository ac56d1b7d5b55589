"""The same WSGI app under gunicorn, as docs/classroom-share.md tells a school's IT to run it (loopback only)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from kit.web.limits import BURST, RATE
from testdata import REPO

from .test_server import _get

pytest.importorskip("gunicorn", reason="gunicorn is a test extra (Unix only)")


@contextlib.contextmanager
def gunicorn(tmp_path, app: str, *options: str):
    """gunicorn with two workers on 127.0.0.1 serving `app`; yields its port, stops it with SIGTERM after."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "KIT_RESOURCES": str(REPO / "resources"),
        "KIT_DATA_DIR": str(tmp_path / "data"),
        "HOME": str(tmp_path),  # gunicorn 27 puts its control socket in ~/.gunicorn
    }
    command = [sys.executable, "-m", "gunicorn", "--workers", "2", "--threads", "2", "--bind", "127.0.0.1:0"]
    with subprocess.Popen(
        [*command, *options, app], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
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
            yield port
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0


def test_gunicorn_with_two_workers_serves_the_share(tmp_path):
    with gunicorn(tmp_path, "kit.web:create_app()") as port:
        paths = ["/", "/search?q=warning+signs", "/r/exit-ticket", "/r/fr-obtenir-de-l-aide", "/r/user-guide"] * 4
        # Workers open the share's index as they boot; the first requests may wait for them, never fail.
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda p: (p, _get(port, p)[0]), paths))
        assert all(status == (404 if p == "/r/user-guide" else 200) for p, status in answers), answers


def test_gunicorn_preloaded_keeps_the_classroom_code_and_one_limit_across_workers(tmp_path):
    """docs/classroom-share.md: with --preload, `create_school_app` checks the code in every worker and a device
    has one allowance (BURST at once, then RATE a second) whichever worker answers it."""
    log = tmp_path / "access.log"
    options = ("--preload", "--access-logfile", str(log), "--access-logformat", "%(p)s %(s)s %(U)s")
    with gunicorn(tmp_path, 'kit.web:create_school_app(code="K7RM4")', *options) as port:
        first = time.monotonic()
        assert _get(port, "/K7RM4/")[0] == 200  # the first request builds that worker's share app
        paths = ["/", "/r/exit-ticket", "/K7RM4/r/exit-ticket", "/k7rm4/search?q=myths", "/XXXXX/"] * 40
        with ThreadPoolExecutor(8) as pool:  # a new connection each: gunicorn hands them to either worker
            answers = list(pool.map(lambda p: (p, _get(port, p)[0]), paths))
        elapsed = time.monotonic() - first
    served = [p for p, status in answers if status != 429]
    refused = [p for p, status in answers if status == 429]
    # Without the code: the wrong-code page; with it (any case): the page. Never the kit without the code.
    assert all(status in (404, 429) for p, status in answers if "7RM4" not in p.upper())
    assert all(status in (200, 429) for p, status in answers if "7RM4" in p.upper())
    allowance = BURST + RATE * elapsed + 1  # +1: the request that built the app
    assert BURST - 1 <= len(served) <= allowance, (len(served), elapsed)
    assert refused  # the rest: 429 with its page
    lines = [line.split() for line in log.read_text().splitlines()]
    workers = {pid for pid, status, _ in lines if status != "429"}
    assert len(workers) == 2  # both workers served this device, from the one allowance
