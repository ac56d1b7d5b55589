"""Search as you type: off the GUI thread, newest answer wins, keyboard-driven, "did you mean" clickable."""

import itertools
import time

from PySide6.QtCore import Qt, QTimer

from kit.ui.library.search_panel import safe_snippet
from ui.fake_search import FakeSearchIndex


def _wait_ready(qtbot, window):
    qtbot.waitUntil(lambda: window.search_service.is_ready, timeout=5000)


def test_typing_shows_results_with_highlighted_snippets(qtbot, make_window):
    window = make_window()
    _wait_ready(qtbot, window)
    qtbot.keyClicks(window.search_panel.field, "smuggling")
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.results.count() > 0)
    assert panel.stack.currentIndex() == 1
    html = panel.results.item(0).data(Qt.ItemDataRole.UserRole + 1)
    assert "<b>smuggling</b>" in html
    assert "result" in panel.status.text()


def test_a_slow_search_does_not_freeze_typing(qtbot, make_window):
    """Each query takes 1.5 s in the fake; typing, timers and repaints carry on meanwhile."""
    opener = FakeSearchIndex.opener(delay_s=1.5)
    window = make_window(opener=opener)
    _wait_ready(qtbot, window)
    panel = window.search_panel
    ticks = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start(20)
    panel.field.setText("traff")
    qtbot.wait(200)  # the debounce fires and the slow query starts on its thread
    started = time.monotonic()
    qtbot.keyClicks(panel.field, "icking")
    typed_in = time.monotonic() - started
    assert panel.field.text() == "trafficking"
    assert typed_in < 1.2, "typing waited for the search"  # generous: a blocked loop takes >= 1.5 s
    qtbot.waitUntil(lambda: panel.results.count() > 0, timeout=5000)
    heartbeat.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 1.2, f"the event loop stalled for {max(gaps):.2f} s"
    assert panel.status.text().endswith("results") or "result" in panel.status.text()


def test_only_the_newest_query_is_shown(qtbot, make_window):
    opener = FakeSearchIndex.opener(delay_s=0.3)
    window = make_window(opener=opener)
    _wait_ready(qtbot, window)
    service = window.search_service
    service.search("smuggling")  # answered late...
    service.search("glossary")  # ...after this one was asked: the first answer must be dropped
    window.search_panel.stack.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.search_panel.results.count() > 0, timeout=5000)
    qtbot.wait(400)
    titles = [window.search_panel.results.item(i).text() for i in range(window.search_panel.results.count())]
    assert all("mugg" not in t.lower() for t in titles), titles
    queries = [q for q, _ in opener.made[0].calls]
    assert queries == ["glossary"], "the stale query should have been skipped before running"


def test_enter_opens_the_first_result_and_arrows_move(qtbot, make_window):
    window = make_window()
    _wait_ready(qtbot, window)
    panel = window.search_panel
    window.actions.search.trigger()
    assert panel.field.hasFocus()
    qtbot.keyClicks(panel.field, "trafficking")
    qtbot.waitUntil(lambda: panel.results.count() > 2)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.results.currentRow() == 1
    qtbot.keyClick(panel.field, Qt.Key.Key_Up)
    assert panel.results.currentRow() == 0
    first = panel.results.item(0).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    if window.pages.currentWidget() is window.warning:
        window.warning.continue_button.click()
    qtbot.waitUntil(lambda: window.current_resource() is not None and window.current_resource().id == first)


def test_enter_right_after_typing_opens_the_first_result_of_that_query(qtbot, make_window):
    window = make_window()
    _wait_ready(qtbot, window)
    panel = window.search_panel
    panel.field.setText("glossary")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)  # before the debounce fired
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.warning or window.current_resource() is not None)
    assert window.warning.resource_id == "glossary" or window.current_resource().id == "glossary"


def test_did_you_mean_is_clickable(qtbot, make_window):
    window = make_window(opener=FakeSearchIndex.opener(suggestions={"trafiking": "trafficking"}))
    _wait_ready(qtbot, window)
    panel = window.search_panel
    panel.field.setText("trafiking")
    qtbot.waitUntil(lambda: panel.suggestion.isVisible())
    assert "trafficking" in panel.suggestion.text()
    panel.suggestion.linkActivated.emit("trafficking")
    assert panel.field.text() == "trafficking"
    qtbot.waitUntil(lambda: panel.results.count() > 0)


