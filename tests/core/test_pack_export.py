"""Export from one data dir, import into a fresh one: the same resources, rendered the same."""

import zipfile

import pytest
import yaml

from kit.core.content.loader import load_library
from kit.core.model import EDITIONS
from kit.core.packs import exporter, importer, own_pack
from kit.core.packs.lessons import lesson_entry
from kit.core.packs.manifest import PackError
from kit.core.paths import resolve_locations
from kit.core.render import markup

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b55"
    "0000000a4944415478da63600000000200015f0e12a60000000049454e44ae426082"
)


def make_pack(root, pack_id="mine"):
    pack = root / pack_id
    (pack / "images").mkdir(parents=True)
    (pack / "pack.yaml").write_text(f"id: {pack_id}\ntitle: Mine\nversion: '2'\nlanguage: en\nlicense: CC0\n")
    (pack / "images" / "dot.png").write_bytes(PNG)
    (pack / "images" / "unused.png").write_bytes(PNG)
    (pack / "one.md").write_text(
        "---\ntitle: One\nkind: handout\nsummary: S.\naudience: [grades-9-10]\n---\n\n## Hi\n\n![dot](images/dot.png)\n"
        'See [two](kit:two).\n\n!!! teacher "Answers"\n    Secret.\n'
    )
    (pack / "sub").mkdir()
    (pack / "sub" / "two.md").write_text(
        "---\ntitle: Two ☃\nkind: article\nsummary: S.\naudience: [educators]\n---\n\nText.\n"
    )
    return pack


def rendered(library):
    return {
        r.id: (r.title, r.kind, r.audience, tuple(markup.render(r, e).html for e in EDITIONS))
        for r in library.resources
    }


def test_whole_pack_round_trip_renders_the_same(tmp_path):
    source = load_library([make_pack(tmp_path / "a")])
    out = tmp_path / "mine.kitpack"
    result = exporter.export_pack(source, ["mine"], out)
    assert result.pack_id == "mine" and result.resources == 2
    names = set(zipfile.ZipFile(out).namelist())
    assert {"manifest.json", "pack.yaml", "one.md", "sub/two.md", "images/dot.png", "images/unused.png"} == names
    fresh = tmp_path / "fresh" / "packs"
    imported = importer.import_pack(out, fresh)
    target = load_library([imported.path])
    assert not target.errors()
    assert rendered(target) == rendered(source)


def test_selected_resources_carry_their_images_and_a_new_pack_yaml(tmp_path):
    source = load_library([make_pack(tmp_path / "a")])
    out = tmp_path / "sel.kitpack"
    result = exporter.export_pack(source, ["one"], out, title="Week 3 handouts")
    assert result.pack_id == "week-3-handouts"
    assert set(zipfile.ZipFile(out).namelist()) == {"manifest.json", "pack.yaml", "one.md", "images/dot.png"}
    imported = importer.import_pack(out, tmp_path / "fresh")
    target = load_library([imported.path])
    assert target.packs[0].title == "Week 3 handouts"
    assert rendered(target)["one"] == rendered(source)["one"]


def test_resources_from_two_packs_keep_apart(tmp_path):
    make_pack(tmp_path / "a", "first")
    (tmp_path / "b").mkdir()
    other = tmp_path / "b" / "second"
    other.mkdir()
    (other / "pack.yaml").write_text("id: second\ntitle: Second\n")
    (other / "three.md").write_text("---\ntitle: Three\nkind: article\naudience: [educators]\n---\nBody\n")
    source = load_library([tmp_path / "a", tmp_path / "b"])
    out = tmp_path / "mixed.kitpack"
    exporter.export_pack(source, ["one", "three"], out, pack_id="mixed")
    names = set(zipfile.ZipFile(out).namelist())
    assert {"first/one.md", "first/images/dot.png", "second/three.md"} <= names
    imported = importer.import_pack(out, tmp_path / "fresh")
    assert {r.id for r in load_library([imported.path]).resources} == {"one", "three"}


