"""The share on a school server of several processes (gunicorn's workers), with the embedded server's safeguards.

`gunicorn --preload ... 'kit.web:create_school_app(code="K7RM4")'` serves the student edition behind a classroom
code and the per-device limit, as `kit serve` does:

- The classroom code is in the command line, so every worker checks the same one (kit.web.class_code keeps no
  state). It does not change by itself: the school chooses when to change it.
- The per-device limit's buckets are made when gunicorn imports the app. With --preload that is in the master,
  before the workers are forked, so they share one table (kit.web.shared_buckets) and a device has the same
  allowance whichever worker answers. Without --preload each worker has its own table: a device may then make
  up to (workers x) the embedded server's burst, and the first request says so in the server's log.
- Behind a reverse proxy every request comes from the proxy's address: the limit would hold back the whole
  school as one device, so there it is left to the proxy (limit=False).

The packs and the share's search index are loaded by each worker on its first request, not in the master: the
index is never carried over a fork (its library keeps threads and locks of its own).
"""

from __future__ import annotations

import threading

WORKER_NOTE = (
    "kit: the per-device limit is this worker's own (the app was not loaded with --preload), so a device may "
    "make that many more requests on other workers\n"
)


class SchoolApp:
    """The WSGI app: classroom code and per-device limit outside, the share app built per process inside."""

    def __init__(self, locations=None, resource_ids=None, *, code: str = "", limit: bool = True):
        from kit.web.class_code import ClassCode
        from kit.web.limits import RequestLimit
        from kit.web.shared_buckets import SharedBuckets

        self._locations, self._ids = locations, resource_ids
        self._app = None
        self._lock = threading.Lock()
        self._noted = False
        inner = ClassCode(self._share, code) if code else self._share  # checks the code now: a bad one fails here
        self.buckets = SharedBuckets() if limit else None
        self._outer = RequestLimit(inner, buckets=self.buckets) if limit else inner

    def share_app(self):
        """This process's share app, built on first use."""
        with self._lock:
            if self._app is None:
                from kit.web.app import build_app

                self._app = build_app(self._locations, self._ids)
            return self._app

    def _share(self, environ, start_response):
        return self.share_app()(environ, start_response)

    def __call__(self, environ, start_response):
        if self.buckets is not None and not self.buckets.shared and not self._noted:
            self._noted = True
            errors = environ.get("wsgi.errors")
            if errors is not None:
                errors.write(WORKER_NOTE)
        return self._outer(environ, start_response)
