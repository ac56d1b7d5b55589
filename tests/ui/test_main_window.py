"""The main window on the bundled kit: library, content warnings, history, contents, help and the hooks."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from kit.ui.help import USER_GUIDE_ID
from ui.ui_helpers import BAD, open_and_wait


def test_library_groups_every_resource_with_counts(make_window, kit_library):
    window = make_window()
    tree = window.library_panel.tree
    total = sum(tree.topLevelItem(i).childCount() for i in range(tree.topLevelItemCount()))
    assert total == len(kit_library.resources)
    first = tree.topLevelItem(0)
    assert first.text(0) == f"Articles  ({first.childCount()})"


def test_library_regroups_by_audience_and_remembers_it(qtbot, make_window, config_dir):
    window = make_window()
    window.library_panel.set_grouping("audience")
    labels = [window.library_panel.tree.topLevelItem(i).text(0) for i in range(4)]
    assert labels[0].startswith("Grades 7–8") and labels[-1].startswith("Educators")
    saved = config_dir / "settings.json"  # written off the GUI thread, within a second
    qtbot.waitUntil(lambda: saved.exists() and '"browse_by": "audience"' in saved.read_text(), timeout=5000)


def test_content_warning_asks_before_the_page_opens(qtbot, make_window, kit_library):
    window = make_window()
    resource = kit_library.get("what-is-human-trafficking")
    window.open_resource(resource.id)
    assert window.pages.currentWidget() is window.warning
    assert resource.content_warning in window.warning.message.text()
    assert resource.title not in window.reader.toPlainText()
    window.warning.continue_button.click()
    qtbot.waitUntil(lambda: resource.title in window.reader.toPlainText())
    assert window.current_resource() == resource


def test_go_back_on_a_content_warning_returns_to_the_previous_page(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, "exit-ticket")
    window.open_resource("what-is-human-trafficking")
    assert window.pages.currentWidget() is window.warning
    window.warning.back_button.click()
    assert window.pages.currentWidget() is window.reader
    assert window.current_resource().id == "exit-ticket"
    assert "Exit ticket" in window.reader.toPlainText()
    assert not window.actions.forward.isEnabled()


def test_back_and_forward_walk_the_history(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, "exit-ticket")
    open_and_wait(qtbot, window, "getting-help")
    window.go_back()
    qtbot.waitUntil(lambda: window.current_resource().id == "exit-ticket")
    assert window.actions.forward.isEnabled()
    window.go_forward()
    qtbot.waitUntil(
        lambda: "Getting help" in window.reader.toPlainText() or window.current_resource().id == "getting-help"
    )


def test_back_shortcut_and_mouse_button_go_back(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, "exit-ticket")
    open_and_wait(qtbot, window, "getting-help")
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.BackButton)
    qtbot.waitUntil(lambda: window.current_resource().id == "exit-ticket")
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current_resource().id == "getting-help")


def test_contents_lists_headings_and_scrolls_to_them(qtbot, make_window):
    window = make_window()
    window.resize(1200, 500)
    open_and_wait(qtbot, window, "what-is-human-trafficking")
    assert window.contents.count() >= 3
    assert not window.contents_box.isHidden()
    last = window.contents.item(window.contents.count() - 1)
    window.contents.itemClicked.emit(last)
    assert window.reader.verticalScrollBar().value() > 0


def test_teacher_edition_shows_facilitator_notes(qtbot, make_window, kit_library):
    teacher_text = next(r for r in kit_library.resources if "!!! teacher" in r.body)
    window = make_window()
    open_and_wait(qtbot, window, teacher_text.id)
    assert "Teacher only" not in window.reader.toPlainText()
    window.actions.teacher_edition.trigger()
    qtbot.waitUntil(lambda: "Teacher only" in window.reader.toPlainText())
    assert window.current_edition() == "teacher"


def test_find_in_page_counts_matches_and_moves(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, "what-is-human-trafficking")
    window.actions.find.trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "trafficking")
    assert window.find_bar.matches > 3
    assert window.find_bar.count_label.text() == f"1 of {window.find_bar.matches}"
    window.actions.find_next.trigger()
    assert window.find_bar.count_label.text().startswith("2 of")
    window.actions.find_previous.trigger()
    assert window.find_bar.count_label.text().startswith("1 of")
    window.find_bar.field.setText("zzzznotthere")
    assert window.find_bar.count_label.text() == "No matches"


def test_f1_opens_the_user_guide(qtbot, make_window):
    window = make_window()
    window.actions.user_guide.trigger()
    qtbot.waitUntil(lambda: "Classroom Kit user guide" in window.reader.toPlainText())
    assert window.current_resource().id == USER_GUIDE_ID


def test_user_guide_opens_even_when_the_library_has_no_help_pack(qtbot, make_window, tmp_path):
    from kit.core.content.loader import load_library

    window = make_window(library=load_library([BAD]))
    window.open_user_guide()
    qtbot.waitUntil(lambda: "Classroom Kit user guide" in window.reader.toPlainText())


def test_about_shows_version_and_licences(qtbot, make_window):
    import kit

    window = make_window()
    box = window.show_about()
    qtbot.addWidget(box)
    assert kit.__version__ in box.text() and "GPL-3.0" in box.text() and "CC BY 4.0" in box.text()
    box.close()


def test_other_features_can_add_actions_and_read_the_open_resource(qtbot, make_window):
    window = make_window()
    seen = []
    action = window.add_action("file", "Print…", lambda: seen.append(window.current_resource()), "Ctrl+P")
    assert isinstance(action, QAction)
    file_actions = window.menu("file").actions()
    assert file_actions.index(action) < file_actions.index(window.actions.quit)
    opened = []
    window.resource_opened.connect(opened.append)
    open_and_wait(qtbot, window, "exit-ticket")
    action.trigger()
    assert seen[0].id == "exit-ticket" and opened[0].id == "exit-ticket"
    assert {"file", "edit", "view", "go", "help"} <= set(window.actions.menus)


def test_unknown_resource_keeps_the_page(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, "exit-ticket")
    assert not window.open_resource("no-such-page")
    assert window.current_resource().id == "exit-ticket"
    assert "not in this kit" in window.statusBar().currentMessage()


def test_find_highlights_survive_a_theme_change(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, "what-is-human-trafficking")
    window.find_bar.open_bar()
    window.find_bar.field.setText("trafficking")
    matches = len(window.reader.extraSelections())
    window.set_theme("dark")
    assert len(window.reader.extraSelections()) == matches > 0
    window.zoom_by(1)
    assert len(window.reader.extraSelections()) == matches
    window.set_theme("light")


def test_zoom_keys_change_the_text_size(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, "exit-ticket")
    base = window.reader.body_pt
    window.actions.zoom_in.trigger()
    assert window.reader.body_pt > base and window.settings.zoom == 1
    window.actions.zoom_reset.trigger()
    assert window.reader.body_pt == base and window.settings.zoom == 0
    window.actions.zoom_out.trigger()
    assert window.reader.body_pt < base


def test_the_library_hides_from_the_view_menu_and_ctrl_k_brings_it_back(qtbot, make_window):
    window = make_window()
    sidebar = window.splitter.widget(0)
    window.actions.library_panel.trigger()
    assert sidebar.isHidden() and not window.actions.library_panel.isChecked()
    window.actions.search.trigger()
    assert not sidebar.isHidden()
    qtbot.waitUntil(window.search_panel.field.hasFocus)


def test_files_that_failed_to_load_are_named_in_the_status_bar(qtbot, make_window):
    from kit.core.content.loader import load_library

    window = make_window(library=load_library([BAD]))
    message = window.statusBar().currentMessage()
    assert message.startswith("Not loaded: ") and "kit validate" in message


def test_welcome_page_starts_teachers_on_teacher_notes_not_on_the_user_guide(kit_library):
    """The user guide (and its French version) is F1's page; "Start here" offers the teacher notes."""
    from kit.ui.help import welcome_html

    html = welcome_html(kit_library)
    start = html[html.index("Start here") :]
    assert "kit:teaching-safely" in start
    assert "kit:user-guide" not in start and "kit:guide-utilisation" not in start


