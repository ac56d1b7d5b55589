"""The embedded server and `kit serve`, over loopback only (127.0.0.1): real sockets, real HTTP."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time

from kit.web.addresses import lan_addresses, share_urls
from kit.web.server import ShareServer
from testdata import REPO


def _get(port: int, path: str, method: str = "GET", body: bytes | None = None, headers=None):
    # http.client, not urllib: urllib would honour proxy variables, and these requests must stay on loopback.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_embedded_server_serves_pages_and_stops_cleanly(bundled_app):
    server = ShareServer(bundled_app, "127.0.0.1", 0)
    server.start()
    try:
        port = server.port
        assert port > 0 and server.running
        status, headers, body = _get(port, "/")
        assert status == 200 and b"what-is-human-trafficking" in body
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert _get(port, "/search?q=recrutment")[0] == 200
        assert _get(port, "/r/exit-ticket")[0] == 200
        assert _get(port, "/r/teacher-self-care")[0] == 404
        assert _get(port, "/", "POST", b"x" * 10, {"Content-Type": "text/plain"})[0] in (405, 413)
        assert _get(port, "/", "POST", b"x" * 100_000, {"Content-Type": "text/plain"})[0] == 413
        assert _get(port, "/", headers={"X-Big": "a" * 40_000})[0] in (400, 413, 431)
        # A client that connects and goes quiet, and one that leaves mid-request, do not stop the others.
        quiet = socket.create_connection(("127.0.0.1", port))
        rude = socket.create_connection(("127.0.0.1", port))
        rude.sendall(b"GET /r/exit-ticket HTTP/1.1\r\nHost: x\r\n")
        rude.close()
        assert _get(port, "/r/exit-ticket")[0] == 200
        quiet.close()
        assert server.devices.recent() == 1  # every request came from 127.0.0.1
    finally:
        server.stop()
    assert not server.running
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        refused = False
    except OSError:
        refused = True
    assert refused, "the port still accepts connections after stop()"


def test_share_urls_never_show_loopback_for_all_interfaces():
    for address in lan_addresses():
        assert not address.startswith(("127.", "169.254.")) and ":" not in address
    assert share_urls("127.0.0.1", 8800) == ["http://127.0.0.1:8800/"]
    assert share_urls("127.0.0.1", 8800, "K7RM4") == ["http://127.0.0.1:8800/K7RM4/"]
    assert all(u.endswith(":8800/") for u in share_urls("0.0.0.0", 8800))


def test_kit_serve_prints_the_address_serves_and_stops_on_ctrl_c(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "KIT_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "kit", "--resources", str(REPO / "resources"), "serve"]
    with subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    ) as process:
        try:
            first = process.stdout.readline()
            assert "Sharing the student edition" in first and "no teacher notes" in first
            url = process.stdout.readline().strip()
            match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/([A-Z0-9]{5})/", url)  # the classroom code
            assert match, url
            port, code = int(match.group(1)), match.group(2)
            qr = [process.stdout.readline() for _ in range(3)]
            assert all("█" in line for line in qr)  # the QR code follows, drawn in block characters
            status, _, body = _get(port, f"/{code}/r/what-is-human-trafficking")
            assert status == 200 and b"What is human trafficking?" in body
            status, _, body = _get(port, "/r/what-is-human-trafficking")  # without the code: a friendly 404
            assert status == 404 and b"class code" in body
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=20) == 0
            assert "Stopped sharing." in process.stderr.read()
        finally:
            if process.poll() is None:
                process.kill()


def test_kit_serve_says_when_the_port_is_taken(tmp_path):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        port = taken.getsockname()[1]
        env = {**os.environ, "PYTHONPATH": str(REPO), "KIT_DATA_DIR": str(tmp_path / "data")}
        start = time.monotonic()
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "kit",
                "--resources",
                str(REPO / "resources"),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert result.returncode == 1 and f"cannot listen on 127.0.0.1 port {port}" in result.stderr
        assert "Traceback" not in result.stderr and time.monotonic() - start < 30
    finally:
        taken.close()


HOSTILE_REQUEST_LINES = [
    (b"GET /r/..%2fteacher-self-care HTTP/1.1", 404),
    (b"GET /r/what-is-human-trafficking%2f..%2fteacher-self-care HTTP/1.1", 404),
    (b"GET /r/exit-ticket/../teacher-self-care HTTP/1.1", 404),
    (b"GET /r/exit-ticket%2fprint HTTP/1.1", 404),  # an encoded slash is not a slash
    (b"GET /r/teacher-self-care%00 HTTP/1.1", 404),
    (b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1", 404),
    (b"GET /r/teacher-self-care?edition=teacher HTTP/1.1", 404),
    (b"GET /r/teacher-self-care/print HTTP/1.1", 404),
    (b"GET http://elsewhere.invalid/r/exit-ticket HTTP/1.1", 400),
    (b"GET /" + b"a" * 20_000 + b" HTTP/1.1", 414),
    (b"GET /search?q=%00%ff HTTP/1.1", 400),
    (b"GET \x00 HTTP/1.1", 400),
    (b"BREW / HTTP/1.1", 405),
    (b"DELETE /r/exit-ticket HTTP/1.1", 405),
    (b"GET / HTTP/9.9", 505),
]


def _raw(port: int, request_line: bytes) -> tuple[int, bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request_line + b"\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data


def test_hostile_request_lines_get_clean_answers_from_the_real_server(bundled_app):
    """What a server really hands the app (cheroot keeps %2F encoded, refuses absolute URIs) — not a guess."""
    teacher_title = b"Using the exit ticket"  # a teacher block's title in exit-ticket.md
    server = ShareServer(bundled_app, "127.0.0.1", 0)
    server.start()
    try:
        for line, expected in HOSTILE_REQUEST_LINES:
            status, data = _raw(server.port, line)
            assert status == expected, (line[:60], status)
            assert teacher_title not in data and b"Traceback" not in data
        status, data = _raw(server.port, b"GET /r/exit-ticket HTTP/1.1")
        assert status == 200 and b"One thing I learned today" in data and teacher_title not in data
    finally:
        server.stop()


def test_kit_share_refuses_a_teacher_resource(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "KIT_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kit",
            "--resources",
            str(REPO / "resources"),
            "serve",
            "exit-ticket",
            "teacher-self-care",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1 and "'teacher-self-care' is not a student resource" in result.stderr
    assert "Sharing" not in result.stdout


def test_kit_serve_lesson_shares_only_its_student_resources_and_writes_nothing(tmp_path):
    from kit.cli import main
    from kit.core.store.database import LessonItem, Store

    data = tmp_path / "data"
    # The app stays open meanwhile, its lesson just saved (still in the WAL, not yet in the database file).
    store = Store.open(data)
    number = store.create_lesson("Warning signs", items=[LessonItem("exit-ticket"), LessonItem("teacher-self-care")])

    def data_files():  # -shm is SQLite's shared index of the WAL, not data; every reader maps it
        return {p: p.read_bytes() for p in data.rglob("*") if p.is_file() and not p.name.endswith("-shm")}

    files_before = data_files()
    env = {**os.environ, "PYTHONPATH": str(REPO), "KIT_DATA_DIR": str(data)}
    command = [sys.executable, "-m", "kit", "--resources", str(REPO / "resources"), "serve", "--no-qr"]
    with subprocess.Popen(
        [*command, "--lesson", str(number), "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    ) as process:
        try:
            assert "(1 resource, no teacher notes)" in process.stdout.readline()  # the teacher note is left out
            match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)(/[A-Z0-9]{5})/", process.stdout.readline().strip())
            port, root = int(match.group(1)), match.group(2)
            assert _get(port, f"{root}/r/exit-ticket")[0] == 200
            assert _get(port, f"{root}/r/what-is-human-trafficking")[0] == 404  # not in the lesson
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=20) == 0
        finally:
            if process.poll() is None:
                process.kill()
    assert data_files() == files_before
    store.close()

    common = ["--resources", str(REPO / "resources"), "--data-dir", str(data), "serve"]
    for wrong in (["--lesson", "99"], ["--lesson", str(number), "exit-ticket"]):
        assert main([*common, *wrong]) == 1
