"""The classroom code: a short random word at the start of every address of one share (`/K7RM4/r/...`).

A neighbouring class on the same network that types the address without the code, or a device that scans a
code from yesterday, gets a friendly 404 that says to scan the teacher's code. The code is a convenience
against stumbling in, not a password: anyone who sees the projector can read it.

`ClassCode(app, code)` is WSGI middleware: a request under `/<code>` goes to `app` with the code moved from
PATH_INFO to SCRIPT_NAME (so the app's links keep it, see kit.web.app.site_root); `/static/...` is served at
the top too, so the 404 page is styled. A server with no code (gunicorn on a school server) serves `app`
directly.
"""

from __future__ import annotations

import secrets

from kit.web import strings
from kit.web.app import Response, error_response, send

# No look-alikes when read from a projector or typed on a phone: no 0/O/Q/D, 1/I/L, 2/Z, 5/S, 6/G, 8/B, U/V.
ALPHABET = "ACEFHJKMNPRTWXY3479"
CODE_LENGTH = 5  # 19**5 ≈ 2.5 million codes: a new one each session, never guessed by typing a few


def new_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


class ClassCode:
    """WSGI middleware: only addresses that start with `/<code>` reach `app` (the code matched in any case)."""

    def __init__(self, app, code: str):
        if not code or any(c not in ALPHABET for c in code.upper()):
            raise ValueError(f"a classroom code is made of {ALPHABET}")
        self.app = app
        self.code = code.upper()

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "") or "/"
        first, slash, rest = path[1:].partition("/")
        if first.upper() == self.code:
            if not slash:  # "/CODE" alone: the app's pages live under "/CODE/"
                location = f"{environ.get('SCRIPT_NAME', '').rstrip('/')}/{self.code}/"
                return send(
                    Response("301 Moved Permanently", b"", extra=(("Location", location),)), environ, start_response
                )
            inner = dict(environ)
            inner["SCRIPT_NAME"] = f"{environ.get('SCRIPT_NAME', '').rstrip('/')}/{self.code}"
            inner["PATH_INFO"] = "/" + rest
            return self.app(inner, start_response)
        if first == "static":  # the style sheet and icon, so the page below is readable; no content is there
            return self.app(environ, start_response)
        language = strings.preferred_language(environ.get("HTTP_ACCEPT_LANGUAGE", "")[:200])
        return send(error_response("404 Not Found", "wrong_code", language, back=False), environ, start_response)
