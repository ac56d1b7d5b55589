"""Screen-reader names: every control a person can reach in the window, its dialogs and the presenter has an
accessible name (tests/ui/accessibility_walk.py walks Qt's QAccessible tree, what Orca or NVDA reads)."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication, QDialog

from kit.ui import accessibility
from kit.ui.accessibility import Notifier
from kit.ui.teacher import material_actions, pack_actions
from ui.accessibility_walk import unnamed

PAGE = "exit-ticket"


def assert_named(widget) -> None:
    missing = unnamed(widget)
    assert not missing, "unnamed:\n" + "\n".join(missing)


def _open(qtbot, window, resource_id=PAGE):
    with qtbot.waitSignal(window.resource_opened, timeout=10_000):
        assert window.open_resource(resource_id, acknowledged=True)


def test_main_window_with_a_page_open_names_every_control(qtbot, window, features):
    _open(qtbot, window)
    window.find_bar.open_bar()
    window.link_bar.show_link("https://example.org/")
    # the read-aloud bar, open as after View → Read Aloud
    features.read_aloud.bar.show()
    assert_named(window)


def test_search_results_and_their_filters_are_named(qtbot, window):
    window.search_panel.field.setText("help")
    window.search_panel.run_search()
    qtbot.waitUntil(lambda: window.search_panel.results.count() > 0, timeout=10_000)
    assert_named(window)


def test_content_warning_page_is_named(qtbot, window):
    warned = next(r for r in window.library.resources if r.content_warning)
    window.open_resource(warned.id)
    assert_named(window)


def test_print_preview_packet_and_print_dialogs_are_named(qtbot, window, features):
    _open(qtbot, window)
    for name in ("Print Preview", "Class Packet", "Print"):
        features.printing.actions[name].trigger()
        dialog = features.printing.dialog
        qtbot.waitUntil(dialog.isVisible)
        assert_named(dialog)
        dialog.close()


def test_lessons_dialog_is_named(qtbot, window, features):
    dialog = features.teacher.open_lessons()
    dialog.new_lesson()
    dialog.add_resources([PAGE, "glossary"])
    assert_named(dialog)


def test_share_dialog_is_named(qtbot, window, features):
    dialog = features.sharing.open_dialog()
    assert_named(dialog)


def test_add_material_dialogs_are_named(qtbot, window, features):
    found = {}

    def walk_open_dialog():
        dialog = QApplication.activeModalWidget()
        found["missing"] = unnamed(dialog)
        dialog.reject()

    QTimer.singleShot(0, walk_open_dialog)
    assert pack_actions.ask_audience(window) is None
    assert not found["missing"], "\n".join(found["missing"])


def test_own_resource_editor_is_named(qtbot, window, features, monkeypatch):
    from kit.ui.teacher.own_editor import OwnEditor

    monkeypatch.setattr(pack_actions, "tell", lambda *args, **kwargs: None)
    monkeypatch.setattr(material_actions, "tell", lambda *args, **kwargs: None)
    _open(qtbot, window)
    assert pack_actions.make_copy(features.teacher)  # on a worker thread; the copy opens when written
    copy_id = f"{PAGE}-copy"
    qtbot.waitUntil(lambda: window.current_resource_id() == copy_id, timeout=10_000)
    editor = OwnEditor(window.library.get(copy_id), window)
    qtbot.addWidget(editor)
    editor.show()
    assert_named(editor)
    editor.close()


def test_presenter_and_audience_views_are_named(qtbot, window, features):
    _open(qtbot, window, "guide-what-is-trafficking")
    session = features.presenting.present_current()
    assert session is not None
    assert_named(session.presenter)
    assert_named(session.audience)
    features.presenting.end()


def test_the_walk_finds_an_unnamed_control(qtbot):
    """The check itself: a bare button with no text is reported."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(QPushButton())
    dialog.show()
    assert len(unnamed(dialog)) == 1


@pytest.fixture
def announced(monkeypatch):
    """What the window asks the screen reader to say, as if one were listening."""
    said = []

    def record(event):
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append(event.message())
        elif event.type() == QAccessible.Event.ObjectShow and isinstance(event.object(), Notifier):
            said.append(event.object().text())  # the AT-SPI way (kit.ui.accessibility.Notifier)

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return said


def test_search_results_are_announced(qtbot, window, announced):
    window.search_panel.field.setText("help")
    window.search_panel.run_search()
    qtbot.waitUntil(lambda: any("result" in line for line in announced), timeout=10_000)
    line = next(line for line in announced if "result" in line)
    assert line == window.search_panel.status.text() and line[0].isdigit()


def test_no_match_and_did_you_mean_are_announced(qtbot, window, announced):
    window.search_panel.field.setText("traficking")
    window.search_panel.run_search()
    qtbot.waitUntil(lambda: any("Did you mean" in line for line in announced), timeout=10_000)


def test_status_messages_and_notices_are_announced(window, announced):
    window.show_status("Text size 110 %")
    window.show_notice("Settings will not be saved: /x is not writable.")
    assert announced[-2:] == ["Text size 110 %", "Settings will not be saved: /x is not writable."]


@pytest.mark.parametrize("at_spi", [True, False])
def test_each_platform_gets_its_one_way_of_announcing(window, monkeypatch, at_spi):
    """AT-SPI (Linux): a notification-role object that shows, which Orca 43 speaks (it ignores announcement
    events); UI Automation and VoiceOver: Qt's announcement event. Never both, or a newer Orca says it twice."""
    sent = []
    monkeypatch.setattr(accessibility, "AT_SPI", at_spi)
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(sent.append))
    window.show_status("Text size 110 %")
    announcements = [e for e in sent if isinstance(e, QAccessibleAnnouncementEvent)]
    shown = [e for e in sent if e.type() == QAccessible.Event.ObjectShow and isinstance(e.object(), Notifier)]
    if at_spi:
        assert not announcements and len(shown) == 1
        iface = QAccessible.queryAccessibleInterface(shown[0].object())
        assert iface.role() == QAccessible.Role.Notification  # AT-SPI's "notification"
        assert iface.text(QAccessible.Text.Name) == "Text size 110 %"
        assert shown[0].object().window() is window and shown[0].object().size().isEmpty()  # nothing to see
    else:
        assert not shown and [e.message() for e in announcements] == ["Text size 110 %"]


def test_nothing_is_sent_when_no_screen_reader_listens(window, monkeypatch):
    sent = []
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(sent.append))
    window.show_status("Text size 110 %")
    assert not [event for event in sent if isinstance(event, QAccessibleAnnouncementEvent)]


def test_reading_options_dialog_is_named(qtbot, window, features):
    dialog = features.reading.open_dialog()
    assert_named(dialog)
    dialog.close()


def test_index_progress_moves_in_tenths_so_a_screen_reader_is_not_flooded(window):
    progress, messages = window.progress, []
    window.statusBar().messageChanged.connect(messages.append)
    progress.preparing()
    for done in range(501):
        progress.building(done, 500)
    building = [m for m in messages if m.startswith("Building")]
    assert 10 <= len(building) <= 11 and building[-1] == "Building the search index… 500 of 500"


def test_the_content_note_is_read_with_its_continue_button(qtbot, window):
    warned = next(r for r in window.library.resources if r.content_warning)
    window.open_resource(warned.id)
    description = window.warning.continue_button.accessibleDescription()
    assert warned.title in description and warned.content_warning.split()[0] in description
    assert window.pages.accessibleName() == "Reading"
