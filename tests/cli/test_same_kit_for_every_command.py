"""Every command that takes an id sees the same kit as `kit list` and the app: the teacher's own material
(`kit add`) and an imported pack (`kit pack import`), not only the bundled kit or `--resources`.

Run in-process through the real `kit.cli.main`, as a teacher would type the commands.
"""

import json
import shutil
import subprocess
import zipfile

import pytest

from kit.cli import main

OWN_ID, OWN_WORD = "class-notes", "quinces"
IMPORTED_ID, IMPORTED_WORD = "shared-handout", "marmalade"


def _pack(folder, pack_id, resource_id, title, word):
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(f"id: {pack_id}\ntitle: {title} pack\n", encoding="utf-8")
    (folder / f"{resource_id}.md").write_text(
        f"---\ntitle: {title}\nkind: handout\n---\n## {title}\n\nThis page is about {word}.\n", encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    """`kit` with a small base pack and a data dir holding own material and one imported pack."""
    root = tmp_path_factory.mktemp("same-kit")
    base = _pack(root / "base", "base", "base-article", "Base article", "orchards")
    common = ["--resources", str(base), "--data-dir", str(root / "data")]

    (root / f"{OWN_ID}.md").write_text(f"# Class notes\n\nWe talked about {OWN_WORD}.\n", encoding="utf-8")
    assert main([*common, "add", str(root / f"{OWN_ID}.md")]) == 0

    # A colleague's pack, exported on their machine (their own --resources and data dir), imported here.
    colleague = _pack(root / "colleague", "colleague", IMPORTED_ID, "Shared handout", IMPORTED_WORD)
    shared = root / "shared.kitpack"
    theirs = ["--resources", str(colleague), "--data-dir", str(root / "theirs")]
    assert main([*theirs, "pack", "export", IMPORTED_ID, "-o", str(shared), "--pack-id", "shared"]) == 0
    assert main([*common, "pack", "import", str(shared)]) == 0

    def run(*args):
        return main([*common, *args])

    run.root = root
    return run


IDS = [pytest.param(OWN_ID, OWN_WORD, id="own"), pytest.param(IMPORTED_ID, IMPORTED_WORD, id="imported")]


@pytest.mark.parametrize(("resource_id", "word"), IDS)
def test_list_shows_it(kit, capsys, resource_id, word):
    assert kit("list", "--json") == 0
    assert resource_id in {row["id"] for row in json.loads(capsys.readouterr().out)}


@pytest.mark.parametrize(("resource_id", "word"), IDS)
def test_show(kit, capsys, resource_id, word):
    assert kit("show", resource_id) == 0
    assert word in capsys.readouterr().out


@pytest.mark.parametrize(("resource_id", "word"), IDS)
def test_export_pdf(kit, capsys, qapp, resource_id, word):
    out = kit.root / f"{resource_id}.pdf"
    assert kit("export-pdf", resource_id, "-o", str(out)) == 0, capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):  # the right page was printed, not just some PDF
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert word in text


@pytest.mark.parametrize(("resource_id", "word"), IDS)
def test_present_finds_it_before_opening_a_window(kit, monkeypatch, resource_id, word):
    shown = []
    # The part that needs a screen, replaced: what matters here is which resource reached it.
    monkeypatch.setattr(
        "kit.commands.present.present_in_app", lambda context, resource, start: shown.append((resource, start)) or 0
    )
    assert kit("present", resource_id, "--slide", "2") == 0
    [(resource, start)] = shown
    assert (resource.id, start) == (resource_id, 1) and word in resource.body


@pytest.mark.parametrize(("resource_id", "word"), IDS)
def test_pack_export(kit, resource_id, word):
    out = kit.root / f"again-{resource_id}.kitpack"
    assert kit("pack", "export", resource_id, "-o", str(out), "--pack-id", f"again-{resource_id}") == 0
    with zipfile.ZipFile(out) as archive:
        assert any(name.endswith(f"{resource_id}.md") for name in archive.namelist())


@pytest.mark.parametrize(("resource_id", "word"), IDS)
def test_search(kit, capsys, resource_id, word):
    assert kit("search", word, "--json") == 0
    assert [hit["id"] for hit in json.loads(capsys.readouterr().out)["results"]] == [resource_id]


@pytest.mark.parametrize("command", [["show"], ["export-pdf", "-o", "x.pdf"], ["present"]])
def test_an_unknown_id_is_the_same_one_line_everywhere(kit, capsys, monkeypatch, command):
    monkeypatch.setattr("kit.commands.present.present_in_app", lambda *args: pytest.fail("a window was opened"))
    name, *options = command
    assert kit(name, "no-such-id", *options) == 1
    assert capsys.readouterr().err == "kit: no resource with id 'no-such-id' (see 'kit list')\n"


@pytest.mark.parametrize("command", [["show"], ["export-pdf", "-o", "x.pdf"], ["present"]])
@pytest.mark.parametrize(("typed", "meant"), [("class-note", OWN_ID), ("shared-handouts", IMPORTED_ID)])
def test_a_mistyped_id_suggests_the_closest_one_everywhere(kit, capsys, monkeypatch, command, typed, meant):
    monkeypatch.setattr("kit.commands.present.present_in_app", lambda *args: pytest.fail("a window was opened"))
    name, *options = command
    assert kit(name, typed, *options) == 1
    assert capsys.readouterr().err == f"kit: no resource with id '{typed}' — did you mean '{meant}'?\n"
