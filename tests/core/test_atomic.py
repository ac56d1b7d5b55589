import os
import time

import pytest

from kit.core import atomic


def test_atomic_write_replaces_whole_file(tmp_path):
    target = tmp_path / "settings.json"
    atomic.atomic_write_text(target, "old")
    atomic.atomic_write_bytes(target, b"new\x00bytes")
    assert target.read_bytes() == b"new\x00bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_atomic_write_text_keeps_newlines_exactly(tmp_path):
    target = tmp_path / "a.txt"
    atomic.atomic_write_text(target, "a\r\nb\n☃")
    assert target.read_bytes() == "a\r\nb\n☃".encode()


def test_atomic_write_keeps_mode_of_replaced_file(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("x")
    os.chmod(target, 0o640)
    atomic.atomic_write_text(target, "y")
    assert target.stat().st_mode & 0o777 == 0o640


def test_failed_write_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text("precious")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full_disk)
    with pytest.raises(OSError, match="No space"):
        atomic.atomic_write_text(target, "new")
    assert target.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_write_into_missing_folder_raises(tmp_path):
    with pytest.raises(OSError):
        atomic.atomic_write_text(tmp_path / "missing" / "a.txt", "x")


def test_clean_stale_temp_files_only_ours_and_only_old(tmp_path):
    old_ours = tmp_path / ".kit-tmp-abc"
    new_ours = tmp_path / ".kit-tmp-def"
    old_theirs = tmp_path / ".tmp-other"
    for path in (old_ours, new_ours, old_theirs):
        path.write_text("x")
    past = time.time() - 3600
    for path in (old_ours, old_theirs):
        os.utime(path, (past, past))
    removed = atomic.clean_stale_temp_files(tmp_path, older_than_s=600)
    assert removed == [old_ours]
    assert not old_ours.exists() and new_ours.exists() and old_theirs.exists()


def test_clean_stale_temp_files_ignores_missing_folder(tmp_path):
    assert atomic.clean_stale_temp_files(tmp_path / "nope") == []
