"""build_installer.py and installer/: the pure planning functions, tested by faking the platform (no freezing).

The real build (minutes) is in the slow tests at the end: `python -m pytest -m slow tests/test_build_installer.py`.
"""

import contextlib
import json
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from testdata import REPO

if str(REPO) not in sys.path:  # build_installer.py and installer/ live at the top of the tree, not in kit
    sys.path.insert(0, str(REPO))

import build_installer
from installer import extras, freeze, linux, macos, meta, qt_slim, smoke, venv, windows

PYPROJECT = (REPO / "pyproject.toml").read_text(encoding="utf-8")


# --- the steps, per platform ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "expected", "absent"),
    [
        ("linux", ["freeze", "tarball", "deb", "smoke"], ["inno-compile", "dmg"]),
        ("win32", ["freeze", "inno-script", "inno-compile"], ["deb", "dmg", "smoke"]),
        ("darwin", ["freeze", "dmg"], ["deb", "inno-compile", "codesign", "notarise"]),
    ],
)
def test_steps_follow_sys_platform(monkeypatch, platform, expected, absent):
    monkeypatch.setattr(sys, "platform", platform)
    plan = build_installer.steps()
    assert plan[:4] == ["venv", "check-venv", "extras", "freeze"]
    assert all(step in plan for step in expected)
    assert not any(step in plan for step in absent)


def test_steps_macos_signing_and_notarising_are_options(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    plan = build_installer.steps(codesign=True, notarise=True)
    assert plan.index("codesign") < plan.index("dmg") < plan.index("notarise")


def test_steps_refuse_an_unknown_platform(monkeypatch):
    monkeypatch.setattr(sys, "platform", "freebsd14")
    with pytest.raises(build_installer.BuildError):
        build_installer.steps()


# --- the build venv ------------------------------------------------------------------------------------


def test_venv_requirements_are_runtime_deps_plus_build_extra():
    requirements = venv.requirements(PYPROJECT)
    names = {venv.requirement_name(r) for r in requirements}
    assert {"pyside6-essentials", "pyside6-addons", "pyinstaller", "tantivy"} <= names  # Addons: read aloud
    assert "pytest" not in names
    # PyInstaller is a build tool, never a runtime dependency of the kit.
    assert "pyinstaller" not in venv.runtime_distributions(PYPROJECT)
    assert "pyside6" not in names


def test_venv_requirements_name_a_missing_extra():
    with pytest.raises(ValueError, match="nope"):
        venv.requirements(PYPROJECT, extras=("nope",))


@pytest.mark.parametrize(
    ("installed", "problem"),
    [
        (["PySide6", "PySide6_Essentials", "shiboken6"], "meta-package"),
        (["PySide6_Essentials", "shiboken6"], "no PySide6-Addons (read aloud"),
        (["PyQt5", "PySide6_Essentials"], "PyQt5"),
        (["PyQt6", "PySide6_Essentials"], "PyQt6"),
        (["markdown"], "no PySide6-Essentials"),
    ],
)
def test_venv_qt_problems_refuse_other_qts(installed, problem):
    problems = venv.qt_problems(installed)
    assert any(problem in p for p in problems), problems


def test_venv_qt_problems_accept_essentials_and_addons():
    installed = ["PySide6_Essentials", "PySide6_Addons", "shiboken6", "pyinstaller", "tantivy"]
    assert venv.qt_problems(installed) == []


def test_check_venv_refuses_to_build_with_full_pyside6(monkeypatch):
    monkeypatch.setattr(
        build_installer, "venv_output", lambda python, code: json.dumps(["PySide6", "PySide6_Essentials"])
    )
    with pytest.raises(build_installer.BuildError, match=r"refusing to build.*meta-package"):
        build_installer.check_venv(Path("python"))


def test_bundled_distributions_leave_out_build_tools():
    bundled = venv.bundled_distributions(["PyInstaller", "pip", "altgraph", "PySide6_Essentials", "nh3"])
    assert bundled == ["nh3", "pyside6-essentials"]


@pytest.mark.parametrize(("platform", "tail"), [("win32", "Scripts/python.exe"), ("linux", "bin/python")])
def test_venv_python_per_platform(platform, tail):
    assert venv.venv_python(Path("v"), platform).as_posix() == f"v/{tail}"


# --- Qt slimming ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "name"),
    [
        ("libqxcb.so", "xcb"),
        ("qjpeg.dll", "jpeg"),
        ("libqcocoa.dylib", "cocoa"),
        ("libqt-plugin-wayland-egl.so", "qt-plugin-wayland-egl"),
        ("libcupsprintersupport.so", "cupsprintersupport"),
        ("/x/plugins/platforms/libqoffscreen.so", "offscreen"),
    ],
)
def test_plugin_name(filename, name):
    assert qt_slim.plugin_name(filename) == name


