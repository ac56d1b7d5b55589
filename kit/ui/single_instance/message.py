"""What a second start of the kit tells the running one: one short JSON line, checked before anything acts on it.

Any program of the same user can connect to the running kit's socket, so a message is untrusted input: it is read
with a size cap (`MAX_MESSAGE_BYTES`), must be UTF-8 JSON of exactly the shape below, and a pack path must name an
existing regular file ending in `.kitpack` (not a FIFO or a device, which would hang the import). Qt-free.

    {"kit": 1, "action": "raise"}                               bring the window to the front
    {"kit": 1, "action": "import", "path": "/abs/x.kitpack"}    the same import as File > Import Pack
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

VERSION = 1
RAISE = "raise"
IMPORT = "import"
PACK_SUFFIX = ".kitpack"
MAX_MESSAGE_BYTES = 4096  # a path and a few keys; anything longer is not from the kit
MAX_PATH_CHARS = 2048
END = b"\n"  # one message per connection, ended by a newline


class BadRequest(ValueError):
    """A message (or a pack path) the running kit will not act on; the text says why in a few words."""


@dataclass(frozen=True)
class Request:
    action: str
    path: Path | None = None


def encode(request: Request) -> bytes:
    body = {"kit": VERSION, "action": request.action}
    if request.path is not None:
        body["path"] = str(request.path)
    data = json.dumps(body, ensure_ascii=False).encode("utf-8") + END
    if len(data) > MAX_MESSAGE_BYTES:
        raise BadRequest("the path is too long to pass on")
    return data


def decode(data: bytes) -> Request:
    """The request in `data` (one line, without or with its newline), or BadRequest."""
    if len(data) > MAX_MESSAGE_BYTES:
        raise BadRequest("message too long")
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: deeply nested brackets
        raise BadRequest("not a kit message") from None
    if not isinstance(body, dict) or type(body.get("kit")) is not int or body["kit"] != VERSION:
        raise BadRequest("not a kit message")
    action = body.get("action")
    if action == RAISE and body.keys() == {"kit", "action"}:
        return Request(RAISE)
    if action == IMPORT and body.keys() == {"kit", "action", "path"}:
        return Request(IMPORT, pack_path(body["path"]))
    raise BadRequest("unknown request")


def pack_path(text: object) -> Path:
    """`text` as the absolute path of an existing .kitpack file, or BadRequest."""
    if not isinstance(text, str) or not text or len(text) > MAX_PATH_CHARS or "\x00" in text:
        raise BadRequest("not a file path")
    path = Path(text)
    if not path.is_absolute():
        raise BadRequest("not an absolute path")
    if path.suffix.lower() != PACK_SUFFIX:
        raise BadRequest(f"not a {PACK_SUFFIX} file")
    try:
        regular = path.is_file()  # follows a link; False for a folder, a FIFO or a device
    except OSError:  # a name too long for the file system, a folder that cannot be read
        regular = False
    if not regular:
        raise BadRequest(f"no such pack file: {path.name}")
    return path
