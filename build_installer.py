#!/usr/bin/env python3
"""Build Classroom Kit's installers: freeze with PyInstaller (one folder) from a clean build venv, then
package for this platform (Linux .tar.gz + .deb, Windows Inno Setup .exe, macOS .app + .dmg).

    python build_installer.py                  build and smoke-test this platform's installers
    python build_installer.py smoke FILE...    smoke-test built .tar.gz / .deb files
    python build_installer.py generate --platform win32|darwin|linux   write the generated scripts only
    python build_installer.py icon             re-render installer/icons/ from kit.svg

The logic is in small pure functions in installer/ (tested in tests/test_build_installer.py by faking
the platform); this file runs them in order.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform as platform_module
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installer import extras, file_type, linux, macos, meta, smoke, venv, windows

REPO = Path(__file__).resolve().parent
INSTALLER = REPO / "installer"
ICONS = INSTALLER / "icons"
FILES = INSTALLER / "files"  # templates and platform files, by platform


class BuildError(Exception):
    """A build that must stop, with one line saying why."""


def steps(
    platform: str | None = None, *, smoke_test: bool = True, codesign: bool = False, notarise: bool = False
) -> list[str]:
    """The build's steps for a platform (default: this one), in order."""
    platform = sys.platform if platform is None else platform
    common = ["venv", "check-venv", "extras", "freeze"]
    if platform.startswith("linux"):
        return common + ["tarball", "deb"] + (["smoke"] if smoke_test else [])
    if platform == "win32":
        return [*common, "inno-script", "inno-compile"]
    if platform == "darwin":
        return common + (["codesign"] if codesign else []) + ["dmg"] + (["notarise"] if notarise else [])
    raise BuildError(f"no installer for platform {platform!r}")


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(command if len(command) < 12 else [*command[:11], "…"]), flush=True)
    return subprocess.run(command, check=True, **kwargs)


def venv_output(python: Path, code: str) -> str:
    return subprocess.run([str(python), "-I", "-c", code], check=True, capture_output=True, text=True).stdout.strip()


# --- steps -------------------------------------------------------------------------------------------


def make_venv(venv_dir: Path, reuse: bool) -> Path:
    python = venv.venv_python(venv_dir, sys.platform)
    if not (reuse and python.exists()):
        run([sys.executable, "-m", "venv", "--clear", str(venv_dir)])
        requirements = venv.requirements((REPO / "pyproject.toml").read_text(encoding="utf-8"))
        run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *requirements])
    return python


def check_venv(python: Path) -> list[str]:
    listed = venv_output(python, "import importlib.metadata as m, json; print(json.dumps([d.metadata['Name'] "
                                 "for d in m.distributions()]))")  # fmt: skip
    installed = json.loads(listed)
    problems = venv.qt_problems(installed)
    if problems:
        raise BuildError("refusing to build: " + "; ".join(problems))
    return installed


def make_extras(python: Path, installed: list[str], out: Path, version: str) -> Path:
    """Licences, build information and (when the tree has search) the prebuilt index, for the spec."""
    folder = out / "extras"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    site = Path(venv_output(python, "import sysconfig; print(sysconfig.get_paths()['purelib'])"))
    base = Path(venv_output(python, "import sys; print(sys.base_prefix)"))
    infos = extras.find_dist_infos(site)
    own = {
        "python": next(p for p in (base / "LICENSE.txt", *base.glob("lib/python3*/LICENSE.txt")) if p.is_file()),
        "pyinstaller-bootloader": next(iter(extras.licence_files(infos["pyinstaller"]))),
        meta.PACKAGE: INSTALLER / "licenses" / "GPL-3.0.txt",
    }
    extras.collect_licences(infos, venv.bundled_distributions(installed), folder, own, INSTALLER / "licenses")
    qt = venv_output(python, "import PySide6; print(PySide6.__version__)")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    (folder / "BUILD-INFO.txt").write_text(
        extras.build_info(
            version,
            commit.stdout.strip() or "unknown",
            meta.platform_tag(sys.platform, platform_module.machine()),
            venv_output(python, "import platform; print(platform.python_version())"),
            qt,
            datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        ),
        encoding="utf-8",
    )
    if extras.search_available(REPO):
        env = {**os.environ, "PYTHONPATH": str(REPO), "KIT_CACHE_DIR": str(out / "index-cache")}
        run(extras.index_command(python, REPO / "resources", folder / "index"), env=env)
    else:
        print("extras: kit.core.search is not in this tree; no prebuilt index")
    return folder


