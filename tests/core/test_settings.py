"""Settings: typed defaults, JSON round trip, and every broken file or folder survived with a notice."""

import json
import os
import time

import pytest

from kit.core.atomic import TEMP_PREFIX, atomic_write_text, clean_stale_temp_files
from kit.core.settings import Settings, check_config_dir, load_settings, save_settings, settings_path


def test_settings_round_trip(tmp_path):
    wanted = Settings(theme="projector", zoom=3, paper="letter", edition="teacher", last_resource="glossary")
    assert save_settings(tmp_path / "config", wanted) is None
    assert load_settings(tmp_path / "config") == (wanted, None)


def test_settings_missing_file_gives_defaults_quietly(tmp_path):
    assert load_settings(tmp_path / "nowhere") == (Settings(), None)


def test_settings_corrupt_file_gives_defaults_and_a_notice(tmp_path):
    for content in (b"{not json", b"", b"\xff\xfe\x00garbage", b"[1, 2]", b'"text"'):
        settings_path(tmp_path).write_bytes(content)
        settings, notice = load_settings(tmp_path)
        assert settings == Settings()
        assert "damaged" in notice and str(settings_path(tmp_path)) in notice


def test_settings_invalid_values_are_dropped_one_by_one(tmp_path):
    data = {"theme": "neon", "zoom": 99, "edition": "teacher", "paper": ["a4"], "future_key": 1, "version": 7}
    settings_path(tmp_path).write_text(json.dumps(data))
    settings, notice = load_settings(tmp_path)
    assert settings == Settings(edition="teacher")
    assert "paper" in notice and "theme" in notice and "zoom" in notice and "future_key" not in notice


def test_settings_unreadable_file_gives_defaults(tmp_path):
    settings_path(tmp_path).mkdir(parents=True)  # a folder where the file should be: reading fails
    settings, notice = load_settings(tmp_path)
    assert settings == Settings() and "could not be read" in notice


def test_settings_unwritable_folder_is_a_notice_not_an_exception(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    config = blocker / "config"  # cannot be created, even by root
    assert "not writable" in check_config_dir(config)
    notice = save_settings(config, Settings(theme="dark"))
    assert notice and str(config) in notice


def test_settings_save_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    save_settings(tmp_path, Settings(theme="dark"))

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    assert "No space left" in save_settings(tmp_path, Settings(theme="projector"))
    monkeypatch.undo()
    assert load_settings(tmp_path)[0].theme == "dark"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_atomic_write_and_stale_temp_cleanup(tmp_path):
    target = tmp_path / "a.json"
    atomic_write_text(target, "é")
    assert target.read_text(encoding="utf-8") == "é"
    old = tmp_path / f"{TEMP_PREFIX}old"
    new = tmp_path / f"{TEMP_PREFIX}new"
    other = tmp_path / "keep.tmp"
    for path in (old, new, other):
        path.write_text("x")
    past = time.time() - 3600
    os.utime(old, (past, past))
    os.utime(other, (past, past))
    assert clean_stale_temp_files(tmp_path, 600) == [old]
    assert not old.exists() and new.exists() and other.exists()


def test_reading_comfort_settings_round_trip_and_bad_values_fall_back(tmp_path):
    wanted = Settings(reading_font="legible", line_spacing=175, text_width="narrow", reading_ruler=True, speech_rate=-3)
    assert save_settings(tmp_path, wanted) is None
    assert load_settings(tmp_path) == (wanted, None)
    bad = {"reading_font": "comic", "line_spacing": 999, "text_width": True, "reading_ruler": "yes", "speech_rate": 9}
    settings_path(tmp_path).write_text(json.dumps(bad))
    settings, notice = load_settings(tmp_path)
    assert settings == Settings()
    assert all(name in notice for name in bad)


@pytest.mark.parametrize("choice", ["auto", "on", "off"])
def test_caret_browsing_round_trips(tmp_path, choice):
    assert save_settings(tmp_path, Settings(caret_browsing=choice)) is None
    assert load_settings(tmp_path)[0].caret_browsing == choice


@pytest.mark.parametrize("bad", [True, "yes", None, ["on"]])
def test_caret_browsing_bad_values_fall_back_to_auto(tmp_path, bad):
    settings_path(tmp_path).write_text(json.dumps({"caret_browsing": bad}))
    settings, notice = load_settings(tmp_path)
    assert settings.caret_browsing == "auto" and "caret_browsing" in notice
