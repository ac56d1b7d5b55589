"""Before Qt opens a window on X11: are the system libraries its xcb platform plugin needs installed?

When one is missing, Qt aborts the whole process (exit 134) with "xcb-cursor0 or libxcb-cursor0 is needed",
whichever library it really lacked. This module checks first, without importing Qt, and says exactly what to
install. It only loads libraries the window would load a moment later anyway.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import struct
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from kit.core.errors import KitError

# Every library PySide6 6.12's xcb plugin (libqxcb.so, libQt6XcbQpa.so.6) and QtGui link against that a minimal
# Debian/Ubuntu lacks, with the Debian package that provides it. Found with `ldd` on both files; the C and
# C++ runtimes and the libraries Python itself needs are left out (a working Python has them).
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


class MissingLibraries(KitError):
    """Qt could not open a window here; the message says which packages to install, for several systems."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(install_advice(missing))


def require_window_libraries(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    load: Callable[[str], object] | None = None,
) -> None:
    """Raise MissingLibraries when Qt is about to use its xcb plugin and a library it needs cannot be loaded."""
    environ = os.environ if environ is None else environ
    if not uses_xcb(environ, sys.platform if platform is None else platform):
        return
    missing = missing_libraries(load or _load)
    if missing:
        raise MissingLibraries(missing)


def uses_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt will try the xcb plugin first: on Linux, unless another platform is asked for.

    QT_QPA_PLATFORM may be a `;`-separated list tried in order. Unset, Qt picks Wayland in a Wayland session
    (and falls back to xcb only if that fails), so a Wayland desktop is not checked.
    """
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0].strip() == "xcb"
    return environ.get("XDG_SESSION_TYPE", "").lower() != "wayland"


def missing_libraries(load: Callable[[str], object]) -> list[str]:
    """The sonames in XCB_LIBRARIES that cannot be loaded, in table order.

    A library that is present but needs a missing one fails to load too; the loader's message names the one
    really missing, so that is the one reported.
    """
    missing: list[str] = []
    for soname in XCB_LIBRARIES:
        try:
            load(soname)
        except OSError as exc:
            named = str(exc).split(":", 1)[0].strip()
            culprit = named if named in XCB_LIBRARIES else soname
            if culprit not in missing:
                missing.append(culprit)
    return sorted(missing, key=list(XCB_LIBRARIES).index)


def install_advice(missing: list[str]) -> str:
    debian = " ".join(XCB_LIBRARIES[name] for name in missing)
    # RPM lists every shared library a package provides as `soname()(64bit)`, so dnf and zypper can install
    # by library name: no table of Fedora or openSUSE package names to keep up to date.
    suffix = "()(64bit)" if struct.calcsize("P") == 8 else ""
    rpm = " ".join(f"'{name}{suffix}'" for name in missing)
    return "\n".join(
        (
            "cannot open a window: Qt's X11 (xcb) platform needs system libraries that are missing: "
            + ", ".join(missing),
            f"  Debian/Ubuntu:   sudo apt-get install -y {debian}",
            f"  Fedora/RHEL:     sudo dnf install -y {rpm}",
            f"  openSUSE:        sudo zypper install {rpm}",
            "  Other systems:   install the packages that provide the libraries named above.",
            "  No screen (SSH, CI): run with QT_QPA_PLATFORM=offscreen. On a Wayland desktop, QT_QPA_PLATFORM=wayland "
            "uses Wayland instead of X11.",
        )
    )


def _load(soname: str) -> object:
    """dlopen the library as Qt's loader would, also from the folders a bundled kit ships libraries in."""
    try:
        return ctypes.CDLL(soname)
    except OSError as first:
        for folder in _bundled_library_dirs():
            candidate = folder / soname
            if candidate.is_file():
                return ctypes.CDLL(str(candidate))
        raise first


def _bundled_library_dirs() -> list[Path]:
    folders = []
    frozen = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle keeps the libraries it collected here
    if frozen:
        folders.append(Path(frozen))
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing Qt
    for location in (spec.submodule_search_locations or []) if spec else []:
        folders.append(Path(location) / "Qt" / "lib")
    return folders