@pytest.mark.parametrize(
    ("kind", "filename", "kept"),
    [
        ("platforms", "libqxcb.so", True),
        ("platforms", "libqwayland.so", True),
        ("platforms", "libqoffscreen.so", True),
        ("platforms", "qwindows.dll", True),
        ("platforms", "libqeglfs.so", False),
        ("platforms", "libqvnc.so", False),
        ("imageformats", "libqjpeg.so", True),
        ("imageformats", "libqgif.so", True),
        ("imageformats", "libqtiff.so", False),
        ("imageformats", "libqsvg.so", False),
        ("platformthemes", "libqgtk3.so", False),
        ("printsupport", "libcupsprintersupport.so", True),
        ("tls", "libqopensslbackend.so", False),
        ("qmltooling", "libqmldbg_debugger.so", False),
        ("networkinformation", "libqnetworkmanager.so", False),
        # Read aloud: each platform's speech engine, not Qt's mock one, nor QtMultimedia's backends.
        ("texttospeech", "libqtexttospeech_speechd.so", True),
        ("texttospeech", "qtexttospeech_sapi.dll", True),
        ("texttospeech", "qtexttospeech_winrt.dll", True),
        ("texttospeech", "libqtexttospeech_speechdarwin.dylib", True),  # the "darwin" engine (AVSpeechSynthesizer)
        ("texttospeech", "libqtexttospeech_mock.so", False),
        ("multimedia", "libffmpegmediaplugin.so", False),
    ],
)
def test_keep_plugin(kind, filename, kept):
    assert qt_slim.keep_plugin(kind, filename) is kept


@pytest.mark.parametrize(
    ("filename", "kept"),
    [("qtbase_fr.qm", True), ("qtbase_en.qm", True), ("qtbase_de.qm", False), ("qtmultimedia_fr.qm", False)],
)
def test_keep_translation(filename, kept):
    assert qt_slim.keep_translation(filename) is kept


def test_kept_translations_are_the_kits_languages():
    from kit.core.model import LANGUAGES

    assert set(qt_slim.KEEP_TRANSLATION_LANGUAGES) == set(LANGUAGES)


def test_slim_filters_what_a_stock_hook_collected():
    base = "PySide6/Qt/plugins"
    hidden, binaries, datas = qt_slim.slim(
        ["PySide6.QtCore", "PySide6.QtNetwork", "PySide6.QtDBus"],
        [
            ("/v/libqxcb.so", f"{base}/platforms"),
            ("/v/libqeglfs.so", f"{base}/platforms"),
            ("/v/libqgtk3.so", f"{base}/platformthemes"),
            ("/v/libqconnman.so", f"{base}/networkinformation"),
            ("/v/libqopensslbackend.so", f"{base}/tls"),
            ("/v/libQt6Gui.so.6", "PySide6/Qt/lib"),
        ],
        [("/v/qtbase_fr.qm", "PySide6/Qt/translations"), ("/v/qtbase_ja.qm", "PySide6/Qt/translations")],
    )
    assert hidden == ["PySide6.QtCore", "PySide6.QtNetwork"]  # the local socket (kit.ui.single_instance)
    assert [b[0] for b in binaries] == ["/v/libqxcb.so", "/v/libQt6Gui.so.6"]
    assert [d[0] for d in datas] == ["/v/qtbase_fr.qm"]


