"""Helpers shared by the UI tests (a plain module: pytest's conftest modules are not for importing)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BAD = REPO / "tests" / "data" / "bad"
PREPARING = "Preparing the page…"  # kit.ui.window_pages' placeholder


def open_and_wait(qtbot, window, resource_id: str, accept_warning: bool = True) -> None:
    """Open a resource, say Continue to its content warning, and wait until its page is shown."""
    assert window.open_resource(resource_id)
    if window.pages.currentWidget() is window.warning and accept_warning:
        window.warning.continue_button.click()
    resource = window.library.get(resource_id)
    # Not "Preparing the page…" with the title above it (shown when a page takes a moment on a busy machine).
    shown = lambda: resource.title in window.reader.toPlainText() and PREPARING not in window.reader.toPlainText()  # noqa: E731
    qtbot.waitUntil(shown, timeout=10_000)
