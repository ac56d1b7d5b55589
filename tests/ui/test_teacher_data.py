"""Bookmarks, notes, lessons and packs in the real window, headless."""

import pytest
from PySide6.QtCore import Qt, QTimer

from kit.core.content.loader import load_library
from kit.core.paths import resolve_locations
from kit.core.store.database import LessonItem, Store
from kit.ui.app import open_window
from kit.ui.teacher import material_actions, pack_actions
from kit.ui.teacher.lessons_dialog import LessonsDialog
from testdata import DATA, REPO


def open_(qtbot, window, index: int) -> str:
    """Open the library's resource number `index` and wait until the reader shows it (pages load off-thread)."""
    resource = window.library.resources[index]
    with qtbot.waitSignal(window.resource_opened, timeout=5000):
        window.open_resource(resource.id, acknowledged=True)
    return resource.id


@pytest.fixture(autouse=True)
def audience_asked(monkeypatch):
    """The first Add Material asks who the material is for; these tests answer grades 9-10."""
    asked = []
    monkeypatch.setattr(material_actions, "ask_audience", lambda parent: asked.append(1) or ("grades-9-10",))
    return asked


@pytest.fixture
def told(monkeypatch):
    messages = []
    monkeypatch.setattr(pack_actions, "tell", lambda parent, title, text, error=False: messages.append(text))
    monkeypatch.setattr(material_actions, "tell", lambda parent, title, text, error=False: messages.append(text))
    return messages