def test_excluded_modules_drop_qml_designer_but_not_what_the_kit_uses():
    excluded = qt_slim.excluded_modules()
    for name in ("QtNetworkAuth", "QtQml", "QtQuick", "QtDesigner", "QtWebEngineCore", "QtSvg", "QtMultimedia"):
        assert f"PySide6.{name}" in excluded
    for name in qt_slim.QT_MODULES_USED:
        assert f"PySide6.{name}" not in excluded
    assert {"PyQt5", "PyQt6", "PySide2", "tkinter", "ssl"} <= set(excluded)


def test_hook_overrides_exist_for_each_qt_module_used():
    for name in qt_slim.QT_MODULES_USED:
        hook = REPO / "installer" / "hooks" / f"hook-PySide6.{name}.py"
        text = hook.read_text(encoding="utf-8")
        assert "slim(*add_qt6_dependencies(__file__))" in text


def test_host_libraries_are_not_bundled_on_linux_only():
    assert not freeze.keep_binary("libfontconfig.so.1", "linux")
    assert not freeze.keep_binary("libfreetype.so.6", "linux")
    assert freeze.keep_binary("libQt6Gui.so.6", "linux")
    assert freeze.keep_binary("libfontconfig.so.1", "darwin")
    # QtTextToSpeech's QtMultimedia links libpulse: the host's, not a copy with libsndfile and its codecs.
    assert not freeze.keep_binary("libpulse.so.0", "linux")
    assert freeze.keep_binary("libQt6Multimedia.so.6", "linux") and freeze.keep_binary("libspeechd.so.2", "linux")


def test_prune_unreferenced_drops_orphaned_dependencies():
    links = {
        "/s/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/s/libQt6Gui.so.6": ["libpng16.so.16", "libc.so.6"],
        "/s/libcupsprintersupport.so": ["libcups.so.2"],  # libcups itself left to the host
        "/s/libpng16.so.16": ["libz.so.1"],
        "/s/libz.so.1": [],
        "/s/libgnutls.so.30": ["libnettle.so.8"],
        "/s/libnettle.so.8": [],
    }
    entries = [
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/s/libcupsprintersupport.so", "BINARY"),
        ("libpng16.so.16", "/s/libpng16.so.16", "BINARY"),
        ("libz.so.1", "/s/libz.so.1", "BINARY"),
        ("libgnutls.so.30", "/s/libgnutls.so.30", "BINARY"),
        ("libnettle.so.8", "/s/libnettle.so.8", "BINARY"),
        ("libpython3.11.so.1.0", "/s/libpython", "BINARY"),
    ]
    kept = [e[0] for e in freeze.prune_unreferenced(entries, lambda src: links.get(src, []))]
    assert "libpng16.so.16" in kept and "libz.so.1" in kept and "libpython3.11.so.1.0" in kept
    assert "libgnutls.so.30" not in kept and "libnettle.so.8" not in kept


# --- the freeze plan -----------------------------------------------------------------------------------


def test_kit_modules_cover_the_package_including_discovered_commands():
    modules = freeze.kit_modules(REPO)
    assert {"kit", "kit.cli", "kit.__main__", "kit.commands", "kit.commands.smoke_test", "kit.core.paths"} <= set(
        modules
    )
    assert not any("__pycache__" in m for m in modules)


def test_dependency_imports_come_from_the_distributions():
    packages = {
        "yaml": ["PyYAML"],
        "_yaml": ["PyYAML"],
        "nh3": ["nh3"],
        "PySide6": ["PySide6_Essentials"],
        "pip": ["pip"],
    }
    assert freeze.dependency_imports(["pyyaml", "nh3", "pyside6-essentials"], packages) == ["nh3", "yaml"]


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_plan_per_platform(tmp_path, platform):
    extras_dir = tmp_path / "extras"
    (extras_dir / "licenses").mkdir(parents=True)
    (extras_dir / "BUILD-INFO.txt").write_text("x")
    plan = freeze.plan(REPO, platform, extras_dir, version_file=tmp_path / "v.txt")
    assert (str(REPO / "resources"), "resources") in plan.datas
    assert (str(extras_dir / "BUILD-INFO.txt"), ".") in plan.datas
    assert (str(extras_dir / "licenses"), "licenses") in plan.datas
    assert "kit.commands.smoke_test" in plan.hiddenimports
    assert "PySide6.QtPrintSupport" in plan.hiddenimports
    assert "PySide6.QtNetwork" not in plan.excludes  # the local socket; its TLS plugins are dropped (qt_slim)
    assert "PySide6.QtQml" in plan.excludes
    assert plan.hookspath == [str(REPO / "installer" / "hooks")]
    assert plan.strip is (platform == "linux")
    if platform == "linux":
        assert plan.icon is None and plan.bundle_name is None and plan.executables == [("kit", True)]
    if platform == "win32":
        assert plan.icon.endswith("kit.ico") and plan.version_file == str(tmp_path / "v.txt")
        assert ("kit", False) in plan.executables and ("kit-cli", True) in plan.executables
    if platform == "darwin":
        assert plan.icon.endswith("kit.icns") and plan.bundle_name == "Classroom Kit.app"
        assert plan.info_plist["CFBundleShortVersionString"] == meta.read_version(REPO)
        assert Path(plan.icon).is_file()


