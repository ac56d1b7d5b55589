"""The share's address as a QR code, drawn by segno (pure Python, BSD): text for a terminal, later a picture."""

from __future__ import annotations

import io


def terminal_qr(url: str) -> str:
    """The QR code of `url` in half-block characters, dark on light whatever the terminal's colours."""
    import segno

    code = segno.make(url, error="m", micro=False)
    out = io.StringIO()
    code.terminal(out=out, compact=True, border=2)
    return out.getvalue()
