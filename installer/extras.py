"""Files added to the bundle beside the frozen code: licences, build information, the prebuilt index."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from email.parser import HeaderParser
from pathlib import Path

from installer import meta
from installer.venv import normalise

LICENSE_PATTERNS = ("LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*")


def find_dist_infos(site_packages: Path) -> dict[str, Path]:
    """Normalised distribution name -> its .dist-info folder."""
    found = {}
    for info in sorted(site_packages.glob("*.dist-info")):
        metadata = info / "METADATA"
        if metadata.is_file():
            headers = HeaderParser().parsestr(metadata.read_text(encoding="utf-8", errors="replace"))
            found[normalise(headers.get("Name", info.name.split("-")[0]))] = info
    return found


def licence_files(dist_info: Path) -> list[Path]:
    """Licence texts a distribution ships: `licenses/**` (PEP 639) and top-level LICENSE/COPYING files."""
    files = [p for p in sorted((dist_info / "licenses").rglob("*")) if p.is_file()]
    for pattern in LICENSE_PATTERNS:
        files += [p for p in sorted(dist_info.glob(pattern)) if p.is_file()]
    return files


def licence_summary(dist_info: Path) -> str:
    """One entry of THIRD-PARTY-LICENSES.txt: name, version, licence as the metadata states it, home page."""
    headers = HeaderParser().parsestr((dist_info / "METADATA").read_text(encoding="utf-8", errors="replace"))
    licence = headers.get("License-Expression") or headers.get("License") or ""
    if not licence or len(licence) > 200:  # some put the whole text in License:
        classifiers = [c.split("::")[-1].strip() for c in headers.get_all("Classifier", []) if c.startswith("License")]
        licence = ", ".join(classifiers) or "see the files below"
    home = headers.get("Home-page") or next(
        (u.split(",", 1)[-1].strip() for u in headers.get_all("Project-URL", [])), ""
    )
    return f"{headers.get('Name')} {headers.get('Version')}\n  License: {licence}\n  Home: {home}\n"


# Wheels that ship no licence text (PySide6 and shiboken6 wheels carry none; nor does cobble, which mammoth
# brings): the text of the licence their metadata or README names, kept in installer/licenses/.
FALLBACK_TEXTS = {
    "pyside6-essentials": "LGPL-3.0.txt",
    "pyside6-addons": "LGPL-3.0.txt",
    "shiboken6": "LGPL-3.0.txt",
    "cobble": "BSD-2-Clause-cobble.txt",
}


def collect_licences(
    dist_infos: Mapping[str, Path],
    bundled: Iterable[str],
    out: Path,
    extra: Mapping[str, Path],
    fallback_dir: Path | None = None,
) -> str:
    """Write `licenses/<dist>/...` and `THIRD-PARTY-LICENSES.txt` into `out`; return the summary text.

    `extra` adds licences that are not Python distributions (Python itself, PyInstaller's bootloader).
    Raises when a bundled distribution or its licence text cannot be found: a bundle must not ship
    without its licences.
    """
    sections = []
    missing = [name for name in bundled if name not in dist_infos]
    if missing:
        raise FileNotFoundError(f"no .dist-info for bundled distributions: {', '.join(missing)}")
    for name in sorted(bundled):
        info = dist_infos[name]
        target = out / "licenses" / name
        target.mkdir(parents=True, exist_ok=True)
        files = licence_files(info)
        if not files and fallback_dir is not None and name in FALLBACK_TEXTS:
            files = [fallback_dir / FALLBACK_TEXTS[name]]
        if not files:
            raise FileNotFoundError(f"{name} ships no licence text; add one to FALLBACK_TEXTS")
        for path in files:
            shutil.copy2(path, target / path.name)
        listed = "".join(f"  File: licenses/{name}/{p.name}\n" for p in files)
        sections.append(licence_summary(info) + listed)
    for label, path in sorted(extra.items()):
        target = out / "licenses" / label
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target / path.name)
        sections.append(f"{label}\n  File: licenses/{label}/{path.name}\n")
    text = (
        f"{meta.APP_NAME} is free software ({meta.LICENSE}). It bundles the following software, each under\n"
        "its own licence; the texts are in the licenses/ folder beside this file.\n\n" + "\n".join(sections)
    )
    (out / "THIRD-PARTY-LICENSES.txt").write_text(text, encoding="utf-8")
    return text


def build_info(version: str, commit: str, platform: str, python: str, qt: str, built: str) -> str:
    return (
        f"{meta.APP_NAME} {version}\n"
        f"commit: {commit}\nplatform: {platform}\npython: {python}\nqt: {qt}\nbuilt: {built}\n"
    )


def search_available(repo: Path) -> bool:
    """True when the tree has the search engine (issue 5): then the bundle ships a prebuilt index."""
    core = repo / "kit" / "core"
    return (core / "search.py").is_file() or (core / "search" / "__init__.py").is_file()


INDEX_SCRIPT = """\
import sys
from pathlib import Path
from kit.core.content.loader import load_library
from kit.core.search import SearchIndex
library = load_library([Path(sys.argv[1])])
index = SearchIndex.open(Path(sys.argv[2]), library)
print(len(library.resources))
"""


def index_command(python: Path, resources: Path, index_dir: Path) -> list[str]:
    """Build the index with the build venv's python and the source tree's kit (PYTHONPATH=repo)."""
    return [str(python), "-c", INDEX_SCRIPT, str(resources), str(index_dir)]
