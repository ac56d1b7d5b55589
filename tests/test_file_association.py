"""C6 in the installers: each one registers the .kitpack type so a double-clicked pack opens in the kit
(installer/file_type.py), checked by faking the platform as tests/test_build_installer.py does."""

import os
import plistlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
import zipfile

import pytest

from kit.ui.single_instance.message import PACK_SUFFIX
from testdata import DATA, REPO

if str(REPO) not in sys.path:  # build_installer.py and installer/ live at the top of the tree, not in kit
    sys.path.insert(0, str(REPO))

import build_installer
from installer import file_type, freeze, linux, meta, windows

FILES = REPO / "installer" / "files"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
GOOD_PACK = DATA / "bad_packs" / "good.kitpack"


def test_the_installers_extension_is_the_kits():
    assert "." + file_type.EXTENSION == PACK_SUFFIX


def test_shared_mime_info_names_the_type_its_glob_and_the_packs_magic():
    root = ElementTree.fromstring(file_type.shared_mime_info_xml())
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == "application/x-kitpack"
    assert mime.find(f"{MIME_NS}glob").get("pattern") == "*.kitpack"
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/zip"
    outer = mime.find(f"{MIME_NS}magic/{MIME_NS}match")
    inner = outer.find(f"{MIME_NS}match")
    # The magic is what an exported pack really starts with: a zip entry named manifest.json first.
    head = GOOD_PACK.read_bytes()[:64]
    assert head.startswith(b"PK\x03\x04") and outer.get("value") == "PK\\003\\004"
    offset = int(inner.get("offset"))
    assert head[offset : offset + len(inner.get("value"))] == inner.get("value").encode()
    assert zipfile.ZipFile(GOOD_PACK).namelist()[0] == inner.get("value")


def test_an_exported_pack_starts_with_its_manifest(tmp_path):
    """The magic relies on the exporter writing manifest.json first: export a bundled pack and read its first bytes."""
    from kit.core.content.loader import load_library
    from kit.core.packs import exporter

    library = load_library([REPO / "resources"])
    out = tmp_path / "exported.kitpack"
    exporter.export_pack(library, [library.packs[0].id], out)
    head = out.read_bytes()[: file_type.FIRST_ENTRY_OFFSET + len(file_type.FIRST_ENTRY)]
    assert head.startswith(b"PK\x03\x04") and head.endswith(file_type.FIRST_ENTRY.encode())


def test_desktop_entry_takes_a_file_and_names_the_type():
    template = (FILES / "linux" / "classroom-kit.desktop.in").read_text(encoding="utf-8")
    text = linux.desktop_entry(template, "kit", "classroom-kit")
    assert "Exec=kit gui %f\n" in text
    assert "MimeType=application/x-kitpack;\n" in text
    assert "$" not in text


