"""The reader's last-resort trial layout (kit.ui.reader.layout_trial): a page large enough to hold the GUI thread
is laid out first in a child process, never on a worker thread; over the budget it shows a notice, and the kit's
own pages (and every page under the size estimate) start no child at all."""

import os

import pytest

from kit.core.content.loader import load_library
from kit.core.render.reading_page import build_page
from kit.ui.reader import layout_trial, page_loader
from ui.ui_helpers import PREPARING

HEAD = "---\ntitle: {title}\nkind: article\nsummary: A long page.\naudience: [grades-9-10]\n---\n\n"
BIG_WORDS = 60_000  # characters: over TRIAL_ABOVE_CHARS of HTML, under every structure limit of core


@pytest.fixture
def long_pages(tmp_path):
    pack = tmp_path / "long"
    pack.mkdir()
    (pack / "pack.yaml").write_text('id: long\ntitle: Long pages\nversion: "1"\nlanguage: en\n', encoding="utf-8")
    words = ("A long paragraph of ordinary words. " * (BIG_WORDS // 36)).strip()
    (pack / "long-page.md").write_text(HEAD.format(title="A very long page") + words + "\n", encoding="utf-8")
    (pack / "short-page.md").write_text(HEAD.format(title="A short page") + "Short.\n", encoding="utf-8")
    library = load_library([pack])
    assert layout_trial.needs_trial(build_page(library.get("long-page"), library).html)
    return library


@pytest.fixture
def trials(monkeypatch):
    """Every trial the reader starts (real ones: the child runs)."""
    started = []
    real = page_loader.LayoutTrial

    def recording(html_text, parent=None):
        trial = real(html_text, parent)
        started.append(trial)
        return trial

    monkeypatch.setattr(page_loader, "LayoutTrial", recording)
    return started


def _shown(window, text):
    return lambda: text in window.reader.toPlainText() and PREPARING not in window.reader.toPlainText()


def test_a_large_page_over_the_budget_shows_a_notice(qtbot, make_window, long_pages, trials, monkeypatch):
    monkeypatch.setattr(layout_trial, "BUDGET_MS", 0)  # whatever this machine's speed: over budget
    window = make_window(library=long_pages)
    window.open_resource("long-page")
    qtbot.waitUntil(_shown(window, layout_trial.TOO_COMPLEX), timeout=20_000)
    assert "A very long page" in window.reader.toPlainText()  # the header still says which page it is
    assert "ordinary words" not in window.reader.toPlainText()
    assert len(trials) == 1


def test_a_large_page_within_the_budget_is_shown(qtbot, make_window, long_pages, trials, monkeypatch):
    monkeypatch.setattr(layout_trial, "BUDGET_MS", 10**9)
    window = make_window(library=long_pages)
    window.open_resource("long-page")
    qtbot.waitUntil(_shown(window, "ordinary words"), timeout=20_000)
    assert len(trials) == 1
    window.open_resource("short-page")
    qtbot.waitUntil(_shown(window, "Short."), timeout=10_000)
    window.open_resource("long-page")  # the verdict is kept with the page: no second child
    qtbot.waitUntil(_shown(window, "ordinary words"), timeout=10_000)
    assert len(trials) == 1


def test_normal_pages_start_no_child(qtbot, make_window, kit_library, trials):
    window = make_window()
    for resource_id in ("exit-ticket", "guide-what-is-trafficking", "glossary"):
        window.open_resource(resource_id, acknowledged=True)
        qtbot.waitUntil(_shown(window, kit_library.get(resource_id).title), timeout=10_000)
    assert trials == []


def test_every_bundled_page_is_under_the_estimate(kit_library):
    """Counted, not timed: the kit's own pages never pay for a trial (benchmarks/reader_layout_bench.py has the
    times behind the estimate)."""
    for resource in kit_library.resources:
        for edition in ("student", "teacher"):
            size = len(build_page(resource, kit_library, edition).html)
            assert not layout_trial.needs_trial("x" * size), (
                f"{resource.id} ({edition}) is {size:,} characters of HTML, over the reader's trial estimate: split "
                "the page, or measure with benchmarks/reader_layout_bench.py before raising TRIAL_ABOVE_CHARS"
            )


def test_a_page_clicked_away_from_stops_its_trial(qtbot, make_window, long_pages, trials):
    window = make_window(library=long_pages)
    window.open_resource("long-page")
    qtbot.waitUntil(lambda: len(trials) == 1 and trials[0].process.processId() > 0, timeout=10_000)
    child = trials[0].process.processId()
    window.open_resource("short-page")
    qtbot.waitUntil(_shown(window, "Short."), timeout=10_000)
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # killed and reaped: no child left laying out a page nobody will see
    assert "ordinary words" not in window.reader.toPlainText()


def test_the_trial_lays_out_in_another_process(qtbot):
    trial = layout_trial.LayoutTrial("<p>" + "word " * 20_000 + "</p>")
    with qtbot.waitSignal(trial.done, timeout=20_000) as done:
        trial.start()
        child = trial.process.processId()
    assert child > 0 and child != os.getpid()
    ms, _fits = done.args
    assert ms > 0  # the child really laid the page out and said how long it took
