"""Names, version and artefact names of the packaged kit: one place, read by every packaging step."""

from __future__ import annotations

import re
from pathlib import Path

APP_NAME = "Classroom Kit"
PACKAGE = "classroom-kit"  # .deb package, /opt folder, artefact prefix
EXECUTABLE = "kit"  # the command, as with pip
BUNDLE_DIR = "kit"  # PyInstaller's one-folder output under dist/
BUNDLE_ID = "org.classroomkit.kit"
SUMMARY = "Offline teaching kit: search, read, present and print classroom resources"
MAINTAINER = "Classroom Kit developers <classroom-kit@users.noreply.invalid>"
HOMEPAGE = "https://classroomkit.invalid/"
LICENSE = "GPL-3.0-or-later"
# Inno Setup identifies the installed app by this id across versions (upgrades, uninstall). Never change it.
WINDOWS_APP_ID = "{{6C3E0F57-2B7D-4C1A-9E55-0D1A7C5B9E21}"


def read_version(repo: Path) -> str:
    """`kit.__version__` without importing the kit (the build runs outside its venv)."""
    text = (repo / "kit" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise ValueError("kit/__init__.py has no __version__")
    return match.group(1)


def platform_tag(platform: str, machine: str) -> str:
    """`linux-x86_64`, `windows-x64`, `macos-arm64`: what a teacher recognises in a file name."""
    machine = machine.lower()
    if platform == "win32":
        return "windows-" + ("arm64" if machine in ("arm64", "aarch64") else "x64")
    if platform == "darwin":
        return "macos-" + ("arm64" if machine in ("arm64", "aarch64") else "x86_64")
    if platform.startswith("linux"):
        return "linux-" + {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)
    raise ValueError(f"no installer for platform {platform!r}")


def artefact_stem(version: str, platform: str, machine: str) -> str:
    return f"{PACKAGE}-{version}-{platform_tag(platform, machine)}"


def executables(platform: str) -> list[tuple[str, bool]]:
    """(name, console) of each program in the bundle.

    Windows and macOS get a windowed `kit` (no console window flashes up behind the app) and a console
    `kit-cli` for the command line and `--smoke-test`; on Linux one console program does both.
    """
    if platform.startswith("linux"):
        return [(EXECUTABLE, True)]
    return [(EXECUTABLE, False), (f"{EXECUTABLE}-cli", True)]