def test_spec_uses_the_plan():
    spec = (REPO / "installer" / "kit.spec").read_text(encoding="utf-8")
    for needle in ("freeze.plan(", "hookspath=plan.hookspath", "excludes=plan.excludes", "BUNDLE(", "COLLECT("):
        assert needle in spec


# --- names and version ---------------------------------------------------------------------------------


def test_read_version_matches_the_package():
    from kit import __version__

    assert meta.read_version(REPO) == __version__


@pytest.mark.parametrize(
    ("platform", "machine", "tag"),
    [
        ("linux", "x86_64", "linux-x86_64"),
        ("linux", "aarch64", "linux-aarch64"),
        ("win32", "AMD64", "windows-x64"),
        ("darwin", "arm64", "macos-arm64"),
    ],
)
def test_artefact_names(platform, machine, tag):
    assert meta.artefact_stem("1.2.3", platform, machine) == f"classroom-kit-1.2.3-{tag}"


# --- Linux ---------------------------------------------------------------------------------------------

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6Gui.so.6 => /b/_internal/libQt6Gui.so.6 (0x00007f01)
\tlibfontconfig.so.1 => /lib/x86_64-linux-gnu/libfontconfig.so.1 (0x00007f02)
\tlibxcb-cursor.so.0 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f03)
"""


def test_parse_ldd():
    resolved, missing = linux.parse_ldd(LDD)
    assert resolved["libfontconfig.so.1"] == "/lib/x86_64-linux-gnu/libfontconfig.so.1"
    assert resolved["ld-linux-x86-64.so.2"] == "/lib64/ld-linux-x86-64.so.2"
    assert missing == ["libxcb-cursor.so.0"]


def test_system_libraries_keep_direct_host_links_and_report_missing(tmp_path):
    bundle = tmp_path / "kit bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "kit").write_bytes(b"\x7fELF fake")
    (bundle / "_internal" / "libQt6Gui.so.6").write_bytes(b"\x7fELF fake")
    (bundle / "_internal" / "notes.txt").write_text("not an ELF")
    lib = str(bundle / "_internal" / "libQt6Gui.so.6")

    def ldd(command):
        return f"\tlibQt6Gui.so.6 => {lib} (0x1)\n\tlibc.so.6 => /lib/libc.so.6 (0x2)\n\tlibm.so.6 => /lib/libm.so.6 (0x3)\n\tlibgone.so.1 => not found\n"

    host, missing = linux.system_libraries(bundle, ldd, lambda path: ["libQt6Gui.so.6", "libc.so.6"])
    assert host == {"libc.so.6": "/lib/libc.so.6"}  # libm is only a transitive need
    assert sorted(missing["libgone.so.1"]) == ["_internal/libQt6Gui.so.6", "kit"]


def test_parse_dpkg_search():
    output = "diversion by x from: /lib/y\nlibc6:amd64: /lib/x86_64-linux-gnu/libc.so.6\nlibgl1:amd64, libgl1:i386: /usr/lib/libGL.so.1\n"
    assert linux.parse_dpkg_search(output) == ["libc6", "libgl1", "libgl1"]


def test_depends_tries_usrmerge_paths_and_refuses_unowned():
    owners = {
        "/usr/lib/x86_64-linux-gnu/libfontconfig.so.1": "libfontconfig1:amd64: /usr/lib/x86_64-linux-gnu/libfontconfig.so.1\n"
    }
    host = {"libfontconfig.so.1": "/lib/x86_64-linux-gnu/libfontconfig.so.1"}
    assert linux.depends(host, lambda path: owners.get(path, "")) == ["libfontconfig1"]
    with pytest.raises(LookupError, match="libmystery"):
        linux.depends({"libmystery.so.1": "/opt/x/libmystery.so.1"}, lambda path: "")


def test_control_file_fields():
    text = linux.control("0.1.0", "amd64", ["libc6", "libfontconfig1"], 123456)
    fields = dict(line.split(": ", 1) for line in text.splitlines() if line and not line.startswith(" "))
    assert fields["Package"] == "classroom-kit" and fields["Architecture"] == "amd64"
    assert fields["Installed-Size"] == "123456"
    assert fields["Depends"].startswith("libc6, libfontconfig1, fonts-dejavu-core | ")
    assert fields["Recommends"] == "speech-dispatcher, speech-dispatcher-espeak-ng"  # read aloud's voice
    assert text.endswith("\n")


def test_desktop_entry_quotes_paths_with_spaces():
    template = (REPO / "installer" / "files" / "linux" / "classroom-kit.desktop.in").read_text(encoding="utf-8")
    plain = linux.desktop_entry(template, "kit", "classroom-kit")
    assert "Exec=kit gui %f\n" in plain and "Icon=classroom-kit\n" in plain and "$" not in plain
    assert 'Exec="/home/a teacher/kit/kit" gui %f' in linux.desktop_entry(template, "/home/a teacher/kit/kit", "i")


def test_deb_link_is_relative_so_it_works_in_any_root(tmp_path):
    layout = linux.deb_layout("0.1.0")
    link = tmp_path / layout["link"]
    link.parent.mkdir(parents=True)
    link.symlink_to(layout["link_target"])
    assert link.resolve() == (tmp_path / layout["bundle"] / "kit").resolve()
    assert layout["bundle"] == "opt/classroom-kit"


def test_make_tarball_has_one_root_owned_top_folder(tmp_path):
    folder = tmp_path / "classroom-kit-1-linux-x86_64"
    (folder / "_internal").mkdir(parents=True)
    (folder / "kit").write_text("#!")
    (folder / "kit").chmod(0o700)
    (folder / "_internal" / "data.txt").write_text("x")
    out = linux.make_tarball(folder, tmp_path / "out.tar.gz")
    with tarfile.open(out) as archive:
        members = {m.name: m for m in archive.getmembers()}
    assert {n.split("/")[0] for n in members} == {folder.name}
    assert all(m.uid == 0 and m.uname == "root" for m in members.values())
    assert members[f"{folder.name}/kit"].mode == 0o755
    assert members[f"{folder.name}/_internal/data.txt"].mode == 0o644


def test_deb_command_sets_root_ownership():
    assert linux.deb_command(Path("r"), Path("o.deb"))[:2] == ["dpkg-deb", "--root-owner-group"]


# --- Windows -------------------------------------------------------------------------------------------


def test_inno_script_is_a_per_user_install_with_start_menu_and_uninstaller():
    template = (REPO / "installer" / "files" / "windows" / "kit.iss.in").read_text(encoding="utf-8")
    text = windows.inno_script(
        template, version="1.2.3", bundle_dir="C:/b/dist/kit", icon="C:/r/kit.ico", license_file="C:/b/L.txt",
        output_dir="C:/b", output_name="classroom-kit-1.2.3-windows-x64-setup",
    )  # fmt: skip
    assert "PrivilegesRequired=lowest" in text
    assert "DefaultDirName={userpf}\\Classroom Kit" in text
    assert 'Name: "{userprograms}\\Classroom Kit"; Filename: "{app}\\kit.exe"' in text
    assert "{uninstallexe}" in text and "UninstallDisplayIcon={app}\\kit.exe" in text
    assert 'Source: "C:\\b\\dist\\kit\\*"' in text
    assert "AppVersion=1.2.3" in text and "VersionInfoVersion=1.2.3.0" in text
    assert "AppId={{6C3E0F57" in text
    assert "${" not in text


@pytest.mark.parametrize(
    ("version", "quad"), [("0.1.0", (0, 1, 0, 0)), ("1.2.0rc1", (1, 2, 0, 0)), ("3", (3, 0, 0, 0))]
)
def test_version_quad(version, quad):
    assert windows.version_quad(version) == quad


def test_version_resource_is_a_python_literal_pyinstaller_can_read():
    text = windows.version_resource("1.2.3")
    assert "filevers=(1, 2, 3, 0)" in text and "'ProductName', 'Classroom Kit'" in text
    compile(text, "version-info.txt", "eval")


def test_find_iscc_in_the_default_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(windows.shutil, "which", lambda name: None)
    iscc = tmp_path / "Programs" / "Inno Setup 6" / "ISCC.exe"
    iscc.parent.mkdir(parents=True)
    iscc.write_text("")
    assert windows.find_iscc({"LOCALAPPDATA": str(tmp_path)}) == str(iscc)
    assert windows.find_iscc({}) is None


# --- macOS ---------------------------------------------------------------------------------------------


def test_macos_commands():
    app = Path("dist/Classroom Kit.app")
    sign = macos.codesign_command(app, "Developer ID Application: School (X)", Path("e.plist"))
    assert sign[0] == "codesign" and "runtime" in sign and sign[-1] == str(app)
    make = macos.dmg_commands(app, Path("stage"), Path("k.dmg"), "1.0")
    assert make[-1][:2] == ["hdiutil", "create"] and "UDZO" in make[-1]
    assert ["ln", "-s", "/Applications", str(Path("stage") / "Applications")] in make
    notarise = macos.notarise_commands(Path("k.dmg"), "kit-notary")
    assert notarise[0][:3] == ["xcrun", "notarytool", "submit"] and notarise[1][:2] == ["xcrun", "stapler"]
    assert (REPO / "installer" / "files" / "macos" / "entitlements.plist").is_file()


# --- extras --------------------------------------------------------------------------------------------


def _dist_info(site: Path, name: str, version: str, licence_file: str | None, licence: str = "MIT") -> Path:
    info = site / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nLicense: {licence}\n")
    if licence_file:
        (info / "licenses").mkdir()
        (info / "licenses" / licence_file).write_text(f"{name} licence text")
    return info


def test_collect_licences(tmp_path):
    site = tmp_path / "site"
    _dist_info(site, "nh3", "0.3", "LICENSE")
    _dist_info(site, "PySide6_Essentials", "6.12", None, "LGPL-3.0-only")
    fallback = tmp_path / "fallback"
    fallback.mkdir()
    (fallback / "LGPL-3.0.txt").write_text("LGPL")
    python_licence = tmp_path / "LICENSE.txt"
    python_licence.write_text("PSF")
    out = tmp_path / "out"
    infos = extras.find_dist_infos(site)
    text = extras.collect_licences(infos, ["nh3", "pyside6-essentials"], out, {"python": python_licence}, fallback)
    assert (out / "licenses" / "nh3" / "LICENSE").read_text() == "nh3 licence text"
    assert (out / "licenses" / "pyside6-essentials" / "LGPL-3.0.txt").read_text() == "LGPL"
    assert (out / "licenses" / "python" / "LICENSE.txt").is_file()
    assert "nh3 0.3\n  License: MIT" in text and "LGPL-3.0-only" in text
    assert (out / "THIRD-PARTY-LICENSES.txt").read_text() == text


def test_collect_licences_refuses_a_bundle_without_licence_text(tmp_path):
    site = tmp_path / "site"
    _dist_info(site, "mystery", "1", None)
    infos = extras.find_dist_infos(site)
    with pytest.raises(FileNotFoundError, match="mystery ships no licence"):
        extras.collect_licences(infos, ["mystery"], tmp_path / "out", {})
    with pytest.raises(FileNotFoundError, match=r"no \.dist-info"):
        extras.collect_licences(infos, ["absent"], tmp_path / "out", {})


def test_prebuilt_index_only_when_the_tree_has_search(tmp_path):
    core = tmp_path / "kit" / "core"
    core.mkdir(parents=True)
    assert not extras.search_available(tmp_path)
    (core / "search.py").write_text("")
    assert extras.search_available(tmp_path)
    command = extras.index_command(Path("py"), Path("res"), Path("idx"))
    assert command[0] == "py" and "SearchIndex.open" in command[2] and command[-2:] == ["res", "idx"]


def test_make_extras_builds_the_index_only_when_search_exists(tmp_path, monkeypatch):
    """Faked venv: the prebuilt-index step runs exactly when kit.core.search is in the tree."""
    site = tmp_path / "site"
    _dist_info(site, "pyinstaller", "6", "COPYING.txt")
    _dist_info(site, "nh3", "0.3", "LICENSE")
    base = tmp_path / "base"
    (base / "lib" / "python3.11").mkdir(parents=True)
    (base / "lib" / "python3.11" / "LICENSE.txt").write_text("PSF")
    answers = {"purelib": str(site), "base_prefix": str(base), "PySide6": "6.12.0", "python_version": "3.11.7"}
    monkeypatch.setattr(
        build_installer, "venv_output", lambda python, code: next(v for k, v in answers.items() if k in code)
    )
    commands = []
    monkeypatch.setattr(build_installer, "run", lambda command, **kw: commands.append(command))
    for has_search in (False, True):
        commands.clear()
        monkeypatch.setattr(extras, "search_available", lambda repo, has_search=has_search: has_search)
        folder = build_installer.make_extras(Path("py"), ["nh3", "pyinstaller"], tmp_path / "out", "0.1.0")
        assert (folder / "THIRD-PARTY-LICENSES.txt").is_file()
        assert "Classroom Kit 0.1.0" in (folder / "BUILD-INFO.txt").read_text()
        assert (folder / "licenses" / "classroom-kit" / "GPL-3.0.txt").is_file()
        assert len(commands) == int(has_search)
        if has_search:
            assert commands[0][-1] == str(folder / "index")


# --- artefact smoke tests ------------------------------------------------------------------------------


def test_scrubbed_env_and_command():
    env = smoke.scrubbed_env(Path("/tmp/h"))
    assert set(env) == {"PATH", "HOME", "QT_QPA_PLATFORM", "LANG"} and env["QT_QPA_PLATFORM"] == "offscreen"
    command = smoke.smoke_command(Path("/a b/kit"), env)
    assert command[:2] == ["env", "-i"] and command[-2:] == ["/a b/kit", "--smoke-test"]
    assert smoke.smoke_command(Path("k"), env, as_user=65534)[0] == "setpriv"


def test_run_smoke_runs_writable_then_read_only_from_elsewhere(tmp_path):
    install = tmp_path / "with space" / "kit"
    install.mkdir(parents=True)
    (install / "kit").write_text("")
    seen = []

    def fake_run(command, cwd, **kwargs):
        writable = bool((install / "kit").stat().st_mode & stat.S_IWUSR)
        seen.append((Path(cwd), writable, command))
        return subprocess.CompletedProcess(command, 0, "smoke test passed", "")

    results = smoke.run_smoke("t", install / "kit", install, tmp_path / "work here", fake_run)
    assert [r.ok for r in results] == [True, True]
    assert [s[1] for s in seen] == [True, False]  # the second run sees a read-only install
    assert all(not cwd.is_relative_to(install) for cwd, _, _ in seen)
    assert (install / "kit").stat().st_mode & stat.S_IWUSR  # made writable again afterwards


def test_run_smoke_fails_when_the_app_writes_into_its_folder(tmp_path):
    install = tmp_path / "kit"
    install.mkdir()

    def writes(command, cwd, **kwargs):
        with contextlib.suppress(PermissionError):
            (install / "cache.db").write_text("oops")
        return subprocess.CompletedProcess(command, 0, "", "")

    results = smoke.run_smoke("t", install / "kit", install, tmp_path / "work", writes)
    assert not results[0].ok and "wrote into the install folder" in results[0].output


def test_unpack_tarball_wants_one_top_folder(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    archive = tmp_path / "x.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(tmp_path / "a", arcname="a")
        tar.add(tmp_path / "b", arcname="b")
    with pytest.raises(ValueError, match="one top folder"):
        smoke.unpack_tarball(archive, tmp_path / "out")


# --- the command line ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "files"),
    [
        ("win32", ["kit.iss", "version-info.txt"]),
        ("darwin", ["Info.plist.json", "dmg-commands.txt"]),
        ("linux", ["classroom-kit.desktop", "control"]),
    ],
)
def test_generate_writes_each_platforms_scripts(tmp_path, capsys, platform, files):
    assert build_installer.main(["--out", str(tmp_path), "generate", "--platform", platform]) == 0
    for name in files:
        assert (tmp_path / name).is_file(), name
        assert "${" not in (tmp_path / name).read_text(encoding="utf-8")


def test_generate_defaults_to_the_faked_platform(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    args = build_installer.build_parser().parse_args(["--out", str(tmp_path), "generate"])
    assert args.platform == "win32"


def test_build_error_is_one_line(monkeypatch, capsys):
    def refuse(args):
        raise build_installer.BuildError("refusing to build: the build venv has PyQt5")

    monkeypatch.setattr(build_installer, "cmd_build", refuse)
    parser = build_installer.build_parser()
    monkeypatch.setattr(build_installer, "build_parser", lambda: parser)
    parser.set_defaults(func=refuse)
    assert build_installer.main([]) == 1
    assert capsys.readouterr().err == "build_installer: refusing to build: the build venv has PyQt5\n"


def test_runtime_hook_overrides_are_registered():
    """installer/hooks/rthooks.dat replaces PyInstaller's PySide6 and inspect run-time hooks (start-up time)."""
    import ast

    hooks = REPO / "installer" / "hooks"
    registered = ast.literal_eval((hooks / "rthooks.dat").read_text(encoding="utf-8"))
    assert set(registered) == {"PySide6", "inspect"}
    for files in registered.values():
        for name in files:
            compile((hooks / "rthooks" / name).read_text(encoding="utf-8"), name, "exec")
    assert "create_embedded_qt_conf" in (hooks / "rthooks" / registered["PySide6"][0]).read_text(encoding="utf-8")


