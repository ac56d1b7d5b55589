"""Issue 15 (c): resources cannot impersonate. Own material, then imported packs in import order, then bundled;
every clash is on Library.hidden; an import that clashes with the teacher's own is refused unless told."""

import json
import os
import subprocess
import sys

import pytest
import yaml

from kit.core import names
from kit.core.content.loader import load_library
from kit.core.packs import file_names, importer, installed
from kit.core.packs.manifest import PackError, parse_manifest
from kit.core.paths import Locations
from packfixtures import PACK_YAML, PAGE, kitpack
from testdata import REPO


def kit(*args, cwd, env):
    environment = {**os.environ, "PYTHONPATH": str(REPO), **env}
    command = [sys.executable, "-m", "kit", *args]
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=60)


@pytest.fixture
def locations(tmp_path):
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    (bundled / "pack.yaml").write_text(PACK_YAML.format(id="kit"))
    (bundled / "my-lesson.md").write_text(PAGE.format(title="Bundled", text="bundled text"))
    own = tmp_path / "data" / "packs" / "own"
    own.mkdir(parents=True)
    (own / "pack.yaml").write_text(PACK_YAML.format(id="own"))
    (own / "my-lesson.md").write_text(PAGE.format(title="Mine", text="the teacher's own text"))
    return Locations((bundled,), tmp_path / "data", tmp_path / "cache", tmp_path / "config")


def test_own_material_wins_over_a_pack_named_to_sort_first(locations, tmp_path):
    archive = kitpack(tmp_path / "evil.kitpack", "0-evil", {"my-lesson": "the pack's text"})
    with pytest.raises(importer.PackConflict, match=r"id of your own material \(my-lesson\)"):
        importer.import_pack(archive, locations.own_packs_dir)
    assert not (locations.own_packs_dir / "0-evil").exists()
    importer.import_pack(archive, locations.own_packs_dir, on_conflict="keep-both")
    library = load_library(list(locations.library_roots()))
    assert "own text" in library.get("my-lesson").body
    hidden = {(h.pack, h.by_pack) for h in library.hidden if h.id == "my-lesson"}
    assert hidden == {("0-evil", "own"), ("kit", "own")}
    assert [h.id for h in library.hidden if h.pack == "0-evil"] == ["my-lesson"]


def test_imported_packs_rank_by_import_order_not_name(locations, tmp_path):
    first = kitpack(tmp_path / "b.kitpack", "zz-first", {"shared-page": "first import"})
    second = kitpack(tmp_path / "a.kitpack", "aa-second", {"shared-page": "second import"})
    importer.import_pack(first, locations.own_packs_dir)
    importer.import_pack(second, locations.own_packs_dir)
    library = load_library(list(locations.library_roots()))
    assert "first import" in library.get("shared-page").body
    assert [h.describe() for h in library.hidden if h.id == "shared-page"] == [
        "resource 'shared-page' of pack 'aa-second' is hidden by the one in pack 'zz-first'"
    ]
    # a replaced pack keeps its place
    importer.import_pack(first, locations.own_packs_dir, on_conflict="replace")
    assert "first import" in load_library(list(locations.library_roots())).get("shared-page").body
    # a pack cannot claim precedence through its own manifest
    assert [p.name for p in installed.installed_pack_dirs(locations.own_packs_dir)] == ["own", "zz-first", "aa-second"]


def test_imported_pack_wins_over_bundled_and_cli_warns(locations, tmp_path):
    archive = kitpack(tmp_path / "p.kitpack", "extra", {"bundled-page": "pack"})
    (locations.resource_dirs[0] / "bundled-page.md").write_text(PAGE.format(title="Bundled", text="bundled"))
    importer.import_pack(archive, locations.own_packs_dir)
    env = {"KIT_DATA_DIR": str(locations.data_dir), "KIT_RESOURCES": str(locations.resource_dirs[0])}
    shown = kit("show", "my-lesson", "--format", "md", cwd=tmp_path, env=env)
    assert "the teacher's own text" in shown.stdout
    assert "warning: resource 'my-lesson' of pack 'kit' is hidden by the one in pack 'own'" in shown.stderr
    assert "pack" in kit("show", "bundled-page", "--format", "md", cwd=tmp_path, env=env).stdout


@pytest.mark.parametrize("bad", ["abc\n", "con", "com0", "lpt9", "nul", "Abc", "a" * 81, ""])
def test_ids_are_checked_whole_and_against_windows_devices(bad):
    assert not names.is_valid_id(bad)
    data = {"format": "kitpack", "format_version": 1, "pack": {"id": bad}, "files": []}
    with pytest.raises(PackError, match=r"pack\.id"):
        parse_manifest(json.dumps(data).encode())


@pytest.mark.parametrize("name", ["CONIN$.md", "conout$.png", "COM0.md", "lpt0.png", "nul.tar.md", "com¹.md"])
def test_windows_device_file_names_refused(name):
    assert "reserved on Windows" in file_names.name_problem(name)


def test_one_slug_rule():
    assert names.slug("Café: words & more!") == "cafe-words-more"
    assert names.slug("CON") == "" and names.slug("!!!") == ""
    assert len(names.slug("x" * 300)) == names.MAX_SLUG_CHARS


@pytest.mark.parametrize(
    "pack_yaml",
    ['{id: "sample", title: "Flow pack", version: "1"}\n', 'title: Quoted\n"id": sample\nversion: "1"\n'],
)
def test_keep_both_rewrites_the_parsed_pack_yaml(tmp_path, pack_yaml):
    packs_dir = tmp_path / "packs"
    archive = kitpack(tmp_path / "s.kitpack", "sample", {"page": "x"}, pack_yaml=pack_yaml)
    importer.import_pack(archive, packs_dir)
    result = importer.import_pack(archive, packs_dir, on_conflict="keep-both")
    assert result.pack_id == "sample-2"
    assert yaml.safe_load((packs_dir / "sample-2" / "pack.yaml").read_text())["id"] == "sample-2"
    assert {p.id for p in load_library(installed.installed_pack_dirs(packs_dir)).packs} == {"sample", "sample-2"}


def test_deeply_nested_manifest_is_one_line():
    with pytest.raises(PackError, match="nested too deeply"):
        parse_manifest(b'{"format": "kitpack", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
