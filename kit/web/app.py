"""The WSGI application: a small route table over the student library, its search index and the static files.

Read-only by construction: GET and HEAD only, no request body is ever read, nothing is written except the
share's own search index (built once, in the cache folder). Every response carries the security headers.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from importlib import resources as package_files
from pathlib import Path
from urllib.parse import parse_qs, unquote

from kit.core.content.loader import Library
from kit.core.model import AUDIENCES, KINDS, LANGUAGES
from kit.core.names import ID_PATTERN
from kit.core.render import answer_space, links, markup
from kit.web import pages, strings, student_edition
from kit.web.ready import SEARCH_GZIP_LEVEL, VARY, Ready, choose, not_modified
from kit.web.web_links import for_browser

MAX_TARGET_CHARS = 2_048  # the longest path + query answered; longer ones get 414 (links.MAX_URL_CHARS too)
MAX_QUERY_FIELDS = 10
SEARCH_LIMIT = 20
SECURITY_HEADERS = [
    (
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
]
STATIC_TYPES = {
    "kit.css": "text/css; charset=utf-8",
    "search.js": "text/javascript; charset=utf-8",
    "icon.svg": "image/svg+xml",
}
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif"}
HTML = "text/html; charset=utf-8"
_RESOURCE = ID_PATTERN.pattern.strip("^$")
_SAFE_ROOT = re.compile(r"(/[A-Za-z0-9_-]{1,64}){0,8}")
ROUTES = [
    (re.compile(r"/"), "route_library"),
    (re.compile(r"/search"), "route_search"),
    (re.compile(rf"/r/(?P<id>{_RESOURCE})"), "route_reader"),
    (re.compile(rf"/r/(?P<id>{_RESOURCE})/print"), "route_printable"),
    (re.compile(rf"/r/(?P<id>{_RESOURCE})/picture/(?P<path>[^\x00]{{1,1000}})"), "route_picture"),
    (re.compile(r"/static/(?P<name>kit\.css|search\.js|icon\.svg)"), "route_static"),
]


@dataclass(frozen=True)
class Response:
    status: str
    body: bytes
    content_type: str = HTML
    cache: str = "no-cache"
    extra: tuple[tuple[str, str], ...] = ()
    ready: Ready | None = None  # a body kept for many requests: send() picks gzip or not, or answers 304


class ShareApp:
    """The classroom share as a WSGI callable. Thread-safe: its state is read-only after construction."""

    def __init__(self, library: Library, index):
        self.library = library  # already the student library (kit.web.student_edition)
        self.index = index
        self.by_id = {r.id: r for r in library.resources}
        self.present = {
            "kind": [k for k in KINDS if any(r.kind == k for r in library.resources)],
            "audience": [a for a in AUDIENCES if any(a in r.audience for r in library.resources)],
            "language": [g for g in LANGUAGES if any(r.language == g for r in library.resources)],
        }
        # Pages made once and kept with this app (kit.web.ready): its library never changes (a new share loads
        # the packs again and builds a new app, whose caches start empty; an old app's go with it). The keys
        # are bounded: filters are checked against `present`, `root` comes from the server (kit.web.class_code
        # or SCRIPT_NAME), and the oldest keys go first.
        self._library_ready = functools.lru_cache(maxsize=256)(self._make_library)
        self._reader_ready = functools.lru_cache(maxsize=512)(self._make_reader)

    def __call__(self, environ, start_response):
        return send(self.respond(environ), environ, start_response)

    def respond(self, environ) -> Response:
        """The response to one request (never raises for anything a client can send)."""
        language = strings.preferred_language(environ.get("HTTP_ACCEPT_LANGUAGE", "")[:200])
        method = environ.get("REQUEST_METHOD", "GET")
        root = site_root(environ)
        if method not in ("GET", "HEAD"):
            return error_response(
                "405 Method Not Allowed", "not_allowed", language, root, extra=(("Allow", "GET, HEAD"),)
            )
        raw_path = environ.get("PATH_INFO", "") or "/"
        query_string = environ.get("QUERY_STRING", "")
        if len(raw_path) + len(query_string) > MAX_TARGET_CHARS:
            return error_response("414 URI Too Long", "too_long", language, root)
        try:
            # PEP 3333 hands the path over as latin-1 decoded bytes; the kit's addresses are UTF-8.
            path = raw_path.encode("latin-1").decode("utf-8")
            params = parse_qs(query_string, max_num_fields=MAX_QUERY_FIELDS, encoding="utf-8", errors="strict")
        except (UnicodeError, ValueError):
            return error_response("400 Bad Request", "bad_request", language, root)
        query = {k: v[0] for k, v in params.items()}
        for pattern, name in ROUTES:
            match = pattern.fullmatch(path)
            if match:
                return getattr(self, name)(query, language, root, **match.groupdict())
        return error_response("404 Not Found", "not_found", language, root)

    # ---- routes

    def _chosen(self, query: dict[str, str]) -> dict[str, str]:
        return {key: query.get(key, "") if query.get(key, "") in self.present[key] else "" for key in self.present}

    def route_library(self, query, language, root):
        chosen = self._chosen(query)
        language = chosen["language"] or language
        return _kept(self._library_ready(chosen["kind"], chosen["audience"], chosen["language"], language, root))

    def _make_library(self, kind: str, audience: str, in_language: str, language: str, root: str) -> Ready:
        chosen = {"kind": kind, "audience": audience, "language": in_language}
        shown = [
            r
            for r in self.library.resources
            if (not kind or r.kind == kind)
            and (not audience or audience in r.audience)
            and (not in_language or r.language == in_language)
        ]
        return Ready.of(pages.library_page(shown, language, self.present, chosen, root).encode("utf-8"))

    def route_search(self, query, language, root):
        chosen = self._chosen(query)
        language = chosen["language"] or language
        text = query.get("q", "")
        results = self.index.search(text, limit=SEARCH_LIMIT, **{k: v or None for k, v in chosen.items()})
        page = pages.search_page(text, results, self.by_id, language, self.present, chosen, root)
        # Searches are not cached anywhere: a shared tablet's next student should not find them.
        return _kept(Ready.of(page.encode("utf-8"), SEARCH_GZIP_LEVEL), cache="no-store")

    def route_reader(self, query, language, root, id):
        page = self._reader_ready(id, False, root)
        return _kept(page) if page else error_response("404 Not Found", "not_found", language, root)

    def route_printable(self, query, language, root, id):
        page = self._reader_ready(id, True, root)
        return _kept(page) if page else error_response("404 Not Found", "not_found", language, root)

    def _make_reader(self, resource_id: str, printable: bool, root: str) -> Ready | None:
        resource = self.by_id.get(resource_id)
        if resource is None:
            return None
        rendered = markup.render(resource, "student")
        # A `---` line marks a slide break for presenting; in a reading page it is only noise. Answer space stays
        # (kit.css rules its lines).
        body = answer_space.without_other_rules(rendered.html)
        body = for_browser(body, resource.id, self.by_id, set(rendered.images), root)
        related = [self.by_id[i] for i in resource.related if i in self.by_id] if rendered.safe else []
        page = pages.reader_page(resource, body, rendered.headings, related, printable=printable, root=root)
        return Ready.of(page.encode("utf-8"))

    def route_picture(self, query, language, root, id, path):
        resource = self.by_id.get(id)
        relative = unquote(path)
        # Only a picture this resource's student page shows, and only through the reader's image policy.
        if resource is None or relative not in markup.render(resource, "student").images:
            return error_response("404 Not Found", "not_found", language, root)
        file = links.pack_file(resource.pack_dir, relative)
        if file is None or links.image_problem(file) is not None:
            return error_response("404 Not Found", "not_found", language, root)
        try:
            data = file.read_bytes()
        except OSError:
            return error_response("404 Not Found", "not_found", language, root)
        return Response("200 OK", data, IMAGE_TYPES[file.suffix.lower()], cache="max-age=3600")

    def route_static(self, query, language, root, name):
        return _kept(_static(name), STATIC_TYPES[name], cache="max-age=3600")


@functools.cache
def _static(name: str) -> Ready:
    return Ready.of(package_files.files("kit.web").joinpath("static", name).read_bytes())


def _kept(ready: Ready, content_type: str = HTML, cache: str = "no-cache") -> Response:
    return Response("200 OK", ready.body, content_type, cache=cache, ready=ready)


def send(response: Response, environ, start_response):
    """Answer with `response` and the security headers every answer of the share carries.

    A kept body goes gzip-compressed to a browser that accepts it, and as 304 (no body) to one that has it."""
    status, body, extra = response.status, response.body, response.extra
    if response.ready is not None:
        body, etag, encoding = choose(response.ready, environ)
        extra = (("ETag", etag), VARY, *encoding, *extra)
        if not_modified(environ, etag):
            headers = [("Cache-Control", response.cache), *SECURITY_HEADERS, *extra]
            start_response("304 Not Modified", headers)
            return [b""]
    headers = [
        ("Content-Type", response.content_type),
        ("Content-Length", str(len(body))),
        ("Cache-Control", response.cache),
        *SECURITY_HEADERS,
        *extra,
    ]
    start_response(status, headers)
    return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]


def error_response(status: str, title_key: str, language: str, root: str = "", *, back: bool = True, extra=()):
    """A 4xx answer with its page, never cached."""
    page = pages.error_page(title_key, language, root, back=back)
    return Response(status, page.encode("utf-8"), cache="no-store", extra=tuple(extra))


def site_root(environ) -> str:
    """Where the share's addresses start: SCRIPT_NAME, set by the server or by kit.web.class_code ("/CODE").

    Only a plain path of letters, digits, '-', '_' and '/' is used; anything else falls back to the top."""
    root = environ.get("SCRIPT_NAME", "").rstrip("/")
    return root if _SAFE_ROOT.fullmatch(root) else ""


def build_app(locations=None, resource_ids=None) -> ShareApp:
    """Load the library for `locations`, keep its student edition, open the share's own search index."""
    from kit.core.content.loader import load_library
    from kit.core.paths import resolve_locations
    from kit.core.search import SearchIndex

    locations = locations or resolve_locations()
    full = load_library(list(locations.library_roots()))
    library = student_edition.student_library(full, set(resource_ids) if resource_ids is not None else None)
    # Its own index folder: the app's index holds the teacher text of the same folders. A share of chosen
    # resources gets a folder of its own too, so it never rewrites the whole kit's share index.
    chosen = (
        "all"
        if resource_ids is None
        else hashlib.blake2b("\n".join(sorted(resource_ids)).encode(), digest_size=6).hexdigest()
    )
    index = SearchIndex.open(Path(locations.cache_dir) / "share-index" / chosen, library)
    return ShareApp(library, index)
