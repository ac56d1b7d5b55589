"""The kit as a read-only website for a classroom: the student edition only, as a standard WSGI application.

`create_app(locations)` returns the WSGI callable; `kit serve` serves it with an embedded server and a school
server can run it under gunicorn (`gunicorn 'kit.web:create_app()'`, or `create_school_app` for the classroom
code and the per-device limit across workers). Nothing here imports Qt.
"""

from __future__ import annotations


def create_app(locations=None, resource_ids=None):
    """The WSGI application for `locations` (default: the same folders `kit` uses, from KIT_* variables).

    `resource_ids`, when given, limits what is shared to those resources (they must be student resources).
    """
    from kit.web.app import build_app

    return build_app(locations, resource_ids)


def create_school_app(locations=None, resource_ids=None, *, code: str = "", limit: bool = True):
    """The share for a school server of several processes (gunicorn --preload): `create_app`'s pages behind the
    classroom `code` (none when "") and the per-device limit shared by all workers (kit.web.school)."""
    from kit.web.school import SchoolApp

    return SchoolApp(locations, resource_ids, code=code, limit=limit)


__all__ = ["create_app", "create_school_app"]
