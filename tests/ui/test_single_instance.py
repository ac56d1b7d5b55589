"""One running kit per data folder (bad-inputs C6, F9, F10), in process: the message format, the lock, the
server's limits against a hostile local client, and what the window does with a request.
The real `kit gui` processes are in test_single_instance_processes.py."""

import json
import os
import shutil
import time

import pytest
from PySide6.QtNetwork import QLocalSocket

from kit.core.errors import KitError
from kit.ui.single_instance import claim as claiming
from kit.ui.single_instance import server as serving
from kit.ui.single_instance.answer import Answers
from kit.ui.single_instance.message import (
    IMPORT,
    MAX_MESSAGE_BYTES,
    RAISE,
    BadRequest,
    Request,
    decode,
    encode,
)
from testdata import DATA

GOOD_PACK = DATA / "bad_packs" / "good.kitpack"


def _import_line(path) -> bytes:
    return json.dumps({"kit": 1, "action": "import", "path": str(path)}).encode()


def test_requests_round_trip(tmp_path):
    pack = tmp_path / "x.KitPack"
    shutil.copy(GOOD_PACK, pack)
    assert decode(encode(Request(RAISE))) == Request(RAISE)
    assert decode(encode(Request(IMPORT, pack))) == Request(IMPORT, pack)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe\x00garbage",
        b"[" * 3000,  # nesting deeper than json's recursion limit
        b'"raise"',
        b'{"kit": true, "action": "raise"}',  # True == 1 in Python: the type is checked too
        b'{"kit": 2, "action": "raise"}',
        b'{"kit": 1, "action": "raise", "path": "/x.kitpack"}',
        b'{"kit": 1, "action": "delete"}',
        b'{"kit": 1, "action": "import"}',
        b'{"kit": 1, "action": "import", "path": 7}',
        b'{"kit": 1, "action": "import", "path": "relative/x.kitpack"}',
        b'{"kit": 1, "action": "import", "path": "/etc/passwd"}',
        b'{"kit": 1, "action": "import", "path": "/no/such/x.kitpack"}',
        b'{"kit": 1, "action": "import", "path": "/tmp/a\\u0000.kitpack"}',
        b"x" * (MAX_MESSAGE_BYTES + 1),
    ],
)
def test_bad_messages_are_refused(data):
    with pytest.raises(BadRequest):
        decode(data)


def test_a_folder_or_fifo_named_like_a_pack_is_refused(tmp_path):
    (tmp_path / "folder.kitpack").mkdir()
    os.mkfifo(tmp_path / "fifo.kitpack")  # an import would block reading it
    for name in ("folder.kitpack", "fifo.kitpack"):
        with pytest.raises(BadRequest, match="no such pack file"):
            decode(_import_line(tmp_path / name))


def test_first_claim_holds_the_lock_and_a_second_finds_it_held(tmp_path, monkeypatch):
    """F9: the second claim on the same folder does not get the lock; with nobody answering it says so, naming
    the folder, and is not told to open read-only."""
    first = claiming.claim(tmp_path / "data", Request(RAISE))
    assert first.lock is not None and first.lock.isLocked() and first.read_only is None
    monkeypatch.setattr(claiming, "CONNECT_WAIT_S", 0.2)
    with pytest.raises(KitError, match=r"already open with the data folder .* but did not answer"):
        claiming.claim(tmp_path / "data", Request(RAISE))
    first.lock.unlock()
    again = claiming.claim(tmp_path / "data", Request(RAISE))
    assert again.lock is not None
    again.lock.unlock()


def test_a_lock_file_cut_short_by_a_crash_is_taken_over(tmp_path):
    """F9: a lock file that names no process (power cut while writing it) would otherwise block the kit for good."""
    data = tmp_path / "data"
    data.mkdir()
    (data / claiming.LOCK_NAME).write_bytes(b"\x00\x00")
    old = time.time() - 60
    os.utime(data / claiming.LOCK_NAME, (old, old))
    taken = claiming.claim(data, Request(RAISE))
    assert taken.lock is not None and taken.lock.isLocked()
    taken.lock.unlock()


def test_a_folder_where_the_lock_goes_opens_read_only(tmp_path):
    (tmp_path / "data" / claiming.LOCK_NAME).mkdir(parents=True)
    result = claiming.claim(tmp_path / "data", Request(RAISE))
    assert result.lock is None and "kit.lock there is not a file" in result.read_only


def test_names_differ_per_data_folder_and_user(tmp_path, monkeypatch):
    one, two = claiming.server_name(tmp_path / "a"), claiming.server_name(tmp_path / "b")
    assert one != two and claiming.server_name(tmp_path / "a") == one
    monkeypatch.setattr(os, "getuid", lambda: 4242)
    assert claiming.server_name(tmp_path / "a") != one


