"""Atomic writes: the target is the old file or the whole new one; failures leave no temp file behind."""

import errno
import os
import time

import pytest

from kit.core import atomic


def test_atomic_write_bytes_replaces_the_file_whole(tmp_path):
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")
    atomic.atomic_write_bytes(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


def test_atomic_write_text_writes_utf8(tmp_path):
    target = tmp_path / "a.txt"
    atomic.atomic_write_text(target, "café")
    assert target.read_bytes() == "café".encode()


def test_atomic_write_bytes_missing_folder_raises_and_leaves_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        atomic.atomic_write_bytes(tmp_path / "missing" / "a.bin", b"x")
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_bytes_full_disk_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as caught:
        atomic.atomic_write_bytes(target, b"new")
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


def test_clean_stale_temp_files_removes_only_old_temp_files(tmp_path):
    old = tmp_path / f"{atomic.TEMP_PREFIX}x"
    new = tmp_path / f"{atomic.TEMP_PREFIX}y"
    keep = tmp_path / "keep.pdf"
    for path in (old, new, keep):
        path.write_bytes(b"x")
    past = time.time() - 7200
    os.utime(old, (past, past))
    os.utime(keep, (past, past))
    assert atomic.clean_stale_temp_files(tmp_path, older_than_s=3600) == [old]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([new.name, keep.name])


def test_clean_stale_temp_files_ignores_a_missing_folder(tmp_path):
    assert atomic.clean_stale_temp_files(tmp_path / "missing") == []
