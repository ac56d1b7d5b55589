"""The embedded server for a classroom share: cheroot (pure Python, BSD; Kolibri serves with it) on a thread.

`ShareServer(app, host, port).start()` binds at once (so a busy port fails before anything is printed) and
serves on a background thread; `stop()` closes the socket and waits for the workers. The window never waits
on it, and if it dies the app and the teacher's data are untouched: the share only reads.
"""

from __future__ import annotations

import os
import socket
import threading
import time

DEFAULT_PORT = 8800
ALL_INTERFACES = "0.0.0.0"
WORKER_THREADS = 16  # cheroot parks idle keep-alive connections in a selector, so 16 serve a full class
MAX_HEADER_BYTES = 16 * 1024
MAX_BODY_BYTES = 1024  # nothing is ever uploaded; a request with a body gets 413 before the app sees it
SLOW_CLIENT_TIMEOUT_S = 10  # a client that stops sending mid-request is dropped after this
# The listen backlog: cheroot's default of 5 drops the connections of a class that opens the page at once (the
# benchmark's 40 students waited 1.4 s for the kernel to retry them).
LISTEN_BACKLOG = 128
DEVICE_WINDOW_S = 300  # a device counts as reading if it asked for a page in the last five minutes
PORT_TRIES = 10  # a busy port (another share, another program) moves the share to one of the next few ports


class DeviceCounter:
    """WSGI middleware that remembers which addresses got a page recently (for "N devices reading")."""

    def __init__(self, app):
        self.app = app
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        def counted(status, headers, exc_info=None):
            # Only a device that got a page counts: not one without the classroom code, nor one held back (429).
            if status[:1] in ("2", "3"):
                self._saw(environ.get("REMOTE_ADDR", ""))
            return start_response(status, headers, exc_info)

        return self.app(environ, counted)

    def _saw(self, address: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._seen[address] = now
            if len(self._seen) > 4096:  # forget the oldest half rather than grow without bound
                for key, _ in sorted(self._seen.items(), key=lambda kv: kv[1])[:2048]:
                    del self._seen[key]

    def recent(self, window_s: float = DEVICE_WINDOW_S) -> int:
        cutoff = time.monotonic() - window_s
        with self._lock:
            return sum(1 for seen in self._seen.values() if seen >= cutoff)


class ShareServer:
    """One WSGI app served on one address until `stop()`."""

    def __init__(self, app, host: str = ALL_INTERFACES, port: int = DEFAULT_PORT, *, limit: bool = True):
        # Here, not at the top: `kit serve --help` reads this module's constants without loading the pages.
        from kit.web.limits import RequestLimit

        # Outside in: count the device, then its bucket (kit.web.limits), then the app.
        self.devices = DeviceCounter(RequestLimit(app) if limit else app)
        self.host = host
        self._requested_port = port
        self._server = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Bind and start serving on a background thread. Raises OSError when the address cannot be used."""
        from cheroot import wsgi

        server = wsgi.Server(
            (self.host, self._requested_port),
            self.devices,
            numthreads=WORKER_THREADS,
            server_name="kit",
            timeout=SLOW_CLIENT_TIMEOUT_S,
            shutdown_timeout=2,
            request_queue_size=LISTEN_BACKLOG,
        )
        server.max_request_header_size = MAX_HEADER_BYTES
        server.max_request_body_size = MAX_BODY_BYTES
        server.prepare()  # binds now: the caller learns of a busy port here, not on the thread
        self._server = server
        self._thread = threading.Thread(target=server.serve, name="kit-share", daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        """The port actually bound (useful when 0 asked the system for a free one)."""
        if self._server is None:
            return self._requested_port
        return int(self._server.bind_addr[1])

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self) -> None:
        """Stop accepting, finish the requests in flight (briefly), close the socket."""
        if self._server is not None:
            self._server.stop()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None


def start_on_free_port(app, host: str = ALL_INTERFACES, first_port: int = DEFAULT_PORT) -> ShareServer:
    """A started server on `first_port` or, when that one is busy, the next free one of PORT_TRIES.

    Raises OSError (the last one) when every port tried is in use or the address cannot be used at all.
    """
    last: OSError | None = None  # a port that looked free but cheroot could not use (taken in between)
    for port in range(first_port, min(first_port + PORT_TRIES, 65536)):
        if not _bindable(host, port):
            continue
        server = ShareServer(app, host, port)
        try:
            server.start()
            return server
        except OSError as exc:  # cheroot's message keeps the reason but not the errno, so every port is tried
            last = exc
    raise last or OSError(f"ports {first_port} to {first_port + PORT_TRIES - 1} are all in use")


def _bindable(host: str, port: int) -> bool:
    """Whether `port` is free, asked with a socket of our own: cheroot leaks its socket when the bind fails."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        if os.name != "nt":  # as cheroot does: a port in TIME_WAIT after a stop is free again
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True