def freeze(python: Path, out: Path, extras_dir: Path, version: str) -> Path:
    env = {
        **os.environ,
        "KIT_FREEZE_EXTRAS": str(extras_dir),
        "KIT_FREEZE_RUNTIME_DISTS": json.dumps(
            venv.runtime_distributions((REPO / "pyproject.toml").read_text(encoding="utf-8"))
        ),
    }
    if sys.platform == "win32":
        version_file = out / "version-info.txt"
        version_file.write_text(windows.version_resource(version), encoding="utf-8")
        env["KIT_FREEZE_VERSION_FILE"] = str(version_file)
    dist, work = out / "dist", out / "work"
    shutil.rmtree(dist, ignore_errors=True)
    run(
        [str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(INSTALLER / "kit.spec")],
        env=env,
    )  # fmt: skip
    return dist / meta.BUNDLE_DIR


def linux_host_libraries(bundle: Path) -> dict[str, str]:
    """Host libraries the bundle needs; refuses to package a bundle with unresolved libraries."""
    internal = bundle / "_internal"
    library_path = os.pathsep.join(str(p) for p in (internal, internal / "PySide6" / "Qt" / "lib"))
    env = {**os.environ, "LD_LIBRARY_PATH": library_path}

    def ldd(command: list[str]) -> str:
        return subprocess.run(command, capture_output=True, text=True, env=env, check=False).stdout

    from installer.freeze import elf_needed

    host, missing = linux.system_libraries(bundle, ldd, elf_needed)
    if missing:
        detail = "; ".join(f"{name} (for {', '.join(users[:2])})" for name, users in sorted(missing.items()))
        raise BuildError(f"libraries not found on this build machine, install them first: {detail}")
    return host


def make_tarball(bundle: Path, out: Path, stem: str) -> Path:
    """The portable folder: the bundle plus the desktop file and icon, as `<stem>/`."""
    staging = out / "tarball" / stem
    shutil.rmtree(staging.parent, ignore_errors=True)
    shutil.copytree(bundle, staging, symlinks=True)
    shutil.copy2(ICONS / "kit-256.png", staging / f"{meta.PACKAGE}.png")
    template = (FILES / "linux" / f"{meta.PACKAGE}.desktop.in").read_text(encoding="utf-8")
    # A portable folder cannot know where it lands; the file documents the fields to edit.
    (staging / linux.DESKTOP_NAME).write_text(
        linux.desktop_entry(template, f"/path/to/{stem}/{meta.EXECUTABLE}", f"/path/to/{stem}/{meta.PACKAGE}.png"),
        encoding="utf-8",
    )
    # The .kitpack type and the script that registers the folder for its user (menu entry, double-clicked packs).
    (staging / file_type.mime_package_name()).write_text(file_type.shared_mime_info_xml(), encoding="utf-8")
    shutil.copy2(FILES / "linux" / linux.USER_INSTALL_SCRIPT, staging / linux.USER_INSTALL_SCRIPT)
    return linux.make_tarball(staging, out / f"{stem}.tar.gz")


def make_deb(bundle: Path, out: Path, stem: str, version: str) -> Path:
    layout = linux.deb_layout(version)
    root = out / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / layout["bundle"], symlinks=True)
    link = root / layout["link"]
    link.parent.mkdir(parents=True)
    link.symlink_to(layout["link_target"])
    template = (FILES / "linux" / f"{meta.PACKAGE}.desktop.in").read_text(encoding="utf-8")
    desktop = root / layout["desktop"]
    desktop.parent.mkdir(parents=True)
    desktop.write_text(linux.desktop_entry(template, meta.EXECUTABLE, meta.PACKAGE), encoding="utf-8")
    icon = root / layout["icon"]
    icon.parent.mkdir(parents=True)
    shutil.copy2(ICONS / "kit-256.png", icon)
    mime = root / layout["mime"]
    mime.parent.mkdir(parents=True)
    mime.write_text(file_type.shared_mime_info_xml(), encoding="utf-8")
    doc = root / layout["doc"]
    doc.mkdir(parents=True)
    shutil.copy2(bundle / "_internal" / "THIRD-PARTY-LICENSES.txt", doc / "copyright")
    depends = linux.depends(linux_host_libraries(bundle), lambda path: linux.run_text(["dpkg", "-S", path]))
    architecture = linux.run_text(["dpkg", "--print-architecture"]).strip()
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        linux.control(version, architecture, depends, linux.tree_size_kib(root)), encoding="utf-8"
    )
    deb = out / f"{meta.PACKAGE}_{version}_{architecture}.deb"
    run(linux.deb_command(root, deb), stdout=subprocess.DEVNULL)
    return deb


