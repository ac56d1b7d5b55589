"""A lesson presented as one deck and printed as one packet: the window's present_resources / print_resources,
and the Lessons dialog's Present and Print Packet buttons reaching them."""

import datetime as dt
import unicodedata

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

from kit.core.content.loader import load_library
from kit.core.render.plain_text import html_to_text
from kit.core.render.slides import opens_with_title, render_note, split_slides
from kit.core.store.database import Lesson, LessonItem
from kit.ui.present.controller import Presentation
from kit.ui.print_dialogs.edition_choice import EditionChoice
from kit.ui.teacher.lessons_dialog import LessonsDialog

LESSON_IDS = ["what-is-human-trafficking", "guide-what-is-trafficking", "exit-ticket"]


@pytest.fixture
def lesson(window, features):
    store = features.teacher.store
    lesson_id = store.create_lesson(
        "Understanding trafficking",
        class_name="9B",
        date=dt.date(2026, 3, 4),
        items=[LessonItem(LESSON_IDS[0], 12), LessonItem(LESSON_IDS[1], 30), LessonItem(LESSON_IDS[2])],
    )
    return store.lesson(lesson_id)


def _note_texts(resource):
    """Each facilitator note of the resource as plain words (the teacher's text that must stay off the projector)."""
    return [
        " ".join(html_to_text(render_note(resource, n).html).split()) for s in split_slides(resource) for n in s.notes
    ]


def _deck_sizes(resources):
    """Slides each resource brings to a deck: its own, plus a title slide when its first slide does not show its
    title (the guide opens on its title, its planning in the notes; the exit ticket on its title)."""
    return [len(split_slides(r)) + (0 if opens_with_title(r, split_slides(r)) else 1) for r in resources]


def _words(html):
    return " ".join(html_to_text(html).split())


def _note_words(html):
    """A note's words as the presenter's notes pane shows them (list bullets are drawn, not text)."""
    return " ".join(word for word in html_to_text(html).split() if word != "-")


def test_presentation_of_several_resources_is_one_deck(qtbot, window):
    resources = [window.library.get(i) for i in LESSON_IDS]
    sizes = _deck_sizes(resources)
    assert sizes[1] == len(split_slides(resources[1])) and sizes[2] == len(split_slides(resources[2]))
    deck = Presentation(resources, title="Lesson", minutes=42)
    assert deck.count == sum(sizes) and deck.is_deck and deck.title == "Lesson"
    assert deck.planned_minutes == 42
    assert deck.first_slides == [0, sizes[0], sizes[0] + sizes[1]]
    assert deck.title_slides == {0}  # the guide opens on its own title slide (its planning in the notes)
    for index in deck.title_slides:  # the room sees which resource starts; the slide has no notes
        owner = deck.resource_at(index)
        assert owner.title in _words(deck.slide_html(index)) and deck.notes_html(index) == ""
    # Every slide is its own resource's, with that resource's notes and images folder.
    for index in range(deck.count):
        owner = deck.resource_at(index)
        assert deck.pack_dir(index) == owner.pack_dir
        assert deck.notes_html(index) == "".join(render_note(owner, n).html for n in deck.slides[index].notes)
    deck.go(sizes[0] - 1)
    assert deck.resource.id == LESSON_IDS[0]
    deck.next()
    assert deck.index == sizes[0] and deck.resource.id == LESSON_IDS[1]
    assert deck.counter_text() == f"{sizes[0] + 1} / {deck.count}"
    assert deck.part_text() == f"Part 2 of 3: {resources[1].title}"
    deck.previous()
    assert deck.resource.id == LESSON_IDS[0]
    # One resource presents exactly as before: its own title and minutes, no parts.
    single = Presentation(resources[1])
    assert single.count == len(split_slides(resources[1])) and single.title_slides == set()
    assert single.slides == split_slides(resources[1]) and not single.is_deck and single.part_text() == ""
    assert single.title == resources[1].title and single.planned_minutes == resources[1].minutes


