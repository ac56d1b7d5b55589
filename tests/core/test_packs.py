"""Every row of bad-inputs.md §3.6 against the real importer: refused in one line, nothing written, nothing half-there."""

import hashlib
import io
import json
import os
import shutil
import struct
import time
import zipfile

import pytest

from kit.core.content.loader import load_library
from kit.core.packs import importer, installed
from kit.core.packs.manifest import INSTALLED_MANIFEST, verify_installed
from testdata import DATA

BAD = DATA / "bad_packs"

REFUSED = {
    "z01-dotdot": "unsafe path '../../x.md'",
    "z01-dotdot-nested": "unsafe path 'lessons/../../../x.md'",
    "z02-absolute": "unsafe path '/tmp/kit-escape.md'",
    "z02-drive": "unsafe path 'C:/kit-escape.md'",
    "z02-unc": "unsafe path '\\\\server",
    "z02-backslash": "unsafe path '..\\..\\x.md'",
    "z03-symlink": "'link.md' is a symbolic link",
    "z03-device": "'dev.md' is a special file",
    "z04-duplicate": "duplicate file name 'page.md'",
    "z04-case": "duplicate file name 'lesson.md' (same as 'Lesson.md'",
    "z05-file-and-folder": "'notes.md' is both a file and a folder",
    "z06-con": "'CON.md' is reserved on Windows",
    "z06-aux-folder": "'aux/page2.md' is reserved on Windows",
    "z06-colon": "unsafe path 'a:b.md'",
    "z06-trailing-dot": "ends with a dot or a space",
    "z06-trailing-space": "ends with a dot or a space",
    "z06-question": "'what?.md' holds a character Windows does not allow",
    "z07-long-name": "is longer than 255 bytes",
    "z07-deep": "nested more than 16 folders deep",
    "z07-long-path": "is longer than 180 characters",
    "z08-exe": "file type not allowed: 'run.exe'",
    "z08-html": "file type not allowed: 'page.html'",
    "z08-no-extension": "file type not allowed: 'README'",
    "z09-big-file": "'huge.md' is 25 MB (limit 20 MB)",
    "z09-ratio-bomb": "over 100 times its size (a zip bomb)",
    "z10-overlap-bomb": "overlaps another entry (a zip bomb)",
    "z12-encrypted": "encrypted packs are not supported",
    "z13-deflate64": "re-create the pack with standard zip",
    "z14-truncated": "the file is incomplete or not a pack; copy it again",
    "z14-empty": "the file is incomplete or not a pack; copy it again",
    "z14-not-a-zip": "the file is incomplete or not a pack; copy it again",
    "z15-corrupt-data": "the file is incomplete or not a pack; copy it again",
    "z16-not-utf8": "is not in UTF-8",
    "z17-nul-name": "unsafe file name 'evil.md␀.exe'",
    "z18-no-manifest": "manifest.json is missing",
    "z18-manifest-not-json": "manifest.json is not valid JSON",
    "z18-manifest-newer": "made by a newer version of the kit (format 99)",
    "z18-checksum": "'page.md' does not match its checksum",
    "z18-unlisted-file": "'extra.md' is in the pack but not in its manifest",
    "z18-missing-file": "'gone.md' is in the manifest but missing from the pack",
    "z18-wrong-pack-id": "pack.yaml says id 'sample' but the manifest says 'other'",
    "z18-bad-content": "content is not valid: broken.md:",
    "z21-zip-inside": "file type not allowed: 'inner.zip'",
}


def snapshot(folder):
    return sorted(
        (str(p.relative_to(folder)), p.stat().st_size) for p in folder.rglob("*") if p.is_file() or p.is_symlink()
    )


@pytest.fixture
def home(tmp_path):
    (tmp_path / "data" / "packs").mkdir(parents=True)
    (tmp_path / "data" / "kit.sqlite3").write_bytes(b"pretend user data")
    return tmp_path


def test_every_fixture_has_an_expectation():
    names = {p.stem for p in BAD.glob("*.kitpack")} - {"good", "z16-utf8-without-flag"}
    assert names == set(REFUSED)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_bad_pack_refused_in_one_line_and_nothing_written(home, name):
    packs_dir = home / "data" / "packs"
    before = snapshot(home)
    started = time.monotonic()
    with pytest.raises(importer.PackError) as refused:
        importer.import_pack(BAD / f"{name}.kitpack", packs_dir)
    message = str(refused.value)
    assert REFUSED[name] in message
    assert "\n" not in message and len(message) < 300
    assert snapshot(home) == before
    assert not any(p.name.startswith(".incoming-") for p in packs_dir.iterdir())
    assert not (home / "kit-escape.md").exists() and not (home.parent / "x.md").exists()
    assert time.monotonic() - started < 20  # a generous budget against a bomb being inflated in full


