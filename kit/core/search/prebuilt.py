"""Start from the index build_installer.py prebuilt into the bundle, so a first launch does not index the kit.

The prebuilt index was made at build time for the same packs under another path; the fingerprints in its
manifest are of content, not paths, so once copied to where `index_home` expects it, `SearchIndex.open`
finds nothing to change. Anything else (another engine version, other packs) is left to `open` to rebuild.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kit.core.content.loader import Library
from kit.core.search import storage
from kit.core.search.analysis import ENGINE_VERSION
from kit.core.search.index import _roots  # the same roots SearchIndex.open keys its index by


def _copy_writable(source: Path, target: Path) -> None:
    """Copy contents only, not permissions: a read-only install's files must become the user's, writable."""
    for path in sorted(source.rglob("*")):
        destination = target / path.relative_to(source)
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)


def seed_from_prebuilt(prebuilt_dir: Path | None, index_dir: Path, library: Library, bundled: Path | None) -> bool:
    """Copy the prebuilt index into `index_dir` for `library` when it applies; True when it did.

    Only for the bundled kit (every root inside `bundled`), only when no index exists yet, only from an
    index of this engine version. Never raises: a failed copy just means the index is built as usual.
    """
    roots = _roots(library)
    if prebuilt_dir is None or bundled is None or not roots:
        return False
    if not all(Path(r).resolve().is_relative_to(Path(bundled).resolve()) for r in roots):
        return False
    home = storage.index_home(index_dir, roots)
    if home.exists():
        return False
    try:
        sources = [p for p in sorted(prebuilt_dir.iterdir()) if p.name.startswith(f"{ENGINE_VERSION}-")]
        source = next(p for p in sources if (p / storage.MANIFEST).is_file())
    except (OSError, StopIteration):
        return False
    staging = None
    try:
        staging = storage.fresh_dir(home)
        _copy_writable(source, staging)
        return storage.move_into_place(staging, home) == home
    except OSError:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        return False
