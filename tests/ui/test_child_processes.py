"""The kit's children are read the same way: whole JSON-object lines, anything else skipped, a part line kept."""

import sys

from kit.ui.child_processes import kit_child_process, read_messages

CHILD = (
    "print('{\"progress\": [1, 2]}'); print('a library talking'); print('3'); print('[1]'); print('{\"done\"', end='')"
)


def test_whole_object_lines_are_messages_and_the_rest_waits_or_is_skipped(qtbot):
    process = kit_child_process(None)
    process.setProgram(sys.executable)
    process.setArguments(["-c", CHILD])
    process.start()
    assert process.waitForFinished(30_000)
    messages, pending = read_messages(process, b"")
    assert messages == [{"progress": [1, 2]}]  # "3" and "[1]" are JSON but not messages: no AttributeError later
    assert pending == b'{"done"'
    process.deleteLater()