def test_start_here_offers_a_french_session_the_french_disclosure_guide(kit_library):
    """A French teacher's first links are French where the kit has the note in French, English notes after."""
    from kit.ui.help import start_here_resources

    french = [r.id for r in start_here_resources(kit_library, "fr")]
    assert french[0] == "fr-si-un-eleve-se-confie" and "responding-to-disclosure" not in french
    english = [r.id for r in start_here_resources(kit_library, "en")]
    assert "responding-to-disclosure" in english and "fr-si-un-eleve-se-confie" not in english
    assert len(french) == len(english) == 3


def test_welcome_page_in_a_french_session_names_the_packs_in_french(kit_library):
    from kit.core import i18n
    from kit.ui.help import welcome_html

    i18n.set_language("fr")
    try:
        page = welcome_html(kit_library)
    finally:
        i18n.set_language("en")
    assert "Comprendre la traite des personnes" in page and "Understanding Human Trafficking" not in page
    assert "kit:fr-si-un-eleve-se-confie" in page


def test_a_new_library_keeps_the_open_page_and_its_place_when_the_page_is_the_same(qtbot, make_window, kit_library):
    """An import or a pack change elsewhere used to reopen the page being read: laid out and repainted again on
    the GUI thread (the import's 100+ ms gap, issue 15) and scrolled back to the top."""
    from kit.core.content.loader import Library

    window = make_window()
    open_and_wait(qtbot, window, "assessment-rubrics")
    window.resize(900, 500)
    bar = window.reader.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    opened = []
    window.resource_opened.connect(opened.append)
    shown = window.reader.page_html
    window.set_library(Library(kit_library.packs, kit_library.resources, kit_library.problems))  # read again
    qtbot.waitUntil(lambda: window.loader.is_ready(window._pending_token))
    qtbot.wait(50)
    assert window.reader.page_html is shown and bar.value() == place and opened == []


def test_a_new_library_shows_the_open_page_again_when_it_changed(qtbot, make_window, kit_library):
    """Its related resources resolve in the library: without one of them the page differs, and is shown again."""
    from kit.core.content.loader import Library

    window = make_window()
    open_and_wait(qtbot, window, "assessment-rubrics")
    assert "Exit ticket" in window.reader.toPlainText()
    fewer = tuple(r for r in kit_library.resources if r.id != "exit-ticket")
    window.set_library(Library(kit_library.packs, fewer, kit_library.problems))
    qtbot.waitUntil(lambda: "Exit ticket" not in window.reader.toPlainText())
    assert window.current_resource_id() == "assessment-rubrics"
