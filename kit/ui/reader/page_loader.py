"""Prepares reading pages off the GUI thread, so a hostile file can slow its own page but never the window."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextDocument

from kit.core.i18n import QT_TRANSLATE_NOOP
from kit.core.paths import bundled_resources_dir
from kit.ui.background import Background
from kit.ui.i18n import translate

if TYPE_CHECKING:
    from kit.core.content.loader import Library
    from kit.core.model import Resource
    from kit.core.render.reading_page import Page


# Structure limits in core catch the known exponential and quadratic cases; this budget catches the rest.
# The layout is tried here, on a worker thread (Qt releases the interpreter while it lays out), so a page
# that would take seconds is refused before it can reach the reader on the GUI thread.
LAYOUT_BUDGET_S = 1.5
TRIAL_WIDTH = 720
TOO_COMPLEX = QT_TRANSLATE_NOOP("Reader", "This page cannot be displayed safely: it is too complex to lay out.")
_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def layout_seconds(html_text: str) -> float:
    """How long Qt takes to parse and lay out this HTML (pictures left out: they are capped separately)."""
    document = QTextDocument()
    document.setTextWidth(TRIAL_WIDTH)
    started = time.perf_counter()
    document.setHtml(_IMAGE.sub("", html_text))
    document.size()  # forces the whole layout
    return time.perf_counter() - started


def _shipped(resource: Resource) -> bool:
    """A page of the kit's own bundled packs: laid out and printed by the test suite before it ships, so it needs
    no trial layout. The trial is for pages from elsewhere, and it is kept to them because a QTextDocument on a
    worker can deadlock with the GUI thread in PySide (the worker holds the interpreter inside
    QTextDocument.size() while waiting for a Qt connection lock the GUI thread holds while it waits for the
    interpreter; seen once under load, issue 15)."""
    bundled = bundled_resources_dir()
    return bundled is not None and resource.path.resolve().is_relative_to(bundled.resolve())


class PageLoader(QObject):
    """`request()` returns at once; `page_ready` brings the page, only for the newest request."""

    page_ready = Signal(int, object)  # token, Page

    def __init__(self, parent=None):
        super().__init__(parent)
        self._background = Background(self, threads=2)  # one slow page does not hold up the next click
        self._ready: set[int] = set()
        self._cache: dict[tuple[str, str], Page] = {}

    def request(self, resource: Resource, library: Library | None, edition: str) -> int:
        key = (resource.id, edition)
        cached = self._cache.get(key)
        if cached is not None:
            token = self._background.known(cached, lambda page: self._arrived(token, key, page), kind="page")
            self._ready.add(token)  # no "Preparing…" flash for a page already made
            return token

        def work() -> Page:
            from kit.core.render.reading_page import (  # Markdown loads on first use, off the GUI thread
                build_page,
                notice_page,
            )

            page = build_page(resource, library, edition)
            if page.safe and not _shipped(resource) and layout_seconds(page.html) > LAYOUT_BUDGET_S:
                page = notice_page(resource, edition, translate("Reader", TOO_COMPLEX))
            return page

        token = self._background.run(work, lambda page: self._arrived(token, key, page), kind="page")
        return token

    def _arrived(self, token: int, key: tuple[str, str], page: Page) -> None:
        self._cache[key] = page
        self._ready.add(token)
        self.page_ready.emit(token, page)

    def is_ready(self, token: int) -> bool:
        return token in self._ready

    def clear_cache(self) -> None:
        self._cache.clear()

    def shutdown(self) -> None:
        self._background.shutdown()