def test_window_presents_a_lesson_as_one_deck(qtbot, window, lesson, features):
    resources = [window.library.get(i) for i in LESSON_IDS]
    sizes = _deck_sizes(resources)
    session = features.lessons.present(LESSON_IDS, lesson=lesson)
    assert session is features.presenting.session
    p, audience, presenter = session.presentation, session.audience, session.presenter
    assert audience.isVisible() and p.count == sum(sizes)
    assert p.title == "Understanding trafficking" and p.planned_minutes == 42  # 12 + 30; the third has none
    assert presenter.planned.text().startswith("Planned: 42 min (this part 12")  # the lesson's minutes for part 1
    assert p.part_minutes == [12, 30, resources[2].minutes]  # the exit ticket's own, as the lesson gives none
    assert presenter.slide_list.count() == p.count
    assert presenter.slide_list.item(sizes[0]).text().startswith(f"Part 2 of 3: {resources[1].title}")
    # The clicker walks through the whole lesson, crossing from one resource to the next and back.
    seen_resources = []
    for index in range(p.count):
        assert p.index == index
        owner = resources[[i for i, first in enumerate(p.first_slides) if first <= index][-1]]
        assert p.resource.id == owner.id
        seen_resources.append(owner.id)
        assert audience.slide_view.footer_right == f"{index + 1} / {p.count}"
        assert audience.slide_view.footer_left == owner.title
        # The notes on the laptop are this slide's, from this resource; none of any teacher text reaches the room.
        shown = _words(audience.slide_view.html())
        for note in (t for r in resources for t in _note_texts(r)):
            assert note[:60] not in shown
        for note in p.slides[index].notes:
            assert _note_words(render_note(owner, note).html)[:40] in " ".join(presenter.notes_text().split())
        if index < p.count - 1:
            qtbot.keyClick(audience, Qt.Key.Key_Right)
    assert set(seen_resources) == set(LESSON_IDS)
    qtbot.keyClick(audience, Qt.Key.Key_Right)  # the last slide stays
    assert p.index == p.count - 1
    qtbot.keyClick(presenter, Qt.Key.Key_Home)
    assert p.index == 0
    # Jump by number across the deck: the first slide of the third resource.
    target = p.first_slides[2] + 1
    for digit in str(target):
        qtbot.keyClick(presenter, getattr(Qt.Key, f"Key_{digit}"))
    qtbot.keyClick(presenter, Qt.Key.Key_Return)
    assert p.index == target - 1 and p.resource.id == LESSON_IDS[2]
    assert "Part 3 of 3" in presenter.title.text()
    qtbot.keyClick(presenter, Qt.Key.Key_Left)
    assert p.resource.id == LESSON_IDS[1] and audience.slide_view.html() == p.slide_html(p.index)
    presenter.slide_list.itemClicked.emit(presenter.slide_list.item(2))
    assert p.index == 2
    with qtbot.waitSignal(session.finished, timeout=1000):
        qtbot.keyClick(audience, Qt.Key.Key_Escape)


def test_window_prints_a_lesson_as_one_packet(qtbot, window, lesson, tmp_path, features):
    dialog = features.lessons.print_packet(LESSON_IDS, lesson=lesson)
    assert isinstance(dialog, QPrintPreviewDialog) and dialog is features.printing.dialog
    job = features.printing.last_job
    assert [r.id for r in job.resources] == LESSON_IDS and job.edition == "student"
    assert (job.cover.title, job.cover.class_name, job.cover.date) == (
        "Understanding trafficking",
        "9B",
        "2026-03-04",
    )
    qtbot.waitUntil(dialog.isVisible)
    expected = features.printing.document(job).page_count
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == expected)
    with qtbot.waitSignal(features.printing.exported, timeout=30_000) as exported:
        features.printing.export_to(job, tmp_path / "lesson.pdf")
    out = exported.args[0]
    # NFKC: the PDF's text has ligatures ("ﬃ") where the titles have letters.
    pages = [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in pypdf.PdfReader(str(out)).pages]
    assert len(pages) == expected
    assert "Understanding trafficking" in pages[0] and "Class: 9B" in pages[0] and "Date: 4 March 2026" in pages[0]
    assert "Student edition" in pages[0]
    assert pages[1].startswith("Contents") or "Contents" in pages[1]
    titles = [window.library.get(i).title for i in LESSON_IDS]
    positions = [pages[1].index(t) for t in titles]
    assert positions == sorted(positions)  # listed in the lesson's order
    body = " ".join(pages[2:])
    assert all(t in body for t in titles)


def test_print_packet_is_the_student_copy_whatever_the_reader_shows(qtbot, window, lesson, features):
    """Issue 14: the reader's teacher edition (remembered across restarts) once went to the class's packet."""
    window.set_edition("teacher")
    dialog = features.lessons.print_packet(LESSON_IDS[:2], lesson=lesson)
    assert features.printing.last_job.edition == "student"
    assert [r.id for r in features.printing.last_job.resources] == LESSON_IDS[:2]
    # The teacher copy is a visible choice in the preview's toolbar, the same control as the packet builder's.
    choice = features.printing.edition_choice
    assert isinstance(choice, EditionChoice) and choice.isVisibleTo(dialog) and choice.edition() == "student"
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() > 0)
    student_pages = preview.pageCount()
    choice.set_edition("teacher")
    assert features.printing.last_job.edition == "teacher"
    qtbot.waitUntil(lambda: preview.pageCount() != student_pages)  # the notes make the teacher copy longer
    dialog.close()


def test_a_lesson_without_its_resources_presents_and_prints_nothing(qtbot, window, features):
    assert features.lessons.present(["gone"]) is None
    assert features.lessons.print_packet(["gone"]) is None


