"""Presenting (issue 8): clicker keys, black/white screens, fit-to-screen, presenter view, starting from the reader."""

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextDocument

from kit.core.content.loader import load_library
from kit.core.render.slides import split_slides
from kit.ui.present.audience import AudienceView
from kit.ui.present.controller import Presentation
from kit.ui.present.presenter import PresenterView
from kit.ui.present.session import PresentationSession, choose_screens
from kit.ui.present.slide_view import BASE_PX, SlideView
from testdata import REPO
from ui.ui_helpers import open_and_wait

GUIDE = "guide-what-is-trafficking"


@pytest.fixture(scope="module")
def library():
    return load_library([REPO / "resources"])


@pytest.fixture
def audience(qtbot, library):
    presentation = Presentation(library.get(GUIDE))
    view = AudienceView(presentation)
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show()
    return view


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


@pytest.mark.parametrize(
    "key",
    [Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter],
)
def test_next_keys_advance_one_slide(qtbot, audience, key):
    press(qtbot, audience, key)
    assert audience.presentation.index == 1
    assert audience.slide_view.html() == audience.presentation.slide_html(1)
    assert audience.slide_view.footer_right == f"2 / {audience.presentation.count}"


@pytest.mark.parametrize("key", [Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace])
def test_previous_keys_go_back_one_slide_and_stop_at_the_first(qtbot, audience, key):
    audience.presentation.go(3)
    press(qtbot, audience, key)
    assert audience.presentation.index == 2
    audience.presentation.go(0)
    press(qtbot, audience, key)
    assert audience.presentation.index == 0


def test_home_end_and_last_slide_stays(qtbot, audience):
    last = audience.presentation.count - 1
    press(qtbot, audience, Qt.Key.Key_End)
    assert audience.presentation.index == last
    press(qtbot, audience, Qt.Key.Key_Right)
    assert audience.presentation.index == last
    press(qtbot, audience, Qt.Key.Key_Home)
    assert audience.presentation.index == 0


def test_number_and_enter_jumps(qtbot, audience):
    press(qtbot, audience, Qt.Key.Key_7)
    assert audience.presentation.index == 0 and "7" in audience.slide_view.footer_right
    press(qtbot, audience, Qt.Key.Key_Return)
    assert audience.presentation.index == 6
    qtbot.keyClicks(audience, "99")
    press(qtbot, audience, Qt.Key.Key_Enter)
    assert audience.presentation.index == audience.presentation.count - 1  # past the end: the last slide
    qtbot.keyClicks(audience, "2")
    press(qtbot, audience, Qt.Key.Key_Left)  # another key forgets the typed number
    assert audience.presentation.typed == "" and audience.presentation.index == audience.presentation.count - 2


def test_f5_restarts_from_the_beginning_and_shift_f5_stays(qtbot, audience):
    audience.presentation.go(4)
    press(qtbot, audience, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert audience.presentation.index == 4
    press(qtbot, audience, Qt.Key.Key_F5)
    assert audience.presentation.index == 0


def dominant_colour(widget):
    image = widget.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}
    return colours


@pytest.mark.parametrize(
    ("key", "kind", "colour"),
    [
        (Qt.Key.Key_B, "black", "#000000"),
        (Qt.Key.Key_Period, "black", "#000000"),
        (Qt.Key.Key_W, "white", "#ffffff"),
        (Qt.Key.Key_Comma, "white", "#ffffff"),
    ],
)
def test_black_and_white_screens_toggle(qtbot, audience, key, kind, colour):
    audience.presentation.go(3)
    assert len(dominant_colour(audience)) > 1  # a slide: text on the background
    press(qtbot, audience, key)
    assert audience.presentation.blank == kind
    assert dominant_colour(audience) == {colour}  # nothing of the slide shows
    press(qtbot, audience, key)
    assert audience.presentation.blank is None and audience.presentation.index == 3
    assert len(dominant_colour(audience)) > 1


def test_next_from_a_blank_screen_returns_to_the_same_slide(qtbot, audience):
    audience.presentation.go(2)
    press(qtbot, audience, Qt.Key.Key_B)
    press(qtbot, audience, Qt.Key.Key_W)  # black to white directly
    assert audience.presentation.blank == "white"
    press(qtbot, audience, Qt.Key.Key_PageDown)
    assert audience.presentation.blank is None and audience.presentation.index == 2


def test_escape_ends_the_presentation(qtbot, audience):
    with qtbot.waitSignal(audience.presentation.ended, timeout=1000):
        press(qtbot, audience, Qt.Key.Key_Escape)
    assert not audience.presentation.running


def test_cursor_hides_when_idle_and_returns_on_movement(qtbot, audience):
    assert not audience.cursor_hidden and audience.cursor_timer.isActive()
    audience.cursor_timer.timeout.emit()  # what the idle timer does, without waiting for it
    assert audience.cursor_hidden
    qtbot.mouseMove(audience.slide_view, QPoint(100, 100))
    qtbot.mouseMove(audience.slide_view, QPoint(120, 130))
    assert not audience.cursor_hidden