def test_ctrl_d_bookmarks_the_open_resource(qtbot, window, locations, features):
    data = features.teacher
    assert data.bookmark_action.shortcut().toString() == "Ctrl+D"
    open_(qtbot, window, 3)
    resource_id = window.current_resource_id()
    window.activateWindow()
    qtbot.keyClick(window.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    if not data.store.is_bookmarked(resource_id):  # offscreen may not deliver shortcuts; the action is the same
        data.bookmark_action.trigger()
    assert data.store.bookmarks() == [resource_id]
    assert data.bookmark_action.isChecked()
    data._fill_bookmarks_menu()
    titles = [a.text() for a in data.bookmarks_menu.actions()]
    assert window.library.get(resource_id).title in titles
    open_(qtbot, window, 0)
    assert not data.bookmark_action.isChecked()


def test_note_saved_by_itself_and_shown_again(qtbot, window, locations, features):
    notes = features.teacher.notes
    open_(qtbot, window, 1)
    first = window.current_resource_id()
    notes.editor.setPlainText("Ask the class first 👩🏽‍🏫\nעברית")
    qtbot.waitUntil(lambda: notes.status.text() == "Saved", timeout=3000)
    notes.editor.setPlainText("changed just before switching")
    open_(qtbot, window, 2)  # switching saves at once
    assert notes.editor.toPlainText() == ""
    open_(qtbot, window, 1)
    assert notes.editor.toPlainText() == "changed just before switching"
    with Store.open(locations.data_dir) as store:
        assert store.note(first) == "changed just before switching"


def test_read_only_data_shows_the_notice_and_keeps_working(qtbot, locations, monkeypatch):
    from kit.core.store import files

    monkeypatch.setattr(files, "writable", lambda folder, path: False)
    win, features = open_window(locations)
    qtbot.addWidget(win)
    data = features.teacher
    assert data.notes.editor.isReadOnly() and "read-only" in data.notes.status.text()
    assert "read-only" in win.notice()  # a lasting notice: the status line's messages come and go
    assert not data.bookmark_action.isEnabled()
    open_(qtbot, win, 2)
    assert win.library.resources[2].title in win.reader.toPlainText()


def test_lessons_dialog_create_reorder_duplicate_delete(qtbot, locations):
    library = load_library([REPO / "resources"])
    with Store.open(locations.data_dir) as store:
        dialog = LessonsDialog(store, library)
        qtbot.addWidget(dialog)
        dialog.new_button.click()
        dialog.title_edit.setText("Week 1: what is trafficking")
        dialog.title_edit.editingFinished.emit()
        dialog.class_edit.setText("9B")
        dialog.class_edit.editingFinished.emit()
        ids = [r.id for r in library.resources[:3]]
        for resource_id in ids:
            dialog.picker.chosen.emit([resource_id])
        dialog.items.set_minutes(0, 10)
        dialog.items.set_minutes(1, 25)
        dialog.items.set_minutes(2, 5)
        assert dialog.total.text() == "3 resources · 40 min in all"
        dialog.items.select_row(2)
        dialog.up_button.click()
        lesson = store.lessons()[0]
        assert lesson.title == "Week 1: what is trafficking" and lesson.class_name == "9B"
        assert [i.resource_id for i in lesson.items] == [ids[0], ids[2], ids[1]]
        assert [i.minutes for i in lesson.items] == [10, 5, 25] and lesson.total_minutes == 40
        dialog.duplicate_button.click()
        assert len(store.lessons()) == 2 and dialog.title_edit.text().endswith("(copy)")
        dialog.delete_button.click()
        assert [x.title for x in store.lessons()] == ["Week 1: what is trafficking"]
        dialog.items.select_row(0)
        dialog.remove_button.click()
        assert store.lessons()[0].total_minutes == 30


def test_lesson_with_a_removed_pack_shows_a_placeholder(qtbot, locations):
    library = load_library([REPO / "resources"])
    with Store.open(locations.data_dir) as store:
        store.create_lesson("Old", items=[LessonItem("gone-resource", 10)])
        dialog = LessonsDialog(store, library)
        qtbot.addWidget(dialog)
        assert dialog.items.topLevelItem(0).text(0) == "(missing pack: gone-resource)"
        assert dialog.total.text() == "1 resource · 10 min in all"


def test_add_material_shows_it_at_once(qtbot, window, tmp_path, monkeypatch, told, features, audience_asked):
    source = tmp_path / "my-handout.md"
    source.write_text("# Our class rules\n\nBe kind.\n")
    monkeypatch.setattr(material_actions, "get_open_file_names", lambda *a: ([str(source)], ""))
    assert added(qtbot, features.teacher) == ["my-handout"]
    # Who it is for was asked once and remembered: a grade filter finds it.
    assert window.library.get("my-handout").audience == ("grades-9-10",)
    assert window.settings.material_audience == ("grades-9-10",)
    assert window.current_resource_id() == "my-handout"
    qtbot.waitUntil(lambda: "Our class rules" in window.reader.toPlainText(), timeout=5000)  # pages load off-thread
    assert told == []
    second = tmp_path / "second.md"
    second.write_text("# Second\n\nMore.\n")
    assert added(qtbot, features.teacher, [second]) == ["second"]
    assert audience_asked == [1]  # not asked again


def test_add_material_takes_a_word_document_with_its_picture(qtbot, window, tmp_path, monkeypatch, told, features):
    from testdocuments import make_docx

    source = make_docx(tmp_path / "Water Cycle.docx")
    offered = []
    monkeypatch.setattr(material_actions, "get_open_file_names", lambda *a: offered.append(a[3]) or ([str(source)], ""))
    assert added(qtbot, features.teacher) == ["water-cycle"]
    assert "*.docx" in offered[0] and "PDF files (*.pdf)" in offered[0]
    qtbot.waitUntil(lambda: "Clouds form over the hills" in window.reader.toPlainText(), timeout=5000)
    assert told == []


def added(qtbot, data, paths=None):
    """Add Material (asked, or `paths` as if dropped) and wait for it: it runs in the background."""
    pack_actions.add_material(data, paths)
    assert data.adding
    qtbot.waitUntil(lambda: not data.adding, timeout=30_000)
    return data.last_added


def drop(widget, paths):
    """Drag files from a file manager onto `widget` and let go; Qt passes it up to a parent that takes drops."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(widget.rect().center())
    enter = QDragEnterEvent(
        point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    accepted = enter.isAccepted()
    if accepted:
        event = QDropEvent(
            point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(widget, event)
    return accepted


def test_dropping_a_word_document_a_deck_and_a_pdf_adds_each(qtbot, window, tmp_path, told, features):
    from testdocuments import make_docx, make_pptx

    docx = make_docx(tmp_path / "Water Cycle.docx")
    pptx = make_pptx(tmp_path / "Deck.pptx")
    pdf = tmp_path / "signs.pdf"
    from kit.printing import export_pdf

    export_pdf((window.library.get("warning-signs-sheet"),), pdf, edition="student", paper="a4")
    page = window.reader.viewport()  # where a teacher lets go: over the page being read
    assert not drop(page, [tmp_path / "notes.exe"])  # nothing the kit can add: the drop is refused
    assert drop(page, [docx, pptx, pdf])
    qtbot.waitUntil(lambda: not features.teacher.adding, timeout=30_000)
    ids = features.teacher.last_added
    assert len(ids) == 3 and all(window.library.get(i) for i in ids)
    assert window.current_resource_id() == ids[0]


def test_adding_a_folder_shows_progress_and_cancel_keeps_what_finished(qtbot, window, tmp_path, told, features):
    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    folder = tmp_path / "unit"
    folder.mkdir()
    for n in range(40):
        (folder / f"sheet-{n:02}.md").write_text(f"# Sheet {n}\n\nWords for sheet {n}.\n")
    data = features.teacher
    labels = []
    data.add_progress.connect(lambda done, total, name: labels.append((done, total)))

    def cancel_after_a_few():
        if len(labels) >= 5:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QProgressDialog):
                    widget.findChild(QPushButton).click()
        else:
            QTimer.singleShot(5, cancel_after_a_few)

    QTimer.singleShot(0, cancel_after_a_few)
    result = added(qtbot, data, [folder])
    assert labels and labels[0] == (0, 40)
    assert 5 <= len(result) < 40  # stopped part-way: what finished stays, in the library
    assert all(window.library.get(i) for i in result)
    assert told and "Stopped when you pressed Cancel" in told[-1]


def imported(qtbot, data, path):
    # The import runs in the background: the action is off until its result is back on the GUI thread.
    pack_actions.import_pack(data, str(path))
    assert data.importing and not data.import_action.isEnabled()
    qtbot.waitUntil(lambda: not data.importing, timeout=30_000)
    return data.last_import


def test_import_pack_asks_then_replaces_and_refusals_are_told(qtbot, window, locations, monkeypatch, told, features):
    data = features.teacher
    good = DATA / "bad_packs" / "good.kitpack"
    assert imported(qtbot, data, good) == "sample"
    assert window.library.get("page") is not None
    asked = []
    monkeypatch.setattr(pack_actions, "ask_conflict", lambda parent, conflict: asked.append(str(conflict)) or "replace")
    data.last_import = None
    imported(qtbot, data, good)  # asks, then imports again in a second job
    qtbot.waitUntil(lambda: data.last_import == "sample" and not data.importing, timeout=30_000)
    assert asked and "already installed" in asked[0]
    assert imported(qtbot, data, DATA / "bad_packs" / "z01-dotdot.kitpack") is None
    assert told == ["z01-dotdot.kitpack was not imported: unsafe path '../../x.md'"]
    assert data.import_action.isEnabled()
    monkeypatch.setattr(pack_actions, "get_item", lambda *a: ("sample", True))
    assert pack_actions.remove_pack(data) == "sample"
    qtbot.waitUntil(lambda: window.library.get("page") is None and data.job is None, timeout=10_000)


def test_export_a_lesson_and_import_it_elsewhere(qtbot, window, tmp_path, told, features):
    store = features.teacher.store
    ids = [r.id for r in window.library.resources[:2]]
    store.create_lesson("Shared lesson", "10A", None, [LessonItem(ids[0], 15), LessonItem(ids[1], 20)])
    choices = pack_actions.export_choices(features.teacher)
    index = next(i for i, c in enumerate(choices) if c[0] == "Lesson: Shared lesson")
    out = pack_actions.export_pack(features.teacher, index, str(tmp_path / "lesson"))
    assert out == tmp_path / "lesson.kitpack" and out.is_file() and told == []
    other = resolve_locations([tmp_path / "nothing"], tmp_path / "other", environ={})
    from kit.core.packs import importer
    from kit.core.packs.lessons import import_lessons

    result = importer.import_pack(out, other.own_packs_dir)
    with Store.open(other.data_dir) as other_store:
        assert import_lessons(other_store, result.lessons) == (1, 0)
        lesson = other_store.lessons()[0]
        assert (lesson.title, lesson.total_minutes) == ("Shared lesson", 35)


def test_make_copy_gives_an_editable_own_resource(qtbot, window, told, features):
    open_(qtbot, window, 0)
    original = window.current_resource_id()
    assert pack_actions.make_copy(features.teacher)
    copy_id = f"{original}-copy"
    qtbot.waitUntil(lambda: window.current_resource_id() == copy_id, timeout=10_000)
    assert window.library.get(copy_id).pack == "own"


def test_note_that_cannot_be_saved_is_kept_in_memory(qtbot, window, monkeypatch, features):
    from kit.core.store.database import StoreError

    data = features.teacher
    open_(qtbot, window, 1)

    def disk_full(resource_id, text):
        raise StoreError("not saved: the disk is full; free some space and try again")

    monkeypatch.setattr(data.store, "set_note", disk_full)
    data.notes.editor.setPlainText("precious words")
    open_(qtbot, window, 2)
    open_(qtbot, window, 1)
    assert data.notes.editor.toPlainText() == "precious words"
    assert "disk is full" in data.notes.status.text()
    monkeypatch.undo()
    assert data.notes.save() and data.store.note(window.current_resource_id()) == "precious words"


def test_notes_are_searchable(qtbot, window, features):
    from kit.ui.teacher.teacher_data import NotesSearch

    store = features.teacher.store
    ids = [r.id for r in window.library.resources]
    store.set_note(ids[4], "Use this after the film")
    store.set_note(ids[5], "Print double-sided")
    dialog = NotesSearch(store, window.library, window.open_resource)
    qtbot.addWidget(dialog)
    assert dialog.results.count() == 2
    dialog.query.setText("FILM")
    assert dialog.results.count() == 1
    dialog._activated(dialog.results.item(0))
    if window.pages.currentWidget() is window.warning:  # a content note asks first, as everywhere
        window.warning.continue_button.click()
    assert window.current_resource_id() == ids[4]


def test_edit_own_resource_with_preview_and_a_checked_save(qtbot, window, tmp_path, monkeypatch, told, features):
    from kit.ui.teacher.own_editor import OwnEditor

    data = features.teacher
    open_(qtbot, window, 0)
    assert not data.edit_action.isEnabled()  # bundled: read-only
    copy_id = f"{window.current_resource_id()}-copy"
    assert pack_actions.make_copy(data)
    qtbot.waitUntil(data.edit_action.isEnabled, timeout=5000)  # once the copy's page is shown
    resource = window.library.get(copy_id)
    editor = OwnEditor(resource, window)
    qtbot.addWidget(editor)
    text = editor.text.toPlainText()
    editor.text.setPlainText(text.replace("(my copy)", "for 9B") + "\n\n## Added by me\n")
    editor.update_preview()  # rendered off the GUI thread, shown when ready
    qtbot.waitUntil(lambda: "Added by me" in editor.preview.toPlainText(), timeout=5000)
    saved = []
    editor.saved.connect(lambda new: (saved.append(new), window.set_library(window.library, new.id)))
    assert editor.save() is not None and saved[0].title.endswith("for 9B")
    good = resource.path.read_text()
    editor.text.setPlainText("---\ntitle: [unclosed\n---\nbody\n")
    assert editor.save() is None
    assert "Not saved" in editor.status.text()
    assert resource.path.read_text() == good


def test_lesson_hands_its_resources_to_present_and_print(qtbot, locations):
    library = load_library([REPO / "resources"])
    ids = [r.id for r in library.resources[:2]]
    presented, printed = [], []
    with Store.open(locations.data_dir) as store:
        store.create_lesson("Deck", items=[LessonItem(ids[0], 5), LessonItem("gone", 5), LessonItem(ids[1], 5)])
        dialog = LessonsDialog(
            store,
            library,
            None,
            lambda ids, lesson: presented.append(ids),
            lambda ids, lesson: printed.append((ids, lesson.title)),
        )
        qtbot.addWidget(dialog)
        assert [b.text() for b in dialog.extra_buttons] == ["&Present", "Print &Packet"]
        dialog.extra_buttons[0].click()
        dialog.extra_buttons[1].click()
        assert presented == [ids] and printed == [(ids, "Deck")]
        plain = LessonsDialog(store, library)
        qtbot.addWidget(plain)
        assert plain.extra_buttons == []


def test_closing_the_window_saves_a_note_being_typed(qtbot, window, locations, features):
    open_(qtbot, window, 1)
    resource_id = window.current_resource_id()
    features.teacher.notes.editor.setPlainText("typed just before closing")
    window.close()
    with Store.open(locations.data_dir) as store:
        assert store.note(resource_id) == "typed just before closing"


def test_no_two_actions_share_a_shortcut(window):
    """An ambiguous shortcut does nothing in Qt; every feature's keys must be distinct in the full window."""
    from PySide6.QtGui import QAction

    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            if key:
                assert key not in seen, f"{key}: {seen[key]!r} and {action.text()!r}"
                seen[key] = action.text()
    assert {"Ctrl+K", "Ctrl+L", "Ctrl+D", "Ctrl+P", "F5"} <= set(seen)


def test_menus_keep_help_last_and_file_ends_with_quit(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[-1] == "Help" and {"Bookmarks", "Lessons"} <= set(titles)
    file_actions = [a.text().replace("&", "") for a in window.menu("file").actions() if not a.isSeparator()]
    assert file_actions[-1] == "Quit" and "Add Material…" in file_actions and "Print…" in file_actions


def test_a_pack_that_would_hide_my_own_material_asks_then_says_what_is_hidden(
    qtbot, window, tmp_path, monkeypatch, told, features
):
    from packfixtures import kitpack

    data = features.teacher
    source = tmp_path / "my-lesson.md"
    source.write_text("# My lesson\n\nOur own plan.\n")
    assert added(qtbot, data, [source]) == ["my-lesson"]
    archive = kitpack(tmp_path / "other.kitpack", "other", {"my-lesson": "the pack's plan"})
    asked = []
    monkeypatch.setattr(pack_actions, "ask_conflict", lambda parent, conflict: asked.append(conflict) or "replace")
    imported(qtbot, data, archive)  # asks, then imports in a second job
    qtbot.waitUntil(lambda: data.last_import == "other" and not data.importing, timeout=30_000)
    assert type(asked[0]).__name__ == "OwnClash"
    assert "Our own plan" in window.library.get("my-lesson").body  # the teacher's own stays first
    assert told and "resource 'my-lesson' of pack 'other' is hidden by the one in pack 'own'" in told[-1]


def test_update_from_original_brings_in_the_edited_word_file(qtbot, window, tmp_path, told, features):
    from testdocuments import make_docx

    data = features.teacher
    source = make_docx(tmp_path / "Water Cycle.docx")
    assert added(qtbot, data, [source]) == ["water-cycle"]
    qtbot.waitUntil(data.update_action.isEnabled, timeout=5000)  # once its page shows
    (tmp_path / "edited").mkdir()
    edited = make_docx(tmp_path / "edited" / "Water Cycle.docx", paragraphs=3)  # the teacher's edit in Word
    pack_actions.update_from_original(data, str(edited))
    qtbot.waitUntil(lambda: "Paragraph 2:" in window.library.get("water-cycle").body, timeout=15_000)
    assert told == []
    window.open_resource("exit-ticket", acknowledged=True)  # a bundled resource: nothing to update from
    qtbot.waitUntil(lambda: not data.update_action.isEnabled(), timeout=5000)


def test_a_lasting_notice_says_resources_are_hidden_when_the_library_loads(qtbot, window, tmp_path, features):
    from kit.core.packs import importer
    from packfixtures import kitpack

    locations = features.teacher.locations
    source = tmp_path / "my-lesson.md"
    source.write_text("# My lesson\n\nOur own plan.\n")
    assert added(qtbot, features.teacher, [source]) == ["my-lesson"]
    assert window.notice() == ""
    archive = kitpack(tmp_path / "other.kitpack", "other", {"my-lesson": "the pack's plan"})
    importer.import_pack(archive, locations.own_packs_dir, on_conflict="replace")  # e.g. `kit pack import`
    window.set_library(load_library(list(locations.library_roots())))  # as at start-up
    assert window.notice().startswith("1 resource is hidden by others with the same id — File → Remove Imported")
    window.set_library(load_library([REPO / "resources"]))  # nothing hidden any more: the notice goes
    assert window.notice() == ""


def test_importing_a_pack_reads_the_library_off_the_gui_thread(qtbot, window, tmp_path, monkeypatch, features):
    import threading

    from kit.ui.teacher import pack_jobs, teacher_data
    from packfixtures import kitpack

    on_gui_thread = []

    def watched(real):
        def load(roots):
            on_gui_thread.append(threading.current_thread() is threading.main_thread())
            return real(roots)

        return load

    for module in (pack_actions, pack_jobs, teacher_data):  # wherever the library is read after an import
        if hasattr(module, "load_library"):
            monkeypatch.setattr(module, "load_library", watched(module.load_library))
    archive = kitpack(tmp_path / "extra.kitpack", "extra", {"extra-page": "an extra page"})
    assert imported(qtbot, features.teacher, archive) == "extra"
    assert window.library.get("extra-page") is not None
    assert on_gui_thread == [False]  # the window waited 100+ ms for it in benchmarks/gui_block_bench.py
