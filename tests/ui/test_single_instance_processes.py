"""One running kit per data folder, with real `kit gui` processes (offscreen): the first recovers a crashed copy's
lock and listens; a second start hands over a pack or "raise" and exits 0; a hostile client does not stop the first;
a data folder where no lock can be written opens read-only and never claims another copy is running."""

import os
import signal
import subprocess
import sys
import time

import pytest
from PySide6.QtNetwork import QLocalSocket

from kit.ui.single_instance.claim import LOCK_NAME, forward, server_name
from kit.ui.single_instance.message import RAISE, Request
from testdata import DATA, REPO

GOOD_PACK = DATA / "bad_packs" / "good.kitpack"
ENV = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
KIT = [sys.executable, "-m", "kit"]


def _gui(data, log):
    with open(log, "w") as out:
        return subprocess.Popen([*KIT, "--data-dir", str(data), "gui"], cwd=REPO, env=ENV, stdout=out, stderr=out)


def _wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    """A kit started on a data folder whose lock a killed copy left behind (F9: a crash's lock is recovered)."""
    data = tmp_path_factory.mktemp("single") / "data"
    crash = (
        "import os, signal, sys\n"
        "from kit.ui.single_instance.claim import claim\n"
        "from kit.ui.single_instance.message import Request\n"
        "taken = claim(sys.argv[1], Request('raise'))\n"  # kept: a QLockFile unlocks when it is collected
        "assert taken.lock is not None\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    killed = subprocess.run([sys.executable, "-c", crash, str(data)], env=ENV, timeout=30)
    assert killed.returncode == -signal.SIGKILL and (data / LOCK_NAME).exists()
    log = data.parent / "first.log"
    first = _gui(data, log)
    try:
        _wait_for(lambda: forward(server_name(data), Request(RAISE), wait_s=0.2) == "ok", 30, "the first kit")
        yield first, data, log
    finally:
        first.kill()
        first.wait()


def test_a_crashed_copys_lock_is_taken_over(running):
    first, data, _log = running
    assert (data / LOCK_NAME).read_text().splitlines()[0] == str(first.pid)


def test_a_second_start_hands_its_pack_to_the_first_and_exits(running):
    """C6 + F9: `kit x.kitpack` (what a file manager runs) on the same data: exit 0, no second window, the first
    imports the pack into its data folder."""
    first, data, log = running
    plain = subprocess.run([*KIT, "--data-dir", str(data)], env=ENV, capture_output=True, text=True, timeout=30)
    assert plain.returncode == 0, plain.stderr
    assert "already open with this data folder: brought it to the front" in plain.stdout
    second = subprocess.run(
        [*KIT, "--data-dir", str(data), str(GOOD_PACK)], env=ENV, capture_output=True, text=True, timeout=30
    )
    assert second.returncode == 0, second.stderr
    assert "asked it to import good.kitpack" in second.stdout
    _wait_for(lambda: (data / "packs" / "sample" / "pack.yaml").is_file(), 20, "the import in the first kit")
    assert first.poll() is None, log.read_text()


def test_a_hostile_client_is_refused_and_the_first_goes_on(running):
    first, data, log = running
    socket = QLocalSocket()
    socket.connectToServer(server_name(data))
    assert socket.waitForConnected(3000)
    socket.write(b"x" * 10_000_000)
    reply = b""
    while b"\n" not in reply and socket.waitForReadyRead(5000):
        reply += bytes(socket.readAll())
    socket.abort()
    assert reply == b"refused: message too long\n"
    missing = str(data / "missing.kitpack")
    assert forward(server_name(data), Request("import", data / "missing.kitpack"), wait_s=1) == (
        "refused: no such pack file: missing.kitpack"
    ), missing
    assert forward(server_name(data), Request(RAISE), wait_s=1) == "ok"
    assert first.poll() is None, log.read_text()


def test_a_pack_that_is_not_there_is_refused_before_anything_opens(tmp_path):
    result = subprocess.run(
        [*KIT, "--data-dir", str(tmp_path / "data"), str(tmp_path / "gone.kitpack")],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"kit: {tmp_path / 'gone.kitpack'}: no such pack file: gone.kitpack"
    assert not (tmp_path / "data").exists()


def test_no_lock_possible_opens_read_only_and_says_why(tmp_path):
    """F10: the data folder cannot hold a lock (here a file is in the way, which binds root too): the kit opens,
    read-only, with the reason, and never says another copy is running."""
    (tmp_path / "file").write_text("x")
    log = tmp_path / "gui.log"
    kit = _gui(tmp_path / "file" / "data", log)
    try:
        _wait_for(lambda: "cannot be written" in log.read_text(), 30, "the read-only line")
        time.sleep(1.0)
        assert kit.poll() is None, log.read_text()  # the window is open, not refused
    finally:
        kit.kill()
        kit.wait()
    text = log.read_text()
    assert "opened read-only and will not save changes" in text
    assert "already" not in text
