"""The kit as a read-only website for a classroom: the student edition only, as a standard WSGI application.

`create_app(locations)` returns the WSGI callable; `kit serve` serves it with an embedded server and a school
server can run it under gunicorn (`gunicorn 'kit.web:create_app()'`). Nothing here imports Qt.
"""

from __future__ import annotations


def create_app(locations=None, resource_ids=None):
    """The WSGI application for `locations` (default: the same folders `kit` uses, from KIT_* variables).

    `resource_ids`, when given, limits what is shared to those resources (they must be student resources).
    """
    from kit.web.app import build_app

    return build_app(locations, resource_ids)


__all__ = ["create_app"]
