"""The per-device limit shared by forked workers (kit.web.shared_buckets), as gunicorn --preload forks them."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from kit.web.shared_buckets import SharedBuckets

pytestmark = pytest.mark.skipif(os.name == "nt", reason="forked workers share memory on Unix only, like gunicorn")
NOW = 1_000.0  # a fixed clock: no token comes back while the workers ask


def _worker(buckets, address, asks, results):
    made_here = buckets is None
    buckets = buckets or SharedBuckets()
    granted = sum(1 for _ in range(asks) if buckets.take(address, NOW, 60, 5.0) == 0)
    results.put((granted, buckets.shared, made_here))


def _run(buckets, asks=40, workers=2):
    context = multiprocessing.get_context("fork")  # as gunicorn makes its workers
    results = context.Queue()
    processes = [context.Process(target=_worker, args=(buckets, "10.0.0.7", asks, results)) for _ in range(workers)]
    for process in processes:
        process.start()
    answers = [results.get(timeout=30) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    return answers


def test_a_table_made_before_the_fork_is_one_allowance_for_all_workers():
    answers = _run(SharedBuckets())
    assert sum(granted for granted, _, _ in answers) == 60  # 2 x 40 asked, one burst of 60 granted in all
    assert all(shared for _, shared, _ in answers)


def test_a_table_made_in_each_worker_is_that_workers_own():
    answers = _run(None)
    assert [granted for granted, _, _ in answers] == [40, 40]  # each worker its own burst: what the log warns of
    assert not any(shared for _, shared, _ in answers)


def test_refill_rate_and_other_devices():
    buckets = SharedBuckets()
    assert [buckets.take("a", NOW, 3, 2.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a", NOW, 3, 2.0) == pytest.approx(0.5)  # one token comes back in half a second
    assert buckets.take("b", NOW, 3, 2.0) == 0.0  # another device has its own bucket
    assert buckets.take("a", NOW + 0.5, 3, 2.0) == 0.0
    assert buckets.take("a", NOW + 0.5, 3, 2.0) > 0
    assert buckets.take("a", NOW + 100, 3, 2.0) == 0.0  # full again, never above the burst
    assert [buckets.take("a", NOW + 100, 3, 2.0) == 0.0 for _ in range(3)] == [True, True, False]


def test_a_full_table_forgets_the_oldest_device_never_refuses_a_new_one():
    buckets = SharedBuckets(slots=32)
    for n in range(5_000):  # far more devices than slots, each asking twice
        assert buckets.take(f"10.0.{n // 256}.{n % 256}", NOW + n * 0.001, 2, 0.001) == 0.0
        assert buckets.take(f"10.0.{n // 256}.{n % 256}", NOW + n * 0.001, 2, 0.001) == 0.0
    assert buckets.take("10.0.19.135", NOW + 5, 2, 0.001) > 0  # the latest one is remembered: its burst is spent


def test_the_school_app_checks_the_code_and_says_when_its_limit_is_not_shared(tmp_path):
    import io

    from kit.core.paths import resolve_locations
    from kit.web import create_school_app
    from kit.web.school import WORKER_NOTE
    from testdata import REPO
    from web.conftest import call

    app = create_school_app(resolve_locations([REPO / "resources"], tmp_path / "data", environ={}), code="K7RM4")
    # Made and used in this one process (no fork after it, as without gunicorn --preload): its log says so, once.
    log = io.StringIO()
    for _ in range(2):
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/K7RM4/", "QUERY_STRING": "", "wsgi.errors": log}
        assert b"<main" in b"".join(app(environ, lambda status, headers: None))
    assert log.getvalue() == WORKER_NOTE and not app.buckets.shared
    wrong = call(app, "/")
    assert wrong.status == 404 and "exit-ticket" not in wrong.text
    assert call(app, "/k7rm4/r/exit-ticket").status == 200
    with pytest.raises(ValueError):
        create_school_app(code="0OIL1")  # look-alike letters are never a classroom code