def test_audience_view_never_shows_facilitator_notes(qtbot, audience):
    presentation = audience.presentation
    for index in range(presentation.count):
        presentation.go(index)
        for note in presentation.slides[index].notes:
            words = note.strip().split("\n")[-1].strip()[:40]
            assert words and words not in audience.slide_view.document().toPlainText()


def fits(view: SlideView) -> tuple[bool, float, float]:
    width, height = view.scaled_content_size()
    area = view.content_rect()
    inside = QRectF(view.rect())
    return (
        height <= area.height() and width <= area.width() + 0.5 and inside.contains(area),
        height,
        area.height(),
    )


def test_fit_to_screen_keeps_the_longest_bundled_slide_inside_1024x768(qtbot, library):
    view = SlideView()
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show()
    # The longest slide of the kit: the one whose unscaled document is tallest at the screen's width.
    longest = None
    for resource in library.resources:
        presentation = Presentation(resource)
        for index in range(presentation.count):
            view.set_slide(presentation.slide_html(index), resource.pack_dir)
            view.document().setTextWidth(view.content_rect().width() / (768 / 1080))
            height = view.document().size().height()
            if longest is None or height > longest[0]:
                longest = (height, resource, index)
    _, resource, index = longest
    view.set_slide(Presentation(resource).slide_html(index), resource.pack_dir)
    ok, drawn_height, room = fits(view)
    assert ok, f"{resource.id} slide {index + 1}: {drawn_height:.0f} px of text in {room:.0f} px"
    assert view.scale < 768 / 1080  # it had to shrink to fit
    assert drawn_height > room * 0.8  # and shrinks no more than it must


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (1280, 800)])
def test_every_bundled_slide_fits_without_scrolling(qtbot, library, size):
    view = SlideView()
    qtbot.addWidget(view)
    view.resize(*size)
    smallest = BASE_PX
    for resource in library.resources:
        presentation = Presentation(resource)
        for index in range(presentation.count):
            view.set_slide(presentation.slide_html(index), resource.pack_dir)
            ok, drawn, room = fits(view)
            assert ok, (resource.id, index, drawn, room)
            smallest = min(smallest, view.body_text_px())
    assert smallest >= 10  # the worst slide is still text, not dust


def test_short_slides_are_not_blown_up_past_the_projector_size(qtbot, library):
    view = SlideView()
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.set_slide("<h2>One line</h2>")
    assert view.body_text_px() == pytest.approx(BASE_PX)


def test_presenter_view_shows_notes_next_slide_timer_and_list(qtbot, library):
    presentation = Presentation(library.get(GUIDE))
    view = PresenterView(presentation)
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show()
    # Nothing forces the window past a 1024×768 laptop screen (it would be cut off at the edge).
    assert view.minimumSizeHint().width() <= 1024 and view.minimumSizeHint().height() <= 768
    assert (view.width(), view.height()) == (1024, 768)
    question = next(i for i, s in enumerate(presentation.slides) if s.title.startswith("2."))
    presentation.go(question)
    assert "Answer notes" in view.notes_text() and "Palermo Protocol" in view.notes_text()
    assert view.next_view.html() == presentation.slide_html(question + 1)
    assert view.current_view.html() == presentation.slide_html(question)
    following = presentation.slides[question + 1].title
    assert view.next_label.text() == f"Next, slide {question + 2} of {presentation.count}: {following}"
    assert view.elapsed.text().startswith("Elapsed 00:0")
    assert ":" in view.clock.text()
    assert view.planned.text() == "Planned: 45 min (this slide 8)"
    assert view.slide_list.count() == presentation.count and view.slide_list.currentRow() == question
    presentation.go(presentation.count - 1)
    assert "end of the presentation" in view.next_label.text()
    # The guide's planning (purpose, time, materials) is in the notes of its title slide, not on the projector.
    presentation.go(0)
    assert "Purpose" in view.notes_text() and "Materials" in view.notes_text()
    assert "Purpose" not in presentation.slide_html(0)
    item = view.slide_list.item(3)
    view.slide_list.itemClicked.emit(item)
    assert presentation.index == 3


def test_presenter_view_takes_clicker_keys_whatever_was_clicked(qtbot, library):
    presentation = Presentation(library.get(GUIDE))
    view = PresenterView(presentation)
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(view.black_button, Qt.MouseButton.LeftButton)
    assert presentation.blank == "black" and "black screen" in view.audience_state.text()
    press(qtbot, view, Qt.Key.Key_Space)  # a button with focus would eat Space; none takes focus
    assert presentation.blank is None and presentation.index == 0
    press(qtbot, view, Qt.Key.Key_Space)
    press(qtbot, view, Qt.Key.Key_PageDown)
    assert presentation.index == 2


def test_choose_screens_puts_the_audience_on_the_other_screen():
    laptop, projector, third = object(), object(), object()
    assert choose_screens(laptop, [laptop, projector]) == (projector, laptop)
    assert choose_screens(laptop, [projector, laptop, third]) == (projector, laptop)
    assert choose_screens(laptop, [laptop]) == (laptop, None)
    assert choose_screens(None, [laptop]) == (laptop, None)


