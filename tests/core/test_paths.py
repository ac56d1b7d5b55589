from pathlib import Path

from kit.core import paths


def test_bundled_resources_found_in_source_checkout(repo):
    assert paths.bundled_resources_dir() == repo / "resources"


def test_frozen_bundle_wins(tmp_path, monkeypatch):
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(paths.sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.bundled_resources_dir() == tmp_path / "resources"


def test_resources_override_replaces_bundled(tmp_path):
    locations = paths.resolve_locations([tmp_path / "a", tmp_path / "b"], environ={})
    assert locations.resource_dirs == (tmp_path / "a", tmp_path / "b")


def test_environment_resources_split_on_pathsep(tmp_path):
    value = f"{tmp_path / 'a'}{paths.os.pathsep}{tmp_path / 'b'}"
    locations = paths.resolve_locations(environ={"KIT_RESOURCES": value})
    assert locations.resource_dirs == (tmp_path / "a", tmp_path / "b")


def test_data_dir_override_moves_cache_and_config_with_it(tmp_path):
    locations = paths.resolve_locations(data_dir=tmp_path, environ={})
    assert locations.data_dir == tmp_path
    assert locations.cache_dir == tmp_path / "cache"
    assert locations.config_dir == tmp_path / "config"
    assert locations.index_dir.is_relative_to(tmp_path)


def test_defaults_use_user_dirs_not_the_install(monkeypatch):
    locations = paths.resolve_locations(environ={})
    package_dir = Path(paths.__file__).resolve().parent.parent
    for folder in (locations.data_dir, locations.cache_dir, locations.config_dir):
        assert not folder.is_relative_to(package_dir)
    assert locations.resource_dirs == (paths.bundled_resources_dir(),)


def test_library_roots_put_installed_packs_first_but_not_staging(tmp_path):
    locations = paths.resolve_locations([tmp_path / "kit"], tmp_path / "data", environ={})
    assert locations.library_roots() == (tmp_path / "kit",)
    packs = locations.own_packs_dir
    for name in ("own", "shared", ".incoming-1-abc", ".old-1-abc-shared", "no-pack-yaml"):
        (packs / name).mkdir(parents=True)
        if name != "no-pack-yaml":
            (packs / name / "pack.yaml").write_text(f"id: {name}\n")
    # Precedence (issue 15): own material, then imported packs, then the bundled kit.
    assert locations.library_roots() == (packs / "own", packs / "shared", tmp_path / "kit")


def test_bundled_index_dir_only_in_a_frozen_bundle_that_has_one(tmp_path, monkeypatch):
    import sys

    from kit.core.paths import bundled_index_dir

    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert bundled_index_dir() is None
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert bundled_index_dir() is None
    (tmp_path / "index").mkdir()
    assert bundled_index_dir() == tmp_path / "index"
