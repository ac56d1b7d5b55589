"""Bodies made once and sent many times: a page's bytes, their gzip form and a strong ETag, chosen per request.

A class opens the same library page, reader pages and style sheet over and over, often over a phone hotspot.
Rendering a page once, compressing it once and answering a browser that already has it with 304 keeps both
the server's time per request and the bytes on the room's Wi-Fi small (the library page: 13 KB, 4 KB as gzip,
nothing on a 304). Search results are not kept (they are no-store) but are compressed too.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from dataclasses import dataclass

MIN_COMPRESSED_BYTES = 1024  # below this the gzip header and the extra header cost about what they save
SEARCH_GZIP_LEVEL = 5  # made on every search: fast; a kept body is compressed once, at the best level
_GZIP = re.compile(r"(?:^|,)\s*(?:gzip|x-gzip|\*)\s*(?:;\s*q\s*=\s*(?P<q>[0-9.]{1,5}))?\s*(?:,|$)", re.IGNORECASE)
VARY = ("Vary", "Accept-Encoding, Accept-Language")  # the pages differ by both (kit.web.strings.preferred_language)


@dataclass(frozen=True)
class Ready:
    """One representation of a page, ready to send: the bytes, the same bytes gzip-compressed (or None), an ETag."""

    body: bytes
    gzipped: bytes | None
    etag: str  # a strong validator of `body`; the gzip form gets its own (RFC 9110 8.8.3)

    @classmethod
    def of(cls, body: bytes, level: int = 9) -> Ready:
        # mtime=0: the same page compresses to the same bytes in every worker of a gunicorn server.
        gzipped = gzip.compress(body, level, mtime=0) if len(body) >= MIN_COMPRESSED_BYTES else None
        if gzipped is not None and len(gzipped) >= len(body):
            gzipped = None
        digest = hashlib.blake2b(body, digest_size=12).hexdigest()
        return cls(body, gzipped, f'"{digest}"')


def accepts_gzip(environ) -> bool:
    """Whether the request's Accept-Encoding allows gzip (any q above 0)."""
    match = _GZIP.search(environ.get("HTTP_ACCEPT_ENCODING", "")[:200])
    if match is None:
        return False
    try:
        return float(match.group("q") or 1) > 0
    except ValueError:
        return False


def choose(ready: Ready, environ) -> tuple[bytes, str, tuple[tuple[str, str], ...]]:
    """The body to send for this request, its ETag and the headers that say which form it is."""
    if ready.gzipped is not None and accepts_gzip(environ):
        return ready.gzipped, ready.etag[:-1] + '-gz"', (("Content-Encoding", "gzip"),)
    return ready.body, ready.etag, ()


def not_modified(environ, etag: str) -> bool:
    """Whether the browser's If-None-Match already names `etag` (weak comparison, as RFC 9110 13.1.2 asks)."""
    header = environ.get("HTTP_IF_NONE_MATCH", "")
    if not header or len(header) > 2_000:
        return False
    if header.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in header.split(","))