def _click_in_lessons_dialog(qtbot, window, lesson: Lesson, button_text: str, features) -> None:
    """Open Lessons… from the menu as the teacher does, pick the lesson, and press the button."""

    def press() -> None:
        # findChild, not a scan of QApplication.topLevelWidgets(): wrapping Qt's internal windows from Python
        # makes Qt complain at exit ("shared QObject was deleted directly").
        dialog = window.findChild(LessonsDialog)
        assert dialog is not None and dialog.isVisible()
        row = next(
            r
            for r in range(dialog.lesson_list.count())
            if dialog.lesson_list.item(r).data(Qt.ItemDataRole.UserRole) == lesson.id
        )
        dialog.lesson_list.setCurrentRow(row)
        next(b for b in dialog.extra_buttons if b.text() == button_text).click()

    features.teacher.lessons_action.trigger()  # not modal: it returns with the dialog open
    press()
    dialog = window.findChild(LessonsDialog)
    assert dialog.isVisible() and dialog.current_id() == lesson.id  # still open, where it was


def test_lessons_dialog_present_button_presents_the_lesson(qtbot, window, lesson, features):
    _click_in_lessons_dialog(qtbot, window, lesson, "&Present", features)
    session = features.presenting.session
    p = session.presentation
    assert [r.id for r in p.resources] == LESSON_IDS and p.title == lesson.title
    assert p.count == sum(_deck_sizes([window.library.get(i) for i in LESSON_IDS]))
    assert session.audience.isVisible()
    session.presentation.end()


def test_lessons_dialog_print_packet_button_opens_the_packet_preview(qtbot, window, lesson, features):
    _click_in_lessons_dialog(qtbot, window, lesson, "Print &Packet", features)
    dialog = features.printing.dialog
    assert isinstance(dialog, QPrintPreviewDialog)
    qtbot.waitUntil(dialog.isVisible)
    job = features.printing.last_job
    assert [r.id for r in job.resources] == LESSON_IDS
    assert job.cover.title == lesson.title and job.cover.class_name == "9B"
    dialog.close()
    qtbot.wait(50)


def _pack_with_picture(root, pack_id, colour):
    """A one-resource pack whose slide shows images/pic.png, a square of `colour`."""
    from PySide6.QtGui import QColor, QImage

    (root / "images").mkdir(parents=True)
    (root / "pack.yaml").write_text(f"id: {pack_id}\ntitle: Pack {pack_id}\nlicense: CC0\n")
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(root / "images" / "pic.png"))
    (root / f"{pack_id}-pic.md").write_text(
        f"---\ntitle: Picture {pack_id}\nkind: handout\nsummary: A picture.\naudience: [grades-9-10]\n"
        f"language: en\n---\n\n## Look\n\n![a square](images/pic.png)\n"
    )
    return f"{pack_id}-pic"


def test_each_slide_of_a_deck_takes_its_images_from_its_own_pack(qtbot, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    ids = [
        _pack_with_picture(tmp_path / "red", "red", "#ff0000"),
        _pack_with_picture(tmp_path / "blue", "blue", "#0000ff"),
    ]
    library = load_library([tmp_path / "red", tmp_path / "blue"])
    assert not library.errors(), [str(p) for p in library.errors()]
    deck = Presentation([library.get(i) for i in ids], title="Two packs")
    from kit.ui.present.audience import AudienceView

    view = AudienceView(deck)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    seen = []
    for index in range(deck.count):
        deck.go(index)
        if "pic.png" not in view.slide_view.html():
            continue
        loaded = view.slide_view.document().loadResource(
            QTextDocument.ResourceType.ImageResource, QUrl("images/pic.png")
        )
        seen.append((deck.resource.id, loaded.pixelColor(1, 1).name()))
    assert seen == [(ids[0], "#ff0000"), (ids[1], "#0000ff")]


def test_planned_minutes_come_from_the_lesson_and_skip_removed_resources(window):
    from kit.ui.teacher.lesson_actions import lesson_resources, planned_minutes

    lesson = Lesson(1, "L", items=(LessonItem(LESSON_IDS[0], 7), LessonItem("gone", 50), LessonItem(LESSON_IDS[2])))
    resources = lesson_resources(window.library, [i.resource_id for i in lesson.items])
    assert [r.id for r in resources] == [LESSON_IDS[0], LESSON_IDS[2]]
    assert planned_minutes(lesson, resources) == (7, [7, resources[1].minutes])
    # No minutes in the lesson: the resources' own; no lesson at all: the same.
    bare = Lesson(2, "L", items=tuple(LessonItem(r.id) for r in resources))
    own = sum(r.minutes for r in resources)
    assert planned_minutes(bare, resources) == planned_minutes(None, resources) == (own, [r.minutes for r in resources])


def test_a_title_still_being_typed_goes_with_the_lesson(qtbot, window, lesson, features):
    handed = []
    dialog = LessonsDialog(
        features.teacher.store, window.library, window, None, lambda ids, lesson: handed.append(lesson)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    row = next(
        r
        for r in range(dialog.lesson_list.count())
        if dialog.lesson_list.item(r).data(Qt.ItemDataRole.UserRole) == lesson.id
    )
    dialog.lesson_list.setCurrentRow(row)
    dialog.title_edit.setText("Renamed just now")  # no editingFinished: the focus never left the field
    dialog.extra_buttons[0].click()
    assert handed[0].title == "Renamed just now" and handed[0].class_name == "9B"
    assert features.teacher.store.lesson(lesson.id).title == "Renamed just now"