def test_one_screen_toggles_between_audience_and_presenter(qtbot, library):
    session = PresentationSession(library.get(GUIDE), screens=[QGuiApplication.primaryScreen()], full_screen=False)
    qtbot.addWidget(session.audience)
    qtbot.addWidget(session.presenter)
    session.show()
    assert session.one_screen and session.audience.isVisible() and not session.presenter.isVisible()
    assert session.presenter.swap_button.isVisibleTo(session.presenter)
    press(qtbot, session.audience, Qt.Key.Key_P)
    assert session.presenter.isVisible() and not session.audience.isVisible()
    press(qtbot, session.presenter, Qt.Key.Key_P)
    assert session.audience.isVisible() and not session.presenter.isVisible()
    with qtbot.waitSignal(session.finished, timeout=1000):
        press(qtbot, session.audience, Qt.Key.Key_Escape)
    assert not session.audience.isVisible() and not session.presenter.isVisible()


def test_f5_in_the_reader_presents_the_open_resource_full_screen(qtbot, window, features):
    window.open_resource(GUIDE, acknowledged=True)
    qtbot.waitUntil(lambda: "Discussion guide" in window.reader.toPlainText())
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View")
    assert features.presenting.present_action in view_menu.actions()
    assert features.presenting.present_action.shortcut().toString() == "F5"
    assert features.presenting.present_here_action.shortcut().toString() == "Shift+F5"
    features.presenting.present_action.trigger()
    session = features.presenting.session
    assert session.presentation.resource.id == GUIDE and session.presentation.index == 0
    assert session.audience.isVisible() and session.audience.isFullScreen()
    session.presentation.end()
    assert not session.audience.isVisible()
    # Closing the app's window while presenting takes the presentation with it.
    features.presenting.present_action.trigger()
    session = features.presenting.session
    assert session.audience.isVisible()
    window.close()
    assert not session.presentation.running and not session.audience.isVisible()


def test_shift_f5_starts_from_the_section_on_screen(qtbot, window, features):
    library = window.library
    # Not only its title: on a busy machine "Preparing the page…" shows the title first, and the page that
    # replaces it resets the scroll (a full run failed so, index 0).
    open_and_wait(qtbot, window, GUIDE)
    slides = split_slides(library.get(GUIDE))
    target = next(i for i, s in enumerate(slides) if s.title.startswith("2."))
    found = window.reader.document().find(slides[target].title)
    cursor = window.reader.textCursor()
    cursor.setPosition(found.selectionStart())
    window.reader.setTextCursor(cursor)
    bar = window.reader.verticalScrollBar()
    bar.setValue(int(window.reader.document().documentLayout().blockBoundingRect(found.block()).top()))
    features.presenting.present_here_action.trigger()
    assert features.presenting.session.presentation.index == target
    features.presenting.session.presentation.end()


def test_kit_present_opens_the_app_presenting_the_resource(qtbot, bundled_dir):
    """What `kit present ID --slide 3` shows (its run() is this plus app.exec())."""
    from kit.commands.present import open_presenting
    from kit.core.content.loader import load_library
    from kit.core.paths import resolve_locations

    locations = resolve_locations([str(bundled_dir)])
    library = load_library(list(locations.library_roots()))
    window, _features, session = open_presenting(locations, library, library.get(GUIDE), start=2)
    qtbot.addWidget(window)
    audience = session.audience
    assert audience.isVisible() and audience.isFullScreen()
    assert (audience.presentation.resource.id, audience.presentation.index) == (GUIDE, 2)
    # The reader renders off the GUI thread; the teacher finds the guide there when the presentation ends.
    qtbot.waitUntil(lambda: "Discussion guide: What is human" in window.reader.toPlainText(), timeout=5000)
    audience.presentation.end()
    assert not audience.isVisible()
    window.close()


def test_hostile_pack_presents_without_crash_or_escape(qtbot):
    """Every file of the bad-inputs pack (DATA/bad) splits, renders and fits; images stay confined to the pack."""
    import time

    from testdata import DATA

    library = load_library([DATA / "bad"])
    assert library.resources
    view = SlideView()
    qtbot.addWidget(view)
    view.resize(1024, 768)
    start = time.perf_counter()
    for resource in library.resources:
        presentation = Presentation(resource)
        for index in range(presentation.count):
            html = presentation.slide_html(index)
            for bad in ("<script", "javascript:", "file:", "onerror"):
                assert bad not in html, (resource.id, bad)
            view.set_slide(html, resource.pack_dir)
            assert fits(view)[0], resource.id
            view.grab()
    # Generous: guards against the exponential layouts of bad-inputs.md M7-M12, not a benchmark.
    assert time.perf_counter() - start < 60
    document = view.document()
    document.pack_dir = DATA / "bad"
    image = QTextDocument.ResourceType.ImageResource
    assert not document.loadResource(image, QUrl("images/ok.png")).isNull()
    for refused in ("../../etc/hosts.png", "/etc/hosts.png", "images/svg-named.png", "images/bomb.png"):
        assert document.loadResource(image, QUrl(refused)).isNull(), refused