def test_an_unwritable_lock_folder_opens_read_only_never_already_running(tmp_path):
    """F10 (any user, root included): the data folder cannot be created because a file is in the way."""
    (tmp_path / "file").write_text("x")
    result = claiming.claim(tmp_path / "file" / "data", Request(RAISE))
    assert result.lock is None and result.reply is None
    assert "cannot be written" in result.read_only and "read-only" in result.read_only
    assert "already" not in result.read_only


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not bind root")
def test_a_read_only_data_folder_opens_read_only(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o555)
    try:
        result = claiming.claim(data, Request(RAISE))
    finally:
        data.chmod(0o755)
    assert result.lock is None and "no permission to write there" in result.read_only


@pytest.fixture
def server(qtbot, tmp_path):
    listening = serving.RequestServer(claiming.server_name(tmp_path / "data"))
    assert listening.listen(), listening.server.errorString()
    requested, refused = [], []
    listening.requested.connect(requested.append)
    listening.refused.connect(refused.append)
    yield listening, requested, refused
    listening.close()
    listening.deleteLater()


def _send(server, data: bytes) -> QLocalSocket:
    socket = QLocalSocket()
    socket.connectToServer(server.name)
    assert socket.waitForConnected(1000)
    if data:
        socket.write(data)
    return socket


def test_socket_is_for_this_user_only(server):
    listening, _, _ = server
    path = listening.server.fullServerName()
    assert os.stat(path).st_mode & 0o077 == 0


def test_hostile_clients_are_refused_and_the_window_goes_on(qtbot, server, tmp_path, monkeypatch):
    """C6: 10 MB, garbage, a missing pack and a client that never finishes are refused without blocking the GUI
    thread; the server still answers a real request afterwards."""
    listening, requested, refused = server
    monkeypatch.setattr(serving, "READ_TIMEOUT_MS", 300)
    sockets = [_send(listening, b"x" * 10_000_000)]
    qtbot.waitUntil(lambda: refused == ["message too long"], timeout=3000)
    sockets.append(_send(listening, b"\x00\xff garbage\n"))
    qtbot.waitUntil(lambda: refused[-1:] == ["not a kit message"], timeout=3000)
    sockets.append(_send(listening, _import_line(tmp_path / "gone.kitpack") + b"\n"))
    qtbot.waitUntil(lambda: refused[-1:] == ["no such pack file: gone.kitpack"], timeout=3000)
    sockets.append(_send(listening, b'{"kit": 1, '))  # and then nothing
    qtbot.waitUntil(lambda: refused[-1:] == ["too slow"], timeout=3000)
    assert requested == []
    answered = _send(listening, encode(Request(RAISE)))
    qtbot.waitUntil(lambda: requested == [Request(RAISE)], timeout=3000)
    qtbot.waitUntil(lambda: answered.bytesAvailable() > 0, timeout=3000)
    assert bytes(answered.readAll()) == b"ok\n"
    for socket in sockets:
        socket.abort()


def test_too_many_connections_at_once_are_dropped(qtbot, server):
    listening, _, refused = server
    sockets = [_send(listening, b"") for _ in range(serving.MAX_CONNECTIONS + 3)]
    qtbot.waitUntil(lambda: refused.count("too many connections") == 3, timeout=3000)
    for socket in sockets:
        socket.abort()


def test_a_forwarded_pack_is_imported_like_file_import(qtbot, window, features, monkeypatch):
    """C6: the running window imports through pack_actions, so the result and the clash question (Replace / Keep
    Both / Cancel) are the menu's: the same pack sent again is not replaced without asking."""
    from kit.ui.teacher import pack_actions

    asked = []
    monkeypatch.setattr(pack_actions, "ask_conflict", lambda parent, conflict: asked.append(conflict) or None)
    answers = Answers(window)
    answers.take(Request(IMPORT, GOOD_PACK))  # before the features are ready: it waits
    assert answers.waiting == [GOOD_PACK]
    answers.ready(features.teacher)
    qtbot.waitUntil(lambda: features.teacher.last_import == "sample", timeout=10_000)
    assert window.library.pack("sample") is not None and answers.waiting == [] and asked == []
    answers.take(Request(IMPORT, GOOD_PACK))
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10_000)  # cancelled: nothing changes


def test_no_lock_means_read_only_data_with_the_reason_shown(qtbot, locations):
    """F10 in the window: the store is read-only and the notice says why, in the lock's words."""
    from kit.ui.app import build_window, install_features
    from kit.ui.notices import STORE_NOTICE

    reason = claiming.read_only_reason(locations.data_dir, "no permission to write there")
    window = build_window(locations)
    qtbot.addWidget(window)
    features = install_features(window, locations, read_only=reason)
    assert features.teacher.store.read_only
    assert window.notices.text(STORE_NOTICE) == reason
    assert not features.teacher.bookmark_action.isEnabled()
