"""The main window's pages: a resource opened (its content note asked first), its page prepared off the GUI thread
and shown, the welcome page, the user guide, and back and forward through what was read.

`PageOpening` is a part of kit.ui.main_window.MainWindow, which holds the widgets and the state these methods use.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from kit.core.i18n import QT_TRANSLATE_NOOP, current_language
from kit.ui.help import user_guide, welcome_html
from kit.ui.i18n import translate
from kit.ui.reader.link_policy import LinkPolicy

if TYPE_CHECKING:
    from kit.core.model import Resource

TITLE = QT_TRANSLATE_NOOP("MainWindow", "Classroom Kit")
READER_PAGE, WARNING_PAGE = 0, 1
PREPARING_NOTICE_MS = 250


class PageOpening:
    """Opening resources and moving through them (MainWindow's)."""

    def open_resource(self, resource_id: str, fragment: str = "", *, acknowledged: bool = False) -> bool:
        """Open a resource of the library by id (asking first when it has a content warning, unless the
        teacher already chose it knowingly: `kit present ID`, a lesson, a resource they just added)."""
        resource = self.library.get(resource_id) if self.library else None
        if resource is None:
            self.show_status(
                translate("MainWindow", "“{id}” is not in this kit; the page stays as it was.").format(
                    id=resource_id[:60]
                )
            )
            return False
        if acknowledged:
            self._acknowledged.add(resource.id)
        return self.show_resource(resource, fragment)

    def show_resource(self, resource: Resource, fragment: str = "", *, record: bool = True) -> bool:
        """Show any resource (also one outside the library, such as the bundled user guide)."""
        if record:
            self._history.record(resource.id)
            self._update_navigation()
        if resource.content_warning and resource.id not in self._acknowledged:
            self.warning.ask(resource.id, resource.title, resource.content_warning)
            self._pending_warning = (resource, fragment)
            self.pages.setCurrentIndex(WARNING_PAGE)
            self.library_panel.select(resource.id)
            self.set_contents_visible(False)
            self.setWindowTitle(f"{resource.title} — {translate('MainWindow', TITLE)}")
            return True
        self._load(resource, fragment)
        return True

    def _refresh_page(self) -> None:
        """The open resource is the same in a new library (a pack imported, a file added elsewhere): its page is
        prepared again off the GUI thread, since its related links may now resolve differently, and shown only if
        it changed. Reopening it every time laid out and repainted the page on the GUI thread while the index was
        rebuilt (the import's 100+ ms gap, issue 15) and took the teacher back to the top of what they read."""
        self._pending_token = self.loader.request(self._current, self.library, self.settings.edition)
        self._refreshing = True

    def _load(self, resource: Resource, fragment: str) -> None:
        self._refreshing = False
        self._current = resource
        self._pending_fragment = fragment
        self.pages.setCurrentIndex(READER_PAGE)
        self.setWindowTitle(f"{resource.title} — {translate('MainWindow', TITLE)}")
        self.library_panel.select(resource.id)
        self._pending_token = self.loader.request(resource, self.library, self.settings.edition)
        if not self.loader.is_ready(self._pending_token):
            # Say so when a page takes a moment (a huge or hostile file), instead of leaving the old one up.
            self._preparing_timer.start(PREPARING_NOTICE_MS)

    def _show_preparing(self) -> None:
        if self._current is not None and not self.loader.is_ready(self._pending_token):
            preparing = html.escape(translate("MainWindow", "Preparing the page…"))
            text = f"<h1>{html.escape(self._current.title)}</h1><p class='meta'>{preparing}</p>"
            self.reader.show_page(text, self._stylesheet(), LinkPolicy(None), self._body_pt())

    def page_ready(self, token: int, page) -> None:
        """A page prepared off the GUI thread arrived; show it if it is still the one asked for."""
        from kit.ui.window_layout import fill_contents

        if token != self._pending_token or self._current is None or page.resource_id != self._current.id:
            return
        if self._refreshing:
            self._refreshing = False
            if page.html == self.reader.page_html:
                return  # the same page: the teacher keeps their place, nothing is laid out again
        self.reader.show_page(page.html, self._stylesheet(), LinkPolicy(self._current.pack_dir), self._body_pt())
        fill_contents(self, page.headings)
        self.reader.setAccessibleDescription(self._current.title)  # "Page, Exit ticket" to a screen reader
        if self._pending_fragment:
            self.reader.scrollToAnchor(self._pending_fragment)
        self.find_bar.refresh()
        # A content note accepted for this page is not asked again when the kit reopens on it.
        accepted = bool(self._current.content_warning) and self._current.id in self._acknowledged
        if (self._current.id, accepted) != (self.settings.last_resource, self.settings.note_accepted):
            self.update_settings(last_resource=self._current.id, note_accepted=accepted)
        self.resource_opened.emit(self._current)

    def follow_internal_link(self, resource_id: str, fragment: str) -> None:
        if self._current is not None and resource_id == self._current.id and fragment:
            self.reader.scrollToAnchor(fragment)
            return
        self.open_resource(resource_id, fragment)

    def warning_accepted(self, resource_id: str) -> None:
        resource, fragment = self._pending_warning
        self._acknowledged.add(resource_id)
        self._load(resource, fragment)

    def warning_declined(self, resource_id: str) -> None:
        # Forget the refused page in history, then return to where the teacher was.
        self._history.drop_current()
        self._update_navigation()
        if self._current is not None:
            self.pages.setCurrentIndex(READER_PAGE)
            self.setWindowTitle(f"{self._current.title} — {translate('MainWindow', TITLE)}")
            self.library_panel.select(self._current.id)
            self.set_contents_visible(self.actions.contents_panel.isChecked())
        else:
            self.show_welcome()

    def show_welcome(self) -> None:
        from kit.ui.window_layout import fill_contents

        self._current = None
        self.pages.setCurrentIndex(READER_PAGE)
        self.setWindowTitle(translate("MainWindow", TITLE))
        self.reader.show_page(welcome_html(self.library), self._stylesheet(), LinkPolicy(None), self._body_pt())
        fill_contents(self, ())

    def go_back(self) -> None:
        self._go(-1)

    def go_forward(self) -> None:
        self._go(1)

    def _go(self, step: int) -> None:
        resource_id = self._history.step(step)
        self._update_navigation()
        resource = self.library.get(resource_id) if self.library and resource_id else None
        if resource is not None:
            self.show_resource(resource, record=False)

    def _update_navigation(self) -> None:
        self.actions.back.setEnabled(self._history.can_go_back)
        self.actions.forward.setEnabled(self._history.can_go_forward)

    def open_user_guide(self) -> None:
        guide = user_guide(self.library, current_language())
        if guide is None:
            self.show_status(translate("MainWindow", "The user guide is not installed."))
            return
        self.show_resource(guide)
