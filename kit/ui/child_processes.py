"""What every piece of the kit run as a child process from the GUI event loop shares (docs/bounded-work.md rule 6):
the QProcess set up the same way, and the child's JSON lines read as they arrive."""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment

from kit.core.child_process import child_environment


def kit_child_process(parent: QObject) -> QProcess:
    """A QProcess for `kit --kit-child NAME`: the kit's child environment, and the child's tracebacks on our stderr."""
    process = QProcess(parent)
    environment = QProcessEnvironment()
    for name, value in child_environment().items():
        environment.insert(name, value)
    process.setProcessEnvironment(environment)
    process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
    return process


def read_messages(process: QProcess, pending: bytes) -> tuple[list[dict], bytes]:
    """The whole JSON-object lines that have arrived on the child's standard output, and the part line still to
    come. Anything else (a library printing to standard output, a value that is not an object) is skipped."""
    *lines, pending = (pending + bytes(process.readAllStandardOutput().data())).split(b"\n")
    messages = []
    for line in lines:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if isinstance(message, dict):
            messages.append(message)
    return messages, pending
