"""Text for a terminal: control characters a pack could carry (ESC, BEL, OSC window titles and clipboard writes)
shown as visible escapes instead of being obeyed by the terminal."""

from __future__ import annotations

import re
from typing import TextIO

# C0 controls except tab, newline and carriage return (progress lines use it), DEL, and the C1 range (0x9b is
# CSI and 0x9d OSC on 8-bit terminals). Written as \\u001b: readable, and still valid inside `--json` strings.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class EscapingWriter:
    """A text stream that escapes control characters in everything written through it."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_controls(text))
        return len(text)

    def __getattr__(self, name: str):  # flush, fileno, isatty, encoding…: the wrapped stream's
        return getattr(self._stream, name)
