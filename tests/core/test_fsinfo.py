from kit.core.store import file_systems


def test_wal_refused_on_fat_and_network(monkeypatch, tmp_path):
    monkeypatch.delenv(file_systems.ENV_JOURNAL, raising=False)
    for kind, wal in (("ext4", True), ("vfat", False), ("nfs4", False), ("cifs", False), (None, True)):
        monkeypatch.setattr(file_systems, "filesystem_type", lambda folder, kind=kind: kind)
        assert file_systems.supports_wal(tmp_path) is wal, kind


def test_environment_overrides_the_guess(monkeypatch, tmp_path):
    monkeypatch.setattr(file_systems, "filesystem_type", lambda folder: "vfat")
    monkeypatch.setenv(file_systems.ENV_JOURNAL, "wal")
    assert file_systems.supports_wal(tmp_path)
    monkeypatch.setenv(file_systems.ENV_JOURNAL, "delete")
    monkeypatch.setattr(file_systems, "filesystem_type", lambda folder: "ext4")
    assert not file_systems.supports_wal(tmp_path)


def test_mount_table_longest_prefix_wins(monkeypatch, tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 {tmp_path}/usb\\040stick vfat rw 0 0\n")
    real_path = file_systems.Path
    monkeypatch.setattr(file_systems, "Path", lambda p: real_path(mounts) if p == "/proc/mounts" else real_path(p))
    (tmp_path / "usb stick" / "kit").mkdir(parents=True)
    assert file_systems.filesystem_type(tmp_path / "usb stick" / "kit") == "vfat"
    assert file_systems.filesystem_type(tmp_path) == "ext4"
