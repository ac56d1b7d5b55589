"""Prepares reading pages off the GUI thread, so a hostile file can slow its own page but never the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kit.ui.background import Background
from kit.ui.i18n import translate
from kit.ui.reader.layout_trial import TOO_COMPLEX, LayoutTrial, needs_trial

if TYPE_CHECKING:
    from kit.core.content.loader import Library
    from kit.core.model import Resource
    from kit.core.render.reading_page import Page


# The worker builds the page's HTML (Python only). It never lays a QTextDocument out: that deadlocked with the
# GUI thread in PySide (docs/bounded-work.md). A large page is laid out first in a child process
# (kit.ui.reader.layout_trial); one over the budget shows a notice instead of freezing the window.


class PageLoader(QObject):
    """`request()` returns at once; `page_ready` brings the page, only for the newest request."""

    page_ready = Signal(int, object)  # token, Page

    def __init__(self, parent=None):
        super().__init__(parent)
        self._background = Background(self, threads=2)  # one slow page does not hold up the next click
        self._ready: set[int] = set()
        self._cache: dict[tuple[str, str], Page] = {}
        self._trial: LayoutTrial | None = None  # the trial of the page asked for last, while it runs
        self._latest = 0

    def request(self, resource: Resource, library: Library | None, edition: str) -> int:
        self._stop_trial()  # a page clicked away from needs no verdict
        key = (resource.id, edition)
        cached = self._cache.get(key)
        if cached is not None:
            token = self._background.known(cached, lambda page: self._deliver(token, key, page), kind="page")
            self._ready.add(token)  # no "Preparing…" flash for a page already made
            self._latest = token
            return token

        def work() -> Page:
            from kit.core.render.reading_page import build_page  # Markdown loads on first use, off the GUI thread

            return build_page(resource, library, edition)

        token = self._background.run(work, lambda page: self._built(token, key, resource, page), kind="page")
        self._latest = token
        return token

    def _built(self, token: int, key: tuple[str, str], resource: Resource, page: Page) -> None:
        if not (page.safe and needs_trial(page.html)):
            self._deliver(token, key, page)
            return
        trial = LayoutTrial(page.html, self)
        trial.done.connect(lambda _ms, fits: self._tried(token, key, resource, page, fits))
        self._trial = trial
        trial.start()

    def _tried(self, token: int, key: tuple[str, str], resource: Resource, page: Page, fits: bool) -> None:
        self._trial = None
        if token != self._latest:
            return
        if not fits:
            from kit.core.render.reading_page import notice_page

            page = notice_page(resource, page.edition, translate("Reader", TOO_COMPLEX))
        self._deliver(token, key, page)

    def _deliver(self, token: int, key: tuple[str, str], page: Page) -> None:
        self._cache[key] = page
        self._ready.add(token)
        self.page_ready.emit(token, page)

    def is_ready(self, token: int) -> bool:
        return token in self._ready

    def clear_cache(self) -> None:
        self._cache.clear()

    def _stop_trial(self) -> None:
        trial, self._trial = self._trial, None
        if trial is not None:
            trial.stop()
            trial.deleteLater()

    def shutdown(self) -> None:
        self._stop_trial()
        self._background.shutdown()