def test_good_pack_installs_verified_and_loads(home):
    packs_dir = home / "data" / "packs"
    result = importer.import_pack(BAD / "good.kitpack", packs_dir)
    assert result.pack_id == "sample" and not result.replaced
    assert (packs_dir / "sample" / "page.md").is_file()
    assert verify_installed(packs_dir / "sample") is None
    library = load_library(installed.installed_pack_dirs(packs_dir))
    assert [r.id for r in library.resources] == ["page"]


def test_utf8_names_without_the_flag_are_re_decoded(home):
    packs_dir = home / "data" / "packs"
    importer.import_pack(BAD / "z16-utf8-without-flag.kitpack", packs_dir)
    assert (packs_dir / "sample" / "images" / "café.png").is_file()


def test_inspect_validates_without_writing(home):
    before = snapshot(home)
    manifest = importer.inspect(BAD / "good.kitpack")
    assert manifest.pack_id == "sample" and "page.md" in manifest.files
    assert snapshot(home) == before


def test_overlap_bomb_refused_by_real_byte_count_even_without_the_overlap_check(home, monkeypatch):
    """Python 3.11.7 inflates this bomb (CVE-2024-0450); the streamed-byte counter must stop it on its own."""
    monkeypatch.setattr(importer, "_check_overlap", lambda files: None)
    with pytest.raises(importer.PackError, match="zip bomb"):
        importer.import_pack(BAD / "z10-overlap-bomb.kitpack", home / "data" / "packs")
    assert not any((home / "data" / "packs").iterdir())


