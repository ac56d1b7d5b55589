"""The share's WSGI app built over the real bundled kit, and a way to call it without any server."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from kit.core.paths import resolve_locations
from kit.web import create_app
from testdata import REPO


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def call(
    app,
    path: str,
    query: str = "",
    method: str = "GET",
    headers: dict[str, str] | None = None,
    remote: str = "127.0.0.1",
) -> Reply:
    """One request through the WSGI interface, as a server would make it (PATH_INFO already %-decoded)."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8800",
        "REMOTE_ADDR": remote,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"] = int(status.split()[0])
        started["headers"] = dict(response_headers)

    body = b"".join(app(environ, start_response))
    return Reply(started["status"], started["headers"], body)


@pytest.fixture(scope="session")
def bundled_app(tmp_path_factory):
    """The share app over the bundled kit (built once: every test here only reads)."""
    home = tmp_path_factory.mktemp("share")
    locations = resolve_locations([REPO / "resources"], home / "data", environ={})
    return create_app(locations)
