"""The running kit's end of the local socket: reads each message with a size cap and a time limit, on the GUI
thread's event loop but never blocking it, and passes on only requests that `message.decode` accepts.

A local client may send anything (10 MB, garbage, a connection that never writes): Qt is asked to buffer at most one
message, a connection is dropped after `READ_TIMEOUT_MS`, and at most `MAX_CONNECTIONS` are open at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from kit.ui.single_instance.message import END, MAX_MESSAGE_BYTES, BadRequest, decode

READ_TIMEOUT_MS = 2000
MAX_CONNECTIONS = 8


class RequestServer(QObject):
    """Listens on `name` (user-only access) and emits each checked Request."""

    requested = Signal(object)  # message.Request
    refused = Signal(str)  # why a message was not acted on (shown nowhere: a stray client is not the teacher's news)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._open: set[_Connection] = set()

    def listen(self) -> bool:
        """Start listening. Only the lock's holder calls this, so a socket file left by a crash is removed first."""
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        """Stop listening and drop unfinished messages (before the window goes: no reader outlives its socket)."""
        self.server.close()
        for connection in list(self._open):
            connection.drop()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if len(self._open) >= MAX_CONNECTIONS:
                socket.abort()
                socket.deleteLater()
                self.refused.emit("too many connections")
                continue
            connection = _Connection(socket, self)
            self._open.add(connection)
            connection.done.connect(self._open.discard)


class _Connection(QObject):
    done = Signal(object)  # itself

    def __init__(self, socket: QLocalSocket, server: RequestServer):
        super().__init__(server)
        self.socket, self.server = socket, server
        socket.setParent(self)
        socket.setReadBufferSize(MAX_MESSAGE_BYTES + 1)  # Qt stops reading from the client beyond this
        self.data = b""
        self.timer = QTimer(self, singleShot=True, interval=READ_TIMEOUT_MS)
        self.timer.timeout.connect(self._too_slow)
        self.timer.start()
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self._closed)
        self._read()

    def drop(self) -> None:
        self._finish(None, "the kit is closing")

    def _too_slow(self) -> None:
        self._finish(None, "too slow")

    def _closed(self) -> None:
        self._finish(None, "closed before the end of the message")

    def _read(self) -> None:
        if self.timer is None:
            return
        self.data += bytes(self.socket.read(MAX_MESSAGE_BYTES + 1 - len(self.data)))
        line, newline, _rest = self.data.partition(END)
        if newline:
            try:
                request = decode(line)
            except BadRequest as exc:
                self._finish(None, str(exc))
            else:
                self._finish(request, "")
        elif len(self.data) > MAX_MESSAGE_BYTES:
            self._finish(None, "message too long")

    def _finish(self, request, why: str) -> None:
        if self.timer is None:  # already answered
            return
        self.timer.stop()
        self.timer = None
        self.socket.readyRead.disconnect(self._read)  # nothing of this reader runs again, even while it is deleted
        self.socket.disconnected.disconnect(self._closed)
        if self.socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            self.socket.write(b"ok" + END if request is not None else f"refused: {why}".encode() + END)
            self.socket.flush()
            self.socket.disconnectFromServer()  # closes once the reply is written
        if request is None:
            self.server.refused.emit(why)
        else:
            self.server.requested.emit(request)
        self.done.emit(self)
        # Time for the reply to leave, then the socket goes; with `self` as context the timer dies with the server.
        QTimer.singleShot(READ_TIMEOUT_MS, self, self.deleteLater)