def test_too_many_entries_refused_before_reading_them(home):
    """Z11: a central directory of 10,001 entries (all pointing at one member) is refused by count."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("manifest.json", b"{}")
    data = buffer.getvalue()
    cd_at = data.find(b"PK\x01\x02")
    central = bytearray()
    count = importer.MAX_ENTRIES + 1
    for number in range(count):
        name = f"{number}.md".encode()
        central += (
            struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, len(name), 0, 0, 0, 0, 0, 0)
            + name
        )
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count, len(central), cd_at, 0)
    path = home / "many.kitpack"
    path.write_bytes(data[:cd_at] + bytes(central) + end)
    with pytest.raises(importer.PackError, match="10,001 entries"):
        importer.import_pack(path, home / "data" / "packs")


def test_same_id_asks_then_replaces_keeping_old_until_new_is_verified(home):
    packs_dir = home / "data" / "packs"
    importer.import_pack(BAD / "good.kitpack", packs_dir)
    with pytest.raises(importer.PackConflict, match=r"pack .sample. is already installed .*replace it or keep both"):
        importer.import_pack(BAD / "good.kitpack", packs_dir)
    # a broken newer copy never removes the installed one
    with pytest.raises(importer.PackError):
        importer.import_pack(BAD / "z18-checksum.kitpack", packs_dir, on_conflict="replace")
    assert verify_installed(packs_dir / "sample") is None
    result = importer.import_pack(BAD / "good.kitpack", packs_dir, on_conflict="replace")
    assert result.replaced and verify_installed(packs_dir / "sample") is None
    assert sorted(p.name for p in packs_dir.iterdir()) == ["sample"]


def test_keep_both_installs_under_a_new_id(home):
    packs_dir = home / "data" / "packs"
    importer.import_pack(BAD / "good.kitpack", packs_dir)
    result = importer.import_pack(BAD / "good.kitpack", packs_dir, on_conflict="keep-both")
    assert result.pack_id == "sample-2"
    assert verify_installed(packs_dir / "sample-2") is None
    assert "id: sample-2" in (packs_dir / "sample-2" / "pack.yaml").read_text()
    library = load_library(installed.installed_pack_dirs(packs_dir))
    assert {p.id for p in library.packs} == {"sample", "sample-2"}


def test_bundled_pack_id_can_only_be_kept_beside(home):
    packs_dir = home / "data" / "packs"
    with pytest.raises(importer.PackConflict, match="part of the kit"):
        importer.import_pack(BAD / "good.kitpack", packs_dir, reserved={"sample"})
    with pytest.raises(importer.PackError, match="never replaced"):
        importer.import_pack(BAD / "good.kitpack", packs_dir, on_conflict="replace", reserved={"sample"})
    result = importer.import_pack(BAD / "good.kitpack", packs_dir, on_conflict="keep-both", reserved={"sample"})
    assert result.pack_id == "sample-2"


def test_remove_pack(home):
    packs_dir = home / "data" / "packs"
    importer.import_pack(BAD / "good.kitpack", packs_dir)
    installed.remove_pack(packs_dir, "sample")
    assert list(packs_dir.iterdir()) == []
    with pytest.raises(importer.PackError, match="no installed pack with id 'sample'"):
        installed.remove_pack(packs_dir, "sample")
    with pytest.raises(importer.PackError, match="no installed pack"):
        installed.remove_pack(packs_dir, "../data")


def test_disk_full_while_staging_leaves_nothing(home, monkeypatch):
    packs_dir = home / "data" / "packs"

    def full(out, chunk):
        raise importer.PackError(importer._space_message(OSError(28, "No space left on device"), packs_dir))

    monkeypatch.setattr(importer, "_write", full)
    with pytest.raises(importer.PackError, match="not enough space"):
        importer.import_pack(BAD / "good.kitpack", packs_dir)
    assert list(packs_dir.iterdir()) == []


def test_recover_tidies_leftovers_and_restores_an_interrupted_replace(home):
    packs_dir = home / "data" / "packs"
    importer.import_pack(BAD / "good.kitpack", packs_dir)
    old = int(time.time()) - 3600
    os.replace(packs_dir / "sample", packs_dir / f".old-{old}-abcd1234-sample")  # killed between the renames
    (packs_dir / f".incoming-{old}-abcd1234" / "sub").mkdir(parents=True)
    (packs_dir / f".removing-{old}-abcd1234-gone").mkdir()
    fresh = packs_dir / f".incoming-{int(time.time())}-ffff0000"  # another copy of the kit is importing
    fresh.mkdir()
    (packs_dir / "unrelated.txt").write_text("not ours")
    done = installed.recover(packs_dir)
    assert any("restored pack 'sample'" in line for line in done)
    assert sorted(p.name for p in packs_dir.iterdir()) == [fresh.name, "sample", "unrelated.txt"]
    assert verify_installed(packs_dir / "sample") is None


def test_manifest_round_trips_and_installed_manifest_is_kept(home):
    packs_dir = home / "data" / "packs"
    importer.import_pack(BAD / "good.kitpack", packs_dir)
    data = json.loads((packs_dir / "sample" / INSTALLED_MANIFEST).read_text())
    assert data["format_version"] == importer.FORMAT_VERSION
    page = next(f for f in data["files"] if f["path"] == "page.md")
    assert page["sha256"] == hashlib.sha256((packs_dir / "sample" / "page.md").read_bytes()).hexdigest()


def test_a_folder_or_missing_file_is_one_line(home):
    with pytest.raises(importer.PackError, match="this is a folder"):
        importer.import_pack(home, home / "data" / "packs")
    with pytest.raises(importer.PackError, match="does not exist"):
        importer.import_pack(home / "nope.kitpack", home / "data" / "packs")
    shutil.rmtree(home / "data" / "packs")


def test_a_pack_never_replaces_or_removes_the_teachers_own_pack(home):
    packs_dir = home / "data" / "packs"
    (packs_dir / "own").mkdir()
    (packs_dir / "own" / "pack.yaml").write_text("id: own\ntitle: My material\n")
    path = home / "own.kitpack"
    with zipfile.ZipFile(BAD / "good.kitpack") as zf:
        files = {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}
    files["pack.yaml"] = files["pack.yaml"].replace(b"id: sample", b"id: own")
    manifest = {
        "format": "kitpack",
        "format_version": 1,
        "pack": {"id": "own", "title": "Not mine"},
        "files": [{"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in files.items()],
    }
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, content in files.items():
            zf.writestr(name, content)
    with pytest.raises(importer.PackConflict, match="your own pack"):
        importer.import_pack(path, packs_dir)
    with pytest.raises(importer.PackError, match="never replaced"):
        importer.import_pack(path, packs_dir, on_conflict="replace")
    assert importer.import_pack(path, packs_dir, on_conflict="keep-both").pack_id == "own-2"
    assert (packs_dir / "own" / "pack.yaml").read_text() == "id: own\ntitle: My material\n"
    with pytest.raises(importer.PackError, match="your own pack is not removed"):
        installed.remove_pack(packs_dir, "own")
