"""Requests per client: a token bucket per address, a clear 429 page, and the other devices unaffected."""

from __future__ import annotations

import pytest

from kit.web.class_code import ClassCode
from kit.web.limits import RequestLimit
from web.conftest import call


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def _from(app, address: str, path: str = "/"):
    return call(app, path, headers={}, remote=address)


@pytest.fixture
def clock():
    return Clock()


def test_a_burst_then_the_rate_then_429_with_retry_after(bundled_app, clock):
    limited = RequestLimit(bundled_app, burst=5, rate=2.0, clock=clock)
    assert [_from(limited, "10.0.0.7").status for _ in range(5)] == [200] * 5
    refused = _from(limited, "10.0.0.7")
    assert refused.status == 429 and refused.headers["Retry-After"] == "1"
    assert "Too many pages at once" in refused.text and "Wait a moment" in refused.text
    assert (
        refused.headers["Cache-Control"] == "no-store"
        and "default-src 'self'" in refused.headers["Content-Security-Policy"]
    )
    assert _from(limited, "10.0.0.8").status == 200  # another student's device is not held back
    clock.now += 0.5  # one token back at 2 per second
    assert _from(limited, "10.0.0.7").status == 200
    assert _from(limited, "10.0.0.7").status == 429
    clock.now += 60  # a quiet minute refills the bucket, never beyond the burst
    assert [_from(limited, "10.0.0.7").status for _ in range(6)] == [200] * 5 + [429]


def test_the_default_limit_lets_a_student_type_a_search_letter_by_letter(bundled_app, clock):
    limited = RequestLimit(bundled_app, clock=clock)
    word = "recruitment warning signs"
    for end in range(2, len(word) + 1):  # the search-as-you-type script: at most one request per keystroke
        assert call(limited, "/search", "q=" + word[:end], remote="10.0.0.9").status == 200
        clock.now += 0.18
    for _ in range(15):  # then a page with a dozen pictures, all at once
        assert _from(limited, "10.0.0.9", "/").status == 200


def test_429_behind_a_classroom_code_is_in_the_students_language(bundled_app, clock):
    limited = RequestLimit(ClassCode(bundled_app, "K7RM4"), burst=1, rate=0.1, clock=clock)
    assert _from(limited, "10.0.0.5", "/K7RM4/").status == 200
    reply = call(limited, "/K7RM4/", headers={"Accept-Language": "fr"}, remote="10.0.0.5")
    assert reply.status == 429 and reply.headers["Retry-After"] == "10" and "Trop de pages" in reply.text


def test_the_address_table_stays_bounded(bundled_app, clock):
    limited = RequestLimit(lambda environ, start: [b""], burst=2, rate=1.0, clock=clock)
    for n in range(10_000):
        limited.wait_needed(f"10.{n // 65536}.{n // 256 % 256}.{n % 256}")
        clock.now += 0.01
    assert len(limited.buckets._buckets) <= 4097


def test_the_embedded_server_limits_each_client(bundled_app):
    import http.client

    from kit.web.server import ShareServer

    server = ShareServer(bundled_app, "127.0.0.1", 0)
    server.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        statuses = []
        for _ in range(80):  # far faster than 5 per second: the burst of 60 goes, then 429s
            connection.request("GET", "/static/icon.svg")
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
        connection.close()
        assert statuses[:55] == [200] * 55 and statuses[-1] == 429
    finally:
        server.stop()
