"""The installer's prebuilt index: copied for the bundled kit on first open, used as is, never for other packs."""

import shutil

import pytest

from kit.core.content.loader import load_library
from kit.core.search import SearchIndex
from kit.core.search.prebuilt import seed_from_prebuilt
from testdata import REPO


@pytest.fixture(scope="module")
def prebuilt(tmp_path_factory):
    """An index built as build_installer.py does: from the source tree's resources, into `index/`."""
    folder = tmp_path_factory.mktemp("extras") / "index"
    SearchIndex.open(folder, load_library([REPO / "resources"]))
    return folder


@pytest.fixture
def bundle(tmp_path):
    """The same kit at another path, as in an installed bundle."""
    resources = tmp_path / "opt kit" / "_internal" / "resources"
    shutil.copytree(REPO / "resources", resources)
    return resources


def test_seeded_index_is_used_without_reindexing(prebuilt, bundle, tmp_path):
    library = load_library([bundle])
    index_dir = tmp_path / "cache" / "index"
    assert seed_from_prebuilt(prebuilt, index_dir, library, bundle)
    index = SearchIndex.open(index_dir, library)
    stats = index.last_update
    assert not stats.rebuilt and stats.added == stats.changed == stats.removed == 0
    assert index.search("trafficking").results


def test_not_seeded_for_other_packs_or_over_an_existing_index(prebuilt, bundle, tmp_path):
    library = load_library([bundle])
    index_dir = tmp_path / "index"
    assert not seed_from_prebuilt(prebuilt, index_dir, library, tmp_path / "elsewhere")
    assert not seed_from_prebuilt(None, index_dir, library, bundle)
    assert not seed_from_prebuilt(prebuilt, index_dir, library, None)
    assert seed_from_prebuilt(prebuilt, index_dir, library, bundle)
    assert not seed_from_prebuilt(prebuilt, index_dir, library, bundle)  # the user's index is never replaced


def test_not_seeded_from_another_engine_version(bundle, tmp_path):
    foreign = tmp_path / "prebuilt"
    (foreign / "engine0-000000000000").mkdir(parents=True)
    (foreign / "engine0-000000000000" / "kit-manifest.json").write_text("{}")
    library = load_library([bundle])
    assert not seed_from_prebuilt(foreign, tmp_path / "index", library, bundle)


def test_seeded_from_a_read_only_install_is_writable(prebuilt, bundle, tmp_path):
    """Installed files are read-only; the user's copy must not be, or the first update would rebuild it."""
    read_only = tmp_path / "read-only prebuilt"
    shutil.copytree(prebuilt, read_only)
    for path in [read_only, *read_only.rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)
    library = load_library([bundle])
    index_dir = tmp_path / "index"
    try:
        assert seed_from_prebuilt(read_only, index_dir, library, bundle)
    finally:
        for path in [read_only, *read_only.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    assert all(path.stat().st_mode & 0o200 for path in index_dir.rglob("*"))
    stats = SearchIndex.open(index_dir, library).last_update
    assert not stats.rebuilt and stats.added == 0