def smoke_artefacts(paths: list[Path]) -> list[smoke.SmokeResult]:
    """Unpack each artefact under a path with spaces and run `kit --smoke-test` as smoke.run_smoke does."""
    results = []
    with tempfile.TemporaryDirectory(prefix="kit smoke ") as folder:
        base = Path(folder)
        for path in paths:
            work = base / f"work for {path.name}"
            if path.name.endswith(".tar.gz"):
                root = smoke.unpack_tarball(path, base / "unpacked here" / path.name)
                executable = root / meta.EXECUTABLE
            elif path.suffix == ".deb":
                root = smoke.unpack_deb(path, base / "deb root" / path.name)
                executable = root / linux.deb_layout("")["link"]  # through /usr/bin/kit, as installed
            else:
                raise BuildError(f"cannot smoke-test {path.name}: not a .tar.gz or .deb")
            results += smoke.run_smoke(path.name, executable, root, work, subprocess.run)
    return results


def report_smoke(results: list[smoke.SmokeResult]) -> None:
    for result in results:
        print(f"smoke {'ok    ' if result.ok else 'FAILED'} {result.label}")
        if not result.ok:
            print("   " + result.output.strip().replace("\n", "\n   "))
    if not all(r.ok for r in results):
        raise BuildError("smoke test failed: " + ", ".join(r.label for r in results if not r.ok))


def write_inno_script(bundle: Path, out: Path, stem: str, version: str) -> Path:
    script = out / "kit.iss"
    template = (FILES / "windows" / "kit.iss.in").read_text(encoding="utf-8")
    script.write_text(
        windows.inno_script(
            template,
            version=version,
            bundle_dir=str(bundle),
            icon=str(ICONS / "kit.ico"),
            license_file=str(bundle / "_internal" / "THIRD-PARTY-LICENSES.txt"),
            output_dir=str(out),
            output_name=f"{stem}-setup",
        ),
        encoding="utf-8",
    )
    return script


def measure(bundle: Path, artefacts: list[Path], seconds: float) -> dict[str, str]:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    figures = {
        "build time": f"{seconds:.0f} s",
        "unpacked": f"{sum(p.stat().st_size for p in files) / 2**20:.1f} MiB",
        "files": str(len(files)),
    }
    figures.update({a.name: f"{a.stat().st_size / 2**20:.1f} MiB" for a in artefacts if a.exists()})
    return figures


# --- commands ----------------------------------------------------------------------------------------


def cmd_build(args: argparse.Namespace) -> int:
    started = time.monotonic()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    version = meta.read_version(REPO)
    stem = meta.artefact_stem(version, sys.platform, platform_module.machine())
    plan = steps(smoke_test=not args.no_smoke, codesign=bool(args.codesign_identity),
                 notarise=bool(args.notary_profile))  # fmt: skip
    print(f"building {stem}: {', '.join(plan)}")
    python = make_venv(args.venv.resolve(), args.reuse_venv)
    installed = check_venv(python)
    bundle = freeze(python, out, make_extras(python, installed, out, version), version)
    artefacts: list[Path] = []
    if "tarball" in plan:
        artefacts += [make_tarball(bundle, out, stem), make_deb(bundle, out, stem, version)]
    if "inno-script" in plan:
        script = write_inno_script(bundle, out, stem, version)
        iscc = windows.find_iscc(dict(os.environ))
        if iscc is None:
            raise BuildError(f"Inno Setup 6 not found (ISCC.exe); install it, or compile {script} by hand")
        run(windows.iscc_command(iscc, script))
        artefacts.append(out / f"{stem}-setup.exe")
    if "dmg" in plan:
        app = macos.app_path(bundle.parent)
        if args.codesign_identity:
            run(macos.codesign_command(app, args.codesign_identity, FILES / "macos" / "entitlements.plist"))
        dmg = out / f"{stem}.dmg"
        with tempfile.TemporaryDirectory() as staging:
            for command in macos.dmg_commands(app, Path(staging), dmg, version):
                run(command)
        if args.notary_profile:
            for command in macos.notarise_commands(dmg, args.notary_profile):
                run(command)
        artefacts.append(dmg)
    if "smoke" in plan:
        report_smoke(smoke_artefacts(artefacts))
    for name, value in measure(bundle, artefacts, time.monotonic() - started).items():
        print(f"{name:>40}: {value}")
    return 0