# --- the real build (slow) -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory, request):
    """Freeze, package and smoke-test for real, once for the slow tests (2-3 minutes with a reused venv)."""
    if "slow" not in (request.config.getoption("-m") or ""):
        pytest.skip("the real build runs with -m slow")
    if not sys.platform.startswith("linux"):
        pytest.skip("builds the Linux artefacts")
    out = tmp_path_factory.mktemp("build") / "out dir"
    result = subprocess.run(
        [sys.executable, str(REPO / "build_installer.py"), "--out", str(out), "build", "--reuse-venv"],
        capture_output=True, text=True, timeout=1800, cwd=out.parent,
    )  # fmt: skip
    return out, result


@pytest.mark.slow
def test_real_build_produces_smoke_tested_linux_artefacts(built):
    out, result = built
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert result.stdout.count("smoke ok") == 4
    tarball = next(out.glob("classroom-kit-*-linux-*.tar.gz"))
    assert tarball.stat().st_size <= 50 * 2**20
    deb = next(out.glob("classroom-kit_*.deb"))
    fields = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "libfontconfig1" in fields and "Package: classroom-kit" in fields


@pytest.mark.slow
def test_real_bundle_with_a_missing_library_or_font_fails_its_smoke_test(built, tmp_path):
    """Break a built bundle the ways an incomplete freeze or a bare machine would: each is caught."""
    out, _ = built
    tarball = next(out.glob("classroom-kit-*-linux-*.tar.gz"))
    env = smoke.scrubbed_env(tmp_path)

    def smoke_run(root, **extra):
        command = ["env", "-i", *(f"{k}={v}" for k, v in {**env, **extra}.items()), str(root / "kit"), "--smoke-test"]
        return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=300)

    root = smoke.unpack_tarball(tarball, tmp_path / "unpacked copy")
    assert smoke_run(root).returncode == 0
    (root / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6PrintSupport.so.6").unlink()
    broken = smoke_run(root)
    assert broken.returncode == 1 and "FAILED   print support" in broken.stdout
    assert "libQt6PrintSupport" in broken.stdout
    fonts = tmp_path / "fonts.conf"
    fonts.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n')
    fresh = smoke.unpack_tarball(tarball, tmp_path / "fresh copy")
    no_fonts = smoke_run(fresh, FONTCONFIG_FILE=str(fonts))
    assert no_fonts.returncode == 1 and "FAILED   fonts" in no_fonts.stdout
