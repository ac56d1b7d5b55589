"""Theme, zoom, edition and window geometry survive a restart; broken settings and folders are survived."""

from PySide6.QtWidgets import QApplication

from kit.core.paths import resolve_locations
from kit.ui.app import build_window, load_library_in_background
from kit.ui.themes import THEMES
from ui.ui_helpers import open_and_wait


def _start(qtbot, locations, with_library=True):
    window = build_window(locations)
    qtbot.addWidget(window)
    window.show()
    if with_library:
        load_library_in_background(window, locations)
        qtbot.waitUntil(lambda: window.library is not None, timeout=10_000)
    return window


def test_theme_zoom_and_edition_persist_across_a_restart(qtbot):
    locations = resolve_locations()
    first = _start(qtbot, locations)
    open_and_wait(qtbot, first, "exit-ticket")
    first.actions.themes["projector"].trigger()
    first.actions.zoom_in.trigger()
    first.actions.zoom_in.trigger()
    first.actions.teacher_edition.trigger()
    first.close()

    second = _start(qtbot, locations)
    assert second.settings.theme == "projector" and second.settings.zoom == 2
    assert second.current_edition() == "teacher"
    assert second.actions.themes["projector"].isChecked() and second.actions.teacher_edition.isChecked()
    assert QApplication.instance().palette().base().color().name() == THEMES["projector"].base
    # The last page reopens (it has no content warning), in the remembered edition and size.
    qtbot.waitUntil(lambda: "Teacher edition" in second.reader.toPlainText(), timeout=10_000)
    assert second.current_resource().id == "exit-ticket"
    assert second.reader.body_pt == round(THEMES["projector"].body_pt * 1.2, 1)
    second.set_theme("light")  # leave the shared QApplication as the other tests expect it


def test_a_content_note_accepted_on_the_last_page_is_not_asked_again_at_launch(qtbot):
    locations = resolve_locations()
    first = _start(qtbot, locations)
    open_and_wait(qtbot, first, "what-is-human-trafficking")  # says Continue to its content note
    qtbot.waitUntil(lambda: first.settings.note_accepted)
    first.close()

    second = _start(qtbot, locations)
    qtbot.waitUntil(lambda: second.current_resource_id() == "what-is-human-trafficking", timeout=10_000)
    assert second.pages.currentWidget() is second.reader
    # Another page with a note still asks (once a session).
    second.open_resource("how-traffickers-recruit-and-control")
    assert second.pages.currentWidget() is second.warning


def test_a_content_note_never_accepted_asks_at_launch(qtbot):
    locations = resolve_locations()
    first = _start(qtbot, locations)
    open_and_wait(qtbot, first, "exit-ticket")
    first.open_resource("what-is-human-trafficking")  # asked; the teacher closes the kit without answering
    first.close()
    assert first.settings.last_resource == "exit-ticket" and not first.settings.note_accepted
    # The kit was left on a page whose note was never accepted (an older version saved no answer).
    (locations.config_dir / "settings.json").write_text('{"last_resource": "what-is-human-trafficking"}')
    second = _start(qtbot, locations)
    qtbot.waitUntil(lambda: second.pages.currentWidget() is second.warning, timeout=10_000)
    assert second.warning.resource_id == "what-is-human-trafficking"


def test_window_size_persists_across_a_restart(qtbot):
    locations = resolve_locations()
    first = _start(qtbot, locations)
    first.resize(760, 540)
    qtbot.wait(10)
    size = first.size()
    first.close()
    second = _start(qtbot, locations, with_library=False)
    assert second.size() == size


def test_corrupt_settings_file_gives_defaults_and_a_status_line(qtbot):
    locations = resolve_locations()
    locations.config_dir.mkdir(parents=True)
    (locations.config_dir / "settings.json").write_bytes(b'{"theme": "dark", "zoom": ')
    window = _start(qtbot, locations)
    assert window.settings.theme == "light"
    message = window.notice()
    assert "damaged" in message and "\n" not in message
    window.actions.themes["dark"].trigger()  # and saving works again afterwards (off the GUI thread)
    saved = locations.config_dir / "settings.json"
    qtbot.waitUntil(lambda: '"theme": "dark"' in saved.read_text(), timeout=5000)
    window.set_theme("light")


def test_unwritable_config_dir_is_survived(qtbot, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("KIT_CONFIG_DIR", str(blocker / "config"))
    locations = resolve_locations()
    window = _start(qtbot, locations)
    assert "not writable" in window.notice()
    window.zoom_by(1)  # saving fails quietly into the status bar
    assert window.settings.zoom == 1
    open_and_wait(qtbot, window, "exit-ticket")
    window.close()  # geometry cannot be saved either: no crash, no Qt warning


def test_the_last_page_is_remembered_after_quit_and_no_setting_is_written_on_the_gui_thread(qtbot, monkeypatch):
    """Settings are written on the writer's thread (an fsync at every page opened stalled the window, issue 15);
    quitting straight after opening a page still leaves it on disk for the next start."""
    import threading

    from kit.core import settings_writer

    writes = []
    real = settings_writer.save_settings

    def recording(config_dir, settings):
        writes.append((threading.current_thread() is threading.main_thread(), settings.last_resource))
        return real(config_dir, settings)

    monkeypatch.setattr(settings_writer, "save_settings", recording)
    locations = resolve_locations()
    first = _start(qtbot, locations)
    open_and_wait(qtbot, first, "exit-ticket")
    open_and_wait(qtbot, first, "getting-help")
    qtbot.waitUntil(lambda: first.settings.last_resource == "getting-help")
    first.close()  # at once: well inside the writer's delay
    assert writes and not any(on_gui for on_gui, _last in writes)
    assert writes[-1][1] == "getting-help"
    second = _start(qtbot, locations)
    qtbot.waitUntil(lambda: second.current_resource_id() == "getting-help", timeout=10_000)