def test_desktop_entry_validates(tmp_path):
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate (desktop-file-utils) is not installed")
    template = (FILES / "linux" / "classroom-kit.desktop.in").read_text(encoding="utf-8")
    entry = tmp_path / linux.DESKTOP_NAME
    entry.write_text(linux.desktop_entry(template, "kit", "classroom-kit"), encoding="utf-8")
    result = subprocess.run([validate, str(entry)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_deb_puts_the_mime_xml_where_shared_mime_info_triggers_on_it():
    layout = linux.deb_layout("1")
    assert layout["mime"] == "usr/share/mime/packages/classroom-kit.xml"


def test_macos_info_plist_declares_and_claims_the_type():
    plist = freeze.info_plist("1.2.3")
    plistlib.dumps(plist)  # a plist PyInstaller can write
    (declared,) = plist["UTExportedTypeDeclarations"]
    (document,) = plist["CFBundleDocumentTypes"]
    assert declared["UTTypeTagSpecification"]["public.filename-extension"] == ["kitpack"]
    assert declared["UTTypeTagSpecification"]["public.mime-type"] == ["application/x-kitpack"]
    assert document["LSItemContentTypes"] == [declared["UTTypeIdentifier"]] == ["org.classroomkit.kitpack"]
    assert document["LSHandlerRank"] == "Owner" and "public.zip-archive" in declared["UTTypeConformsTo"]


def test_windows_registers_the_type_for_this_user_with_the_file_as_its_argument():
    template = (FILES / "windows" / "kit.iss.in").read_text(encoding="utf-8")
    text = windows.inno_script(
        template, version="1.2.3", bundle_dir="C:/b/dist/kit", icon="C:/r/kit.ico", license_file="C:/b/L.txt",
        output_dir="C:/b", output_name="setup",
    )  # fmt: skip
    assert "ChangesAssociations=yes" in text and "${" not in text
    registry = text.split("[Registry]\n", 1)[1].split("\n[", 1)[0]
    lines = [line for line in registry.splitlines() if line.startswith("Root:")]
    assert all(line.startswith('Root: HKA; Subkey: "Software\\Classes\\') for line in lines)  # per user, no admin
    assert 'Subkey: "Software\\Classes\\.kitpack"; ValueType: string; ValueName: ""; ' \
        'ValueData: "ClassroomKit.kitpack"' in registry  # fmt: skip
    (command,) = [line for line in lines if "shell\\open\\command" in line]
    assert command.endswith('ValueData: """{app}\\kit.exe"" ""%1"""')  # "…\kit.exe" "%1" once Inno unquotes it
    assert 'Subkey: "Software\\Classes\\ClassroomKit.kitpack"' in registry and "uninsdeletekey" in registry


@pytest.mark.parametrize(("platform", "name"), [("linux", "classroom-kit.xml"), ("darwin", "Info.plist.json")])
def test_generate_writes_the_file_type(tmp_path, capsys, platform, name):
    assert build_installer.main(["--out", str(tmp_path), "generate", "--platform", platform]) == 0
    assert "kitpack" in (tmp_path / name).read_text(encoding="utf-8")


def test_user_install_script_names_the_files_the_tarball_ships():
    script = (FILES / "linux" / linux.USER_INSTALL_SCRIPT).read_text(encoding="utf-8")
    assert os.access(FILES / "linux" / linux.USER_INSTALL_SCRIPT, os.X_OK)
    for name in (linux.DESKTOP_NAME, f"{meta.PACKAGE}.png", file_type.mime_package_name(), meta.EXECUTABLE):
        assert name in script, name


@pytest.fixture
def portable_folder(tmp_path):
    """What make_tarball puts beside the bundle (the desktop file, icon, type and script), under a spaced path."""
    folder = tmp_path / "a teacher's apps" / "classroom-kit"
    folder.mkdir(parents=True)
    template = (FILES / "linux" / "classroom-kit.desktop.in").read_text(encoding="utf-8")
    (folder / linux.DESKTOP_NAME).write_text(linux.desktop_entry(template, "/path/to/kit", "/path/to/i.png"))
    shutil.copy2(REPO / "installer" / "icons" / "kit-256.png", folder / f"{meta.PACKAGE}.png")
    (folder / file_type.mime_package_name()).write_text(file_type.shared_mime_info_xml())
    shutil.copy2(FILES / "linux" / linux.USER_INSTALL_SCRIPT, folder / linux.USER_INSTALL_SCRIPT)
    return folder


def test_user_install_script_registers_the_folder_and_the_type(portable_folder, tmp_path):
    """Run the portable folder's script into a scratch XDG data folder, then ask the desktop's own tools."""
    data = tmp_path / "data home"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(tmp_path)}
    script = portable_folder / linux.USER_INSTALL_SCRIPT
    subprocess.run(["sh", str(script)], check=True, env=env, capture_output=True, text=True)
    entry = (data / "applications" / linux.DESKTOP_NAME).read_text()
    assert f'Exec="{portable_folder}/kit" gui %f\n' in entry and "MimeType=application/x-kitpack;" in entry
    assert (data / "mime" / "packages" / "classroom-kit.xml").is_file()
    if shutil.which("update-mime-database"):  # shared-mime-info: the database now knows the type
        pack = tmp_path / "lesson.kitpack"
        shutil.copy(GOOD_PACK, pack)
        assert "application/x-kitpack" in (data / "mime" / "globs2").read_text()
        if shutil.which("xdg-mime"):
            found = subprocess.run(["xdg-mime", "query", "filetype", str(pack)], env=env, capture_output=True,
                                   text=True)  # fmt: skip
            assert found.stdout.strip() == "application/x-kitpack", found.stdout + found.stderr
    subprocess.run(["sh", str(script), "--remove"], check=True, env=env, capture_output=True)
    assert not (data / "applications" / linux.DESKTOP_NAME).exists()
    assert not (data / "mime" / "packages" / "classroom-kit.xml").exists()