def test_filters_are_passed_to_the_search(qtbot, make_window):
    opener = FakeSearchIndex.opener()
    window = make_window(opener=opener)
    _wait_ready(qtbot, window)
    panel = window.search_panel
    panel.kind.setCurrentIndex(panel.kind.findData("handout"))
    panel.language.setCurrentIndex(panel.language.findData("en"))
    panel.field.setText("help")
    qtbot.waitUntil(lambda: bool(opener.made[0].calls) and opener.made[0].calls[-1][0] == "help")
    assert opener.made[0].calls[-1][1] == {"kind": "handout", "audience": None, "language": "en"}
    qtbot.waitUntil(lambda: panel.results.count() > 0)
    assert panel.results.item(0).data(Qt.ItemDataRole.UserRole) == "help-line-card"


def test_clearing_the_field_shows_the_library_again(qtbot, make_window):
    window = make_window()
    panel = window.search_panel
    panel.field.setText("help")
    qtbot.waitUntil(lambda: panel.stack.currentIndex() == 1)
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert panel.field.text() == "" and panel.stack.currentIndex() == 0


def test_search_while_the_index_builds_says_so_then_answers(qtbot, make_window):
    window = make_window(opener=FakeSearchIndex.opener(open_delay_s=0.6, steps=4))
    panel = window.search_panel
    panel.field.setText("help")
    qtbot.waitUntil(lambda: "being built" in panel.status.text())
    qtbot.waitUntil(lambda: panel.results.count() > 0, timeout=5000)
    assert window.progress.isHidden()


def test_missing_search_engine_is_a_message_not_a_crash(qtbot, make_window):
    def no_engine(index_dir, library, progress=None):
        raise ImportError("kit.core.search")

    window = make_window(opener=no_engine)
    qtbot.waitUntil(lambda: window.search_service.error is not None)
    window.search_panel.field.setText("help")
    qtbot.waitUntil(lambda: "not available" in window.search_panel.status.text())


def test_snippets_keep_only_bold_highlights():
    assert safe_snippet('a <b>word</b> <img src="/etc/passwd"> &amp; b') == (
        "a <b>word</b> &lt;img src=&quot;/etc/passwd&quot;&gt; &amp; b"
    )


def test_punctuation_only_asks_for_a_word(qtbot, make_window):
    window = make_window()
    _wait_ready(qtbot, window)
    window.search_panel.field.setText("?!")
    qtbot.waitUntil(lambda: window.search_panel.status.text() == "Type a word to search.")


def test_index_progress_reaches_the_window_a_few_times_a_second_not_per_document(qtbot, make_window, kit_library):
    """Issue 15: each progress report repaints the status bar at once; one per document re-indexed after an
    import queued dozens of repaints before the window's next timer (100+ ms)."""
    fake = FakeSearchIndex.opener()

    def opener(index_dir, library, progress=None):
        for done in range(1, 501):
            progress(done, 500)
        return fake(index_dir, library, None)

    window = make_window(library=None, opener=opener)
    shown = []
    window.search_service.progress.connect(lambda done, total: shown.append((done, total)))
    window.set_library(kit_library)
    qtbot.waitUntil(lambda: window.search_service.is_ready, timeout=5000)
    assert shown[-1] == (500, 500)  # the end is always shown
    assert len(shown) < 50


def test_a_new_library_is_indexed_after_the_window_has_handled_it_and_only_the_newest(qtbot, kit_library, tmp_path):
    """set_library starts the index on the next turn of the event loop (start_soon), so the window repaints the new
    library before the index worker competes with it; meanwhile queries wait, and an older index never arrives."""
    from kit.core.content.loader import Library
    from kit.ui.library.search_service import SearchService

    opener = FakeSearchIndex.opener(open_delay_s=0.3)
    service = SearchService(opener)
    service.start(tmp_path, kit_library)  # the older library's index, still being built
    newer = Library(kit_library.packs, kit_library.resources[:5], kit_library.problems)
    service.start_soon(tmp_path, newer)
    assert not service.is_ready and opener.made == []  # nothing started yet on this turn
    qtbot.waitUntil(lambda: service.is_ready, timeout=5000)
    qtbot.wait(400)  # the older build has ended too by now
    assert service._index.library is newer
    service.shutdown()