def test_own_pack_export_gets_a_new_id(tmp_path):
    packs_dir = tmp_path / "packs"
    source_file = tmp_path / "lesson.md"
    source_file.write_text("# My lesson\n\nThe plan for today.\n")
    own_pack.add_file(source_file, packs_dir, set())
    library = load_library([packs_dir / "own"])
    result = exporter.export_pack(library, ["own"], tmp_path / "own.kitpack")
    assert result.pack_id.startswith("shared-")
    imported = importer.import_pack(tmp_path / "own.kitpack", tmp_path / "other-packs")
    assert [r.title for r in load_library([imported.path]).resources] == ["My lesson"]


def test_lessons_travel_in_the_manifest(tmp_path):
    source = load_library([make_pack(tmp_path / "a")])
    lesson = lesson_entry("Week 3", "9B", None, [("one", 20), ("two", None)])
    exporter.export_pack(source, ["one", "two"], tmp_path / "l.kitpack", pack_id="week-3", lessons=[lesson])
    imported = importer.import_pack(tmp_path / "l.kitpack", tmp_path / "fresh")
    assert imported.lessons == (lesson,)


def test_export_refuses_unknown_ids_unportable_names_and_missing_folders(tmp_path):
    pack = make_pack(tmp_path / "a")
    (pack / "CON.md").write_text("---\ntitle: Con\nkind: article\naudience: [educators]\n---\nBody\n")
    library = load_library([pack])
    with pytest.raises(PackError, match="no resource or pack with id 'nope'"):
        exporter.export_pack(library, ["nope"], tmp_path / "x.kitpack")
    with pytest.raises(PackError, match="reserved on Windows"):
        exporter.export_pack(library, ["mine"], tmp_path / "x.kitpack")
    with pytest.raises(PackError, match="does not exist"):
        exporter.export_pack(library, ["one"], tmp_path / "missing" / "x.kitpack")
    assert not (tmp_path / "x.kitpack").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kit-tmp-")]


def test_bundled_kit_round_trip_through_the_cli_locations(tmp_path, bundled_dir):
    """The bundled kit exported and imported into a data dir whose kit is elsewhere: same list, same rendering."""
    source = load_library([bundled_dir / "trafficking"])
    out = tmp_path / "kit.kitpack"
    exporter.export_pack(source, [source.packs[0].id], out)
    other = tmp_path / "other-kit"
    (other / "empty").mkdir(parents=True)
    (other / "empty" / "pack.yaml").write_text("id: empty\ntitle: Empty\n")
    locations = resolve_locations([other], tmp_path / "data", environ={})
    importer.import_pack(out, locations.own_packs_dir)
    target = load_library(list(locations.library_roots()))
    assert rendered(target) == rendered(source)


def test_default_pack_ids_differ_between_exports(tmp_path):
    source = load_library([make_pack(tmp_path / "a")])
    one = exporter.export_pack(source, ["one"], tmp_path / "1.kitpack")
    two = exporter.export_pack(source, ["two"], tmp_path / "2.kitpack")
    assert (one.pack_id, two.pack_id) == ("shared-one", "shared-two")


def test_a_shared_pack_describes_itself_in_its_resources_language(tmp_path):
    """The colleague who imports it reads the title and the description in the library: in the pages' language,
    with the date written out (never « 2026-12-06 » in an English sentence)."""
    import datetime as dt

    from kit.core.dates_numbers import long_date

    pack = make_pack(tmp_path / "a")
    text = (pack / "one.md").read_text().replace("summary: S.", "summary: S.\nlanguage: fr")
    (pack / "one.md").write_text(text)
    source = load_library([pack])
    out = tmp_path / "fr.kitpack"
    exporter.export_pack(source, ["one"], out)
    meta = yaml.safe_load(zipfile.ZipFile(out).read("pack.yaml"))
    assert meta["language"] == "fr" and meta["title"] == "Partagé depuis Mine"
    assert (
        meta["description"] == f"1 ressource partagée avec la Trousse de classe le {long_date(dt.date.today(), 'fr')}."
    )
    exporter.export_pack(source, ["two"], tmp_path / "en.kitpack")
    meta = yaml.safe_load(zipfile.ZipFile(tmp_path / "en.kitpack").read("pack.yaml"))
    assert meta["title"] == "Shared from Mine"
    assert meta["description"] == f"1 resource shared with Classroom Kit on {long_date(dt.date.today(), 'en')}."
