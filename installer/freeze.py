"""What PyInstaller collects, planned as plain data: installer/kit.spec calls `plan()` and nothing else.

Kept generic on purpose: every module under kit/ is a hidden import (commands are imported by name
from the table in kit/cli.py, which analysis cannot follow), every data file under kit/ and resources/ is
collected, and each runtime dependency's top-level modules are hidden imports too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from installer import file_type, meta, qt_slim


@dataclass(frozen=True)
class FreezePlan:
    script: Path
    pathex: list[str]
    datas: list[tuple[str, str]]
    hiddenimports: list[str]
    excludes: list[str]
    hookspath: list[str]
    executables: list[tuple[str, bool]]
    strip: bool
    icon: str | None
    version_file: str | None
    bundle_name: str | None  # macOS .app name
    # Modules as .pyc files beside the bundle rather than in the compressed PYZ archive: measured here, the
    # frozen `kit list` then starts as fast as the venv's (83 ms CPU each) instead of ~12% slower.
    noarchive: bool = True
    info_plist: dict = field(default_factory=dict)


def kit_modules(repo: Path) -> list[str]:
    """Every importable module of the kit package, from the source tree (nothing is imported)."""
    names = []
    for path in sorted((repo / "kit").rglob("*.py")):
        parts = list(path.relative_to(repo).with_suffix("").parts)
        if "__pycache__" in parts:
            continue
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def kit_datas(repo: Path) -> list[tuple[str, str]]:
    """Non-Python files inside kit/ (styles, icons, py.typed...), at the same place in the bundle."""
    found = []
    for path in sorted((repo / "kit").rglob("*")):
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts:
            found.append((str(path), str(path.parent.relative_to(repo))))
    return found


def dependency_imports(distributions: Iterable[str], packages: Mapping[str, list[str]]) -> list[str]:
    """Top-level modules of the given distributions (`packages` is importlib.metadata.packages_distributions())."""
    from installer.venv import normalise

    wanted = {normalise(d) for d in distributions}
    modules = {
        module
        for module, dists in packages.items()
        if any(normalise(d) in wanted for d in dists) and not module.startswith("_") and module.isidentifier()
    }
    # PySide6 is reached through kit.ui; its Qt modules are chosen by qt_slim, not wholesale here.
    return sorted(m for m in modules if m not in ("PySide6", "shiboken6"))


def info_plist(version: str) -> dict:
    return {
        "CFBundleName": meta.APP_NAME,
        "CFBundleDisplayName": meta.APP_NAME,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHighResolutionCapable": True,
        "LSMinimumSystemVersion": "12.0",
        "LSApplicationCategoryType": "public.app-category.education",
        "NSHumanReadableCopyright": f"{meta.APP_NAME} developers, {meta.LICENSE}",
        # A double-clicked .kitpack: Finder sends an open-document event (kit.ui.single_instance.file_open).
        **file_type.mac_document_types(),
    }


def plan(
    repo: Path,
    platform: str,
    extras_dir: Path | None,
    runtime_dists: Iterable[str] = (),
    packages: Mapping[str, list[str]] | None = None,
    version_file: Path | None = None,
) -> FreezePlan:
    installer = repo / "installer"
    datas = [(str(repo / "resources"), "resources"), *kit_datas(repo)]
    if extras_dir is not None and extras_dir.is_dir():
        extras_dir = extras_dir.resolve()
        datas += [(str(p), ".") if p.is_file() else (str(p), p.name) for p in sorted(extras_dir.iterdir())]
    # The Qt modules the kit uses, whether or not the tree imports them yet (printing is built in parallel).
    qt = [f"PySide6.{name}" for name in qt_slim.QT_MODULES_USED]
    hidden = kit_modules(repo) + qt + dependency_imports(runtime_dists, packages or {})
    icon = {"win32": installer / "icons" / "kit.ico", "darwin": installer / "icons" / "kit.icns"}.get(platform)
    version = meta.read_version(repo)
    return FreezePlan(
        script=installer / "launch.py",
        pathex=[str(repo)],
        datas=datas,
        hiddenimports=hidden,
        excludes=qt_slim.excluded_modules(),
        hookspath=[str(installer / "hooks")],
        executables=meta.executables(platform),
        # Stripping Linux binaries saves ~30% of the bundle; on Windows it breaks DLLs, on macOS signatures.
        strip=platform.startswith("linux"),
        icon=str(icon) if icon else None,
        version_file=str(version_file) if (platform == "win32" and version_file) else None,
        bundle_name=f"{meta.APP_NAME}.app" if platform == "darwin" else None,
        info_plist=info_plist(version) if platform == "darwin" else {},
    )


def keep_binary(dest_name: str, platform: str = sys.platform) -> bool:
    """Filter for the analysed binaries: on Linux, leave the host-matched libraries to the host."""
    return not platform.startswith("linux") or qt_slim.keep_linux_library(dest_name)


def _is_dependency_library(dest: str) -> bool:
    """A system library PyInstaller copied to the bundle's top level only because something links it."""
    name = dest.replace("\\", "/")
    return "/" not in name and name.startswith("lib") and ".so" in name and not name.startswith("libpython")


def prune_unreferenced(
    binaries: list[tuple[str, str, str]], needed: Callable[[str], Iterable[str]]
) -> list[tuple[str, str, str]]:
    """Drop top-level dependency libraries nothing kept still links (directly or through kept libraries).

    After `keep_binary` leaves libcups to the host, the GnuTLS, Kerberos and Avahi libraries that only
    libcups needed are orphans; `needed(src)` returns a binary's direct DT_NEEDED sonames.
    """
    libraries = {dest: src for dest, src, _ in binaries if _is_dependency_library(dest)}
    queue = [src for dest, src, _ in binaries if not _is_dependency_library(dest)]
    reached: set[str] = set()
    while queue:
        for soname in needed(queue.pop()):
            if soname in libraries and soname not in reached:
                reached.add(soname)
                queue.append(libraries[soname])
    return [entry for entry in binaries if not _is_dependency_library(entry[0]) or entry[0] in reached]


def elf_needed(path: str) -> list[str]:
    """Direct DT_NEEDED entries, from `objdump -p` (binutils: PyInstaller needs it on Linux anyway)."""
    import subprocess

    result = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False)
    return [line.split()[1] for line in result.stdout.splitlines() if line.strip().startswith("NEEDED")]
