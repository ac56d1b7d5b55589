"""Settings are written on the writer's own thread: the newest value within the delay, everything on close."""

import threading
import time

from kit.core import settings_writer
from kit.core.settings import Settings, load_settings
from kit.core.settings_writer import SettingsWriter


def _writes(monkeypatch) -> list[tuple[str, Settings]]:
    """Every write as (thread name, settings), through the real save."""
    seen = []
    real = settings_writer.save_settings

    def recording(config_dir, settings):
        notice = real(config_dir, settings)
        seen.append((threading.current_thread().name, settings))
        return notice

    monkeypatch.setattr(settings_writer, "save_settings", recording)
    return seen


def test_a_burst_of_changes_is_one_write_of_the_newest_within_the_delay(tmp_path, monkeypatch):
    writes = _writes(monkeypatch)
    writer = SettingsWriter(tmp_path, delay_s=0.3)
    started = time.monotonic()
    for zoom in range(5):
        writer.save(Settings(zoom=zoom))
    assert writes == [] and writer.pending  # nothing written by save itself
    while not writes and time.monotonic() - started < 10:
        time.sleep(0.01)
    assert time.monotonic() - started >= 0.3
    assert [s.zoom for _name, s in writes] == [4]
    assert writes[0][0] == "settings-writer" and threading.current_thread().name != "settings-writer"
    assert load_settings(tmp_path)[0].zoom == 4  # a crash from here loses nothing: it is on disk
    writer.close()
    assert len(writes) == 1


def test_close_writes_what_is_pending_before_it_returns(tmp_path, monkeypatch):
    writes = _writes(monkeypatch)
    writer = SettingsWriter(tmp_path, delay_s=60)  # far longer than the test: only close can write it
    writer.save(Settings(last_resource="exit-ticket"))
    writer.close()
    assert load_settings(tmp_path)[0].last_resource == "exit-ticket"
    assert [name for name, _s in writes] == ["settings-writer"]


def test_close_without_a_change_writes_nothing_and_starts_no_thread(tmp_path):
    writer = SettingsWriter(tmp_path)
    writer.close()
    assert not (tmp_path / "settings.json").exists()


def test_a_failed_write_is_reported_and_a_later_one_clears_it(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    reports = []
    writer = SettingsWriter(blocker / "config", reports.append, delay_s=0)
    writer.save(Settings(theme="dark"))
    writer.close()
    assert len(reports) == 1 and "could not be saved" in reports[0]
    good = SettingsWriter(tmp_path / "config", reports.append, delay_s=0)
    good.save(Settings(theme="dark"))
    good.close()
    assert reports[-1] is None
