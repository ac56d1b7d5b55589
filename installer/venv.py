"""The clean build venv: what goes into it, and the check that it holds only the Qt we ship."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

# Distributions that must not be in the build venv: PyInstaller would freeze whichever Qt it finds. The Addons
# wheel is there for read aloud (the `speech` extra), but only QtTextToSpeech is frozen from it (qt_slim.py);
# the PySide6 meta-package would also pull in the Python-level modules of everything else.
FORBIDDEN = {
    "pyside6": "the full PySide6 meta-package (install PySide6-Essentials, and PySide6-Addons for read aloud)",
    "pyside2": "another Qt binding (PySide2)",
    "pyqt5": "another Qt binding (PyQt5)",
    "pyqt6": "another Qt binding (PyQt6)",
    "pyqt5-qt5": "another Qt binding (PyQt5's Qt)",
    "pyqt6-qt6": "another Qt binding (PyQt6's Qt)",
}

# The extras installed into the build venv: PyInstaller, and read aloud's QtTextToSpeech.
BUILD_EXTRAS = ("build", "speech")

# Qt wheels the build needs, and why: without the Addons the installed app cannot read aloud (issue 20).
REQUIRED_QT = {
    "pyside6-essentials": "the build venv has no PySide6-Essentials",
    "pyside6-addons": "the build venv has no PySide6-Addons (read aloud's QtTextToSpeech; the `speech` extra)",
}

# In the build venv for the build only; never bundled, so their licences are not shipped.
BUILD_ONLY = {
    "pip", "setuptools", "wheel", "pyinstaller", "pyinstaller-hooks-contrib", "altgraph", "packaging",
    "macholib", "pefile", "pywin32-ctypes",
}  # fmt: skip


def normalise(name: str) -> str:
    """PEP 503 name: `PySide6_Essentials` -> `pyside6-essentials`."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    return normalise(re.split(r"[\s<>=!~;\[(]", requirement.strip(), maxsplit=1)[0])


def requirements(pyproject_text: str, extras: Iterable[str] = BUILD_EXTRAS) -> list[str]:
    """The runtime dependencies plus the given extras, as pip arguments (the kit itself is not installed:
    the spec freezes the source tree)."""
    project = tomllib.loads(pyproject_text)["project"]
    found = list(project.get("dependencies", []))
    optional = project.get("optional-dependencies", {})
    for extra in extras:
        if extra not in optional:
            raise ValueError(f"pyproject.toml has no [{extra}] extra")
        found += optional[extra]
    return found


def runtime_distributions(pyproject_text: str) -> list[str]:
    return [requirement_name(r) for r in requirements(pyproject_text, extras=())]


def qt_problems(installed: Iterable[str]) -> list[str]:
    """Why this venv must not be frozen (empty when it is fine)."""
    names = {normalise(n) for n in installed}
    problems = [f"the build venv has {FORBIDDEN[n]}" for n in sorted(names) if n in FORBIDDEN]
    return problems + [problem for name, problem in REQUIRED_QT.items() if name not in names]


def bundled_distributions(installed: Iterable[str]) -> list[str]:
    """Distributions whose code ends up in the bundle: everything in the build venv but the build tools."""
    return sorted({normalise(n) for n in installed} - BUILD_ONLY)


def venv_python(venv: Path, platform: str) -> Path:
    return venv / ("Scripts/python.exe" if platform == "win32" else "bin/python")
