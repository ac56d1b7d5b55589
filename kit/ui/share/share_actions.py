"""File → Share with Class: the classroom share (kit.web) started and stopped from the window.

The share outlives its dialog: closing the dialog keeps serving (the status bar says so and counts the devices),
File → Stop Sharing or the dialog's Stop ends it, and closing the window always ends it. Building the web app
(loading the packs, opening the share's index) and binding the port run on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from kit.core.paths import Locations
from kit.core.store.database import Lesson, Store
from kit.ui.background import Background
from kit.ui.features import Window
from kit.ui.i18n import translate
from kit.ui.notices import SHARE_NOTICE
from kit.ui.share.share_dialog import ShareDialog, devices_text
from kit.web import create_app
from kit.web.addresses import share_urls
from kit.web.class_code import ClassCode, new_code
from kit.web.server import ALL_INTERFACES, DEFAULT_PORT, PORT_TRIES, ShareServer, start_on_free_port
from kit.web.web_links import reader_url

DEVICE_REFRESH_MS = 3_000  # "N devices reading" follows the room within a few seconds


@dataclass(frozen=True)
class Choice:
    """What the teacher shares: the whole kit (ids None) or the resources of one lesson."""

    label: str
    ids: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Running:
    """A share that answers: its server, the addresses to show, and what it shares."""

    server: ShareServer
    urls: tuple[str, ...]
    code: str  # the classroom code every address starts with
    choice: Choice
    shared_count: int
    port_note: str  # why the port is not the usual one, or ""
    shared_ids: frozenset[str] = frozenset()  # the resources it serves (the student edition of the choice)


class ShareActions(QObject):
    """One window's classroom share: at most one server at a time."""

    changed = Signal()  # started, stopped, failed, or the device count moved

    def __init__(self, window: Window, locations: Locations, store: Store | None, *, host: str = ALL_INTERFACES):
        super().__init__(window.dialog_parent())
        self.window, self.locations, self.store, self.host = window, locations, store, host
        self.first_port = DEFAULT_PORT
        self.background = Background(self)
        self.running: Running | None = None
        self.starting = False
        self.problem = ""  # the last failure, in words, until the next start
        self.devices = 0
        self.dialog: ShareDialog | None = None
        self._bound: ShareServer | None = None  # the last server a start bound, delivered or not
        self._timer = QTimer(self, interval=DEVICE_REFRESH_MS)
        self._timer.timeout.connect(self._count_devices)
        self.share_action = window.add_action("file", translate("Share", "S&hare with Class…"), self.open_dialog)
        self.stop_action = window.add_action("file", translate("Share", "Stop S&haring"), self.stop)
        self.stop_action.setEnabled(False)
        window.closing.connect(self.shutdown)

    # ---- what can be shared

    def lessons(self) -> list[Lesson]:
        """The teacher's lessons (from the store the teacher-data feature opened), newest plans included."""
        return self.store.lessons() if self.store is not None else []

    @staticmethod
    def whole_kit() -> Choice:
        return Choice(translate("Share", "the whole kit"))

    @staticmethod
    def lesson_choice(lesson: Lesson) -> Choice:
        return Choice(
            translate("Share", "the lesson “{title}”").format(title=lesson.title),
            tuple(item.resource_id for item in lesson.items),
        )

    # ---- start and stop

    def open_dialog(self) -> ShareDialog:
        if self.dialog is None:
            self.dialog = ShareDialog(self, self.window.dialog_parent())
        self.dialog.refresh_choices()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def start(self, choice: Choice) -> None:
        """Build the app and bind a port off the GUI thread; `changed` tells when it answers (or failed)."""
        if self.running is not None or self.starting:
            return
        self.starting, self.problem = True, ""
        locations, host, first = self.locations, self.host, self.first_port

        def work() -> Running:
            app = create_app(locations, list(choice.ids) if choice.ids is not None else None)
            if not app.library.resources:
                raise LookupError(
                    translate("Share", "{what} has no student resources to share").format(what=choice.label)
                )
            code = new_code()  # a new one each time: yesterday's QR code does not open today's share
            try:
                server = start_on_free_port(ClassCode(app, code), host, first)
            except OSError:
                last = min(first + PORT_TRIES - 1, 65535)
                raise OSError(
                    translate(
                        "Share",
                        "ports {first}–{last} are all in use by other programs; close one (or another share) "
                        "and try again",
                    ).format(first=first, last=last)
                ) from None
            self._bound = server  # so a window closed while this runs still stops it (see shutdown)
            note = (
                ""
                if server.port == first
                else translate("Share", "Port {busy} was busy, so the share uses port {port}.").format(
                    busy=first, port=server.port
                )
            )
            urls = tuple(share_urls(host, server.port, code))
            shared = frozenset(r.id for r in app.library.resources)
            return Running(server, urls, code, choice, len(shared), note, shared)

        self.background.run(work, self._started, self._failed, kind="start")
        self.changed.emit()

    def _started(self, running: Running) -> None:
        self.starting, self.running, self.devices = False, running, 0
        self.stop_action.setEnabled(True)
        self._timer.start()
        self._show_notice()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.starting = False
        self.problem = translate("Share", "Could not start sharing: {error}").format(error=exc)
        self.window.show_status(self.problem)
        self.changed.emit()

    def stop(self) -> None:
        """Stop serving. On the worker thread: with a class connected, cheroot takes about half a second to
        close the idle keep-alive connections (benchmarked with 40), too long for the GUI thread."""
        if self.running is None:
            return
        server, self.running = self.running.server, None
        self._timer.stop()
        # A kind of its own: a newer stop must not make this one stale. A start waits behind it (one thread).
        self.background.run(server.stop, lambda _none: None, kind=f"stop-{id(server)}")
        self.devices = 0
        self.stop_action.setEnabled(False)
        self.window.clear_notice(SHARE_NOTICE)
        self.window.show_status(translate("Share", "Stopped sharing with the class"))
        self.changed.emit()

    def shutdown(self) -> None:
        """The window closes: nothing more is delivered, and a share never outlives its window."""
        self.background.shutdown()  # waits for a start in progress; its result is then never delivered
        for server in {id(s): s for s in (self._bound, self.running and self.running.server) if s}.values():
            server.stop()
        self.running = self._bound = None
        self._timer.stop()

    def addresses(self, resource_ids) -> dict[str, str]:
        """Each of `resource_ids` the running share serves, with its page's address (the first address shown,
        the one on the dialog's QR code); {} when no share runs. Printed handouts carry these (kit.printing)."""
        if self.running is None or not self.running.urls:
            return {}
        base = self.running.urls[0].rstrip("/")
        return {i: reader_url(i, root=base) for i in resource_ids if i in self.running.shared_ids}

    # ---- the room

    def _count_devices(self) -> None:
        if self.running is None:
            return
        count = self.running.server.devices.recent()
        if count != self.devices:
            self.devices = count
            self._show_notice()
            self.changed.emit()

    def _show_notice(self) -> None:
        self.window.show_notice(
            translate("Share", "Sharing with the class — {devices}").format(devices=devices_text(self.devices)),
            key=SHARE_NOTICE,
        )


def install(window: Window, locations: Locations, store: Store | None) -> ShareActions:
    """Add Share with Class… and Stop Sharing to the File menu."""
    return ShareActions(window, locations, store)