def cmd_smoke(args: argparse.Namespace) -> int:
    report_smoke(smoke_artefacts([p.resolve() for p in args.artefacts]))
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    """Write the scripts a platform's build generates, without freezing (to read or review them)."""
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    version = meta.read_version(REPO)
    bundle = out / "dist" / meta.BUNDLE_DIR
    written = []
    if args.platform == "win32":
        stem = meta.artefact_stem(version, "win32", "AMD64")
        written.append(write_inno_script(bundle, out, stem, version))
        (out / "version-info.txt").write_text(windows.version_resource(version), encoding="utf-8")
        written.append(out / "version-info.txt")
    elif args.platform == "darwin":
        from installer.freeze import info_plist

        (out / "Info.plist.json").write_text(json.dumps(info_plist(version), indent=2), encoding="utf-8")
        written.append(out / "Info.plist.json")
        commands = macos.dmg_commands(macos.app_path(bundle.parent), out / "dmg", out / "kit.dmg", version)
        (out / "dmg-commands.txt").write_text("\n".join(" ".join(c) for c in commands) + "\n", encoding="utf-8")
        written.append(out / "dmg-commands.txt")
    else:
        template = (FILES / "linux" / f"{meta.PACKAGE}.desktop.in").read_text(encoding="utf-8")
        (out / linux.DESKTOP_NAME).write_text(linux.desktop_entry(template, meta.EXECUTABLE, meta.PACKAGE))
        (out / "control").write_text(linux.control(version, "amd64", ["libc6"], 0), encoding="utf-8")
        (out / file_type.mime_package_name()).write_text(file_type.shared_mime_info_xml(), encoding="utf-8")
        written += [out / linux.DESKTOP_NAME, out / "control", out / file_type.mime_package_name()]
    for path in written:
        print(path)
    return 0


def cmd_icon(args: argparse.Namespace) -> int:
    from installer.icon import render_icons

    for path in render_icons(ICONS / "kit.svg", ICONS):
        print(path)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=REPO / "build" / "installer", help="output folder")
    parser.set_defaults(func=cmd_build, venv=REPO / "build" / "venv", reuse_venv=False, no_smoke=False,
                        codesign_identity=None, notary_profile=None)  # fmt: skip
    commands = parser.add_subparsers(metavar="COMMAND")
    build = commands.add_parser("build", help="freeze, package and (on Linux) smoke-test (the default)")
    build.add_argument("--venv", type=Path, default=REPO / "build" / "venv", help="the clean build venv")
    build.add_argument("--reuse-venv", action="store_true", help="keep an existing build venv (faster rebuilds)")
    build.add_argument("--no-smoke", action="store_true", help="skip the smoke test of the Linux artefacts")
    build.add_argument("--codesign-identity", metavar="ID", help="macOS: sign the .app with this identity")
    build.add_argument("--notary-profile", metavar="NAME", help="macOS: notarise with this notarytool profile")
    build.set_defaults(func=cmd_build)
    check = commands.add_parser("smoke", help="smoke-test built .tar.gz / .deb files")
    check.add_argument("artefacts", nargs="+", type=Path, metavar="FILE")
    check.set_defaults(func=cmd_smoke)
    generate = commands.add_parser("generate", help="write the generated installer scripts for a platform")
    generate.add_argument("--platform", choices=("linux", "win32", "darwin"), default=sys.platform)
    generate.set_defaults(func=cmd_generate)
    icon = commands.add_parser("icon", help="render installer/icons/kit.svg to PNG, ICO and ICNS (needs PySide6)")
    icon.set_defaults(func=cmd_icon)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BuildError as exc:
        print(f"build_installer: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(
            f"build_installer: command failed ({exc.returncode}): {' '.join(map(str, exc.cmd))[:300]}", file=sys.stderr
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
