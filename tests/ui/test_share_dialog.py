"""File → Share with Class through the app as `kit` builds it; every server here listens on 127.0.0.1 only."""

from __future__ import annotations

import http.client
import socket

import pytest

from kit.core.store.database import LessonItem


def _get(url: str) -> tuple[int, bytes]:
    # http.client, not urllib: urllib would honour proxy variables, and these requests must stay on loopback.
    host_port = url.split("/")[2]
    host, port = host_port.rsplit(":", 1)
    assert host == "127.0.0.1"
    path = "/" + url.split("/", 3)[3]
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def sharing(features):
    share = features.sharing
    share.host = "127.0.0.1"  # tests never listen on the room's network
    share.first_port = _free_port()
    yield share
    share.shutdown()


def _start(qtbot, share, dialog):
    dialog.start_button.click()
    assert share.starting and not dialog.start_button.isEnabled()  # the GUI thread did not wait for the server
    qtbot.waitUntil(lambda: share.running is not None or bool(share.problem), timeout=60_000)
    assert share.running is not None, share.problem


def test_share_whole_kit_shows_address_qr_and_serves_until_stopped(qtbot, window, sharing):
    dialog = sharing.open_dialog()
    assert dialog.isVisible() and not dialog.stop_button.isEnabled()
    _start(qtbot, sharing, dialog)
    url = sharing.running.urls[0]
    code = sharing.running.code
    assert dialog.address.text() == url == f"http://127.0.0.1:{sharing.first_port}/{code}/"
    assert _get(f"http://127.0.0.1:{sharing.first_port}/")[0] == 404  # no classroom code, no kit
    assert not dialog.qr.pixmap().isNull() and dialog.qr.pixmap().width() >= 300
    status, body = _get(url)
    assert status == 200 and b"what-is-human-trafficking" in body
    assert _get(url.rstrip("/") + "/r/teacher-self-care")[0] == 404  # the student edition only

    sharing._count_devices()  # the timer's work, without waiting three seconds
    assert "1 device reading" in dialog.state.text()
    assert window.notice() == "Sharing with the class — 1 device reading"

    dialog.close()  # closing the dialog keeps the share
    assert _get(url)[0] == 200 and sharing.stop_action.isEnabled()
    server = sharing.running.server
    sharing.stop_action.trigger()  # File → Stop Sharing
    assert sharing.running is None and window.notice() == "" and not sharing.stop_action.isEnabled()
    qtbot.waitUntil(lambda: not server.running, timeout=10_000)  # stopped on the worker thread
    with pytest.raises(OSError):
        _get(url)
    _start(qtbot, sharing, dialog)  # and again, as a teacher does for the next class: a new code
    assert sharing.running.code != code and _get(sharing.running.urls[0])[0] == 200


def test_busy_port_moves_to_the_next_and_says_so(qtbot, sharing):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", sharing.first_port))
        taken.listen()
        dialog = sharing.open_dialog()
        _start(qtbot, sharing, dialog)
        assert sharing.running.server.port != sharing.first_port
        assert f"Port {sharing.first_port} was busy" in dialog.state.text()
        assert _get(sharing.running.urls[0])[0] == 200


def test_share_a_lesson_only_its_student_resources(qtbot, features, sharing):
    store = features.teacher.store
    store.create_lesson("Recruitment warning signs", items=[LessonItem("exit-ticket"), LessonItem("teacher-self-care")])
    dialog = sharing.open_dialog()
    assert dialog.lesson.isEnabled()
    dialog.lesson.setChecked(True)
    _start(qtbot, sharing, dialog)
    running = sharing.running
    assert running.shared_count == 1  # the teacher note in the lesson is never shared
    assert "Recruitment warning signs" in dialog.state.text()
    base = running.urls[0].rstrip("/")
    assert _get(base + "/r/exit-ticket")[0] == 200
    assert _get(base + "/r/what-is-human-trafficking")[0] == 404


def test_window_close_stops_the_share(qtbot, window, sharing):
    _start(qtbot, sharing, sharing.open_dialog())
    url = sharing.running.urls[0]
    window.close()
    assert sharing.running is None
    with pytest.raises(OSError):
        _get(url)


def test_window_closed_while_the_share_starts_leaves_nothing_listening(qtbot, window, sharing):
    sharing.open_dialog().start_button.click()
    assert sharing.starting
    window.close()  # before the worker has handed the server back
    assert sharing.running is None
    with pytest.raises(OSError):
        _get(f"http://127.0.0.1:{sharing.first_port}/")


def test_a_lesson_with_nothing_for_students_says_so(qtbot, features, sharing):
    features.teacher.store.create_lesson("Staff meeting", items=[LessonItem("teacher-self-care")])
    dialog = sharing.open_dialog()
    dialog.lesson.setChecked(True)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: bool(sharing.problem), timeout=60_000)
    assert sharing.running is None and dialog.start_button.isEnabled()
    assert "“Staff meeting” has no student resources to share" in dialog.state.text()
