"""The app never opens a network connection: main flows run with sockets refused and a loopback listener watching."""

import socket

import pytest

from kit.core.paths import resolve_locations
from kit.ui.app import build_window, load_library_in_background
from ui.ui_helpers import BAD, REPO


class NetworkWatch:
    """Records every attempt to create or use a socket from Python, and refuses it."""

    def __init__(self, monkeypatch):
        self.attempts: list[str] = []
        watch = self
        real_socket = socket.socket

        class RefusingSocket(real_socket):
            def __init__(self, *args, **kwargs):
                watch.attempts.append(f"socket{args}")
                raise OSError("network use is refused in this test")

        def refuse(name):
            def _refuse(*args, **kwargs):
                watch.attempts.append(f"{name}{args[:2]}")
                raise OSError("network use is refused in this test")

            return _refuse

        monkeypatch.setattr(socket, "socket", RefusingSocket)
        for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
            monkeypatch.setattr(socket, name, refuse(name))


@pytest.fixture
def listener():
    """A loopback server that pages try to reach; it must never see a connection."""
    server = socket.create_server(("127.0.0.1", 0))
    server.setblocking(False)
    yield server
    server.close()


def _pack_with_links_to(tmp_path, port):
    pack = tmp_path / "netpack"
    pack.mkdir()
    (pack / "pack.yaml").write_text('id: netpack\ntitle: Net\nversion: "1"\nlanguage: en\n')
    address = f"http://127.0.0.1:{port}"
    (pack / "beacons.md").write_text(
        "---\ntitle: Beacons\nkind: article\nsummary: Tries the network.\naudience: [grades-9-10]\n---\n\n"
        f"![track]({address}/track.png)\n\n<img src='{address}/raw.png'>\n\n[link]({address}/page)\n\n"
        f"<a href='{address}/other'>other</a>\n"
    )
    return pack, address


def test_main_flows_make_no_network_attempt(qtbot, monkeypatch, tmp_path, listener):
    port = listener.getsockname()[1]
    pack, address = _pack_with_links_to(tmp_path, port)
    monkeypatch.setenv("KIT_RESOURCES", f"{REPO / 'resources'}:{BAD}:{pack}")
    watch = NetworkWatch(monkeypatch)

    locations = resolve_locations()
    window = build_window(locations)  # the real search (kit.core.search) when it is installed
    qtbot.addWidget(window)
    window.show()
    load_library_in_background(window, locations)
    qtbot.waitUntil(lambda: window.library is not None, timeout=10_000)
    qtbot.waitUntil(lambda: window.search_service.is_ready or bool(window.search_service.error), timeout=30_000)

    window.search_panel.field.setText("trafficking help")
    qtbot.wait(400)
    for theme in ("dark", "projector", "light"):
        window.set_theme(theme)
    for resource in window.library.resources:
        window.open_resource(resource.id)
        if window.pages.currentWidget() is window.warning:
            window.warning.continue_button.click()
        qtbot.waitUntil(lambda r=resource: r.title in window.reader.toPlainText(), timeout=30_000)
        window.reader.grab()  # paint: every picture the page names is asked for
    for url in (f"{address}/page", "https://www.unodc.org/", "mailto:a@example.com", "file:///etc/passwd"):
        window.reader.follow(url)
    window.link_bar.copy()
    window.actions.teacher_edition.trigger()
    window.actions.user_guide.trigger()
    window.show_about().close()
    window.close()

    assert watch.attempts == []
    with pytest.raises(BlockingIOError):
        listener.accept()


def test_the_watch_itself_catches_python_sockets(monkeypatch):
    watch = NetworkWatch(monkeypatch)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(OSError):
        socket.socket()
    assert len(watch.attempts) == 2
