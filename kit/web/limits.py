"""Requests per client: a token bucket per address, so one device (or a script on it) cannot starve the class.

Each address may make BURST requests at once and then RATE per second, which a student never reaches: a page
is one request (the style sheet, script and icon are cached for an hour), search as you type is at most one
request per keystroke after a pause, and a page with a dozen pictures fits in the burst. Beyond that the device
gets a short 429 page that says to wait, with `Retry-After`.

The buckets live in this process (`LocalBuckets`) for the embedded server, which is one process; a server of
several processes (gunicorn's workers) shares one table instead (kit.web.shared_buckets), so a device has the
same allowance whichever worker answers it.
"""

from __future__ import annotations

import math
import threading
import time

from kit.web import strings
from kit.web.app import error_response, send

BURST = 60  # requests an address may make at once
RATE = 5.0  # requests per second an address may keep up
MAX_TRACKED = 4096  # addresses remembered; idle ones (bucket full again) are forgotten first


def refill(tokens: float, then: float, now: float, burst: float, rate: float) -> float:
    """The tokens in a bucket last counted at `then`, at `now`: back at `rate` a second, never above `burst`."""
    return min(burst, tokens + max(0.0, now - then) * rate)


class LocalBuckets:
    """The buckets of one process: a dict under a lock."""

    def __init__(self):
        self._buckets: dict[str, tuple[float, float]] = {}  # address -> (tokens, when counted)
        self._lock = threading.Lock()

    def take(self, address: str, now: float, burst: int, rate: float) -> float:
        """Take a token for `address`: 0 when the request may go ahead, else the seconds until one is free."""
        with self._lock:
            tokens, then = self._buckets.get(address, (burst, now))
            tokens = refill(tokens, then, now, burst, rate)
            if tokens >= 1:
                self._buckets[address] = (tokens - 1, now)
                if len(self._buckets) > MAX_TRACKED:
                    self._forget_idle(now, burst / rate)
                return 0.0
            self._buckets[address] = (tokens, now)
            return (1 - tokens) / rate

    def _forget_idle(self, now: float, full_after: float) -> None:
        idle = [a for a, (_, then) in self._buckets.items() if now - then >= full_after]
        for address in idle or sorted(self._buckets, key=lambda a: self._buckets[a][1])[: MAX_TRACKED // 2]:
            del self._buckets[address]


class RequestLimit:
    """WSGI middleware: a token bucket per REMOTE_ADDR in front of `app` (kept in `buckets`, this process's
    own unless given)."""

    def __init__(self, app, burst: int = BURST, rate: float = RATE, clock=time.monotonic, buckets=None):
        self.app = app
        self.burst, self.rate, self.clock = burst, rate, clock
        self.buckets = buckets if buckets is not None else LocalBuckets()

    def wait_needed(self, address: str) -> float:
        """Take a token for `address`: 0 when the request may go ahead, else the seconds until one is free."""
        return self.buckets.take(address, self.clock(), self.burst, self.rate)

    def __call__(self, environ, start_response):
        wait = self.wait_needed(environ.get("REMOTE_ADDR", ""))
        if not wait:
            return self.app(environ, start_response)
        language = strings.preferred_language(environ.get("HTTP_ACCEPT_LANGUAGE", "")[:200])
        # No way back on this page: behind a classroom code, "/" would not be the library.
        response = error_response(
            "429 Too Many Requests", "too_many", language, back=False, extra=(("Retry-After", str(math.ceil(wait))),)
        )
        return send(response, environ, start_response)
