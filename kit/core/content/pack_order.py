"""Which folders of the data dir's packs/ are packs, and in what precedence the library loads them: the teacher's
own pack, then imported packs in import order (recorded at import), then hand-made folders by name.

Below kit.core.packs on purpose: paths.Locations.library_roots() and the classroom share need the order without
the pack machinery (zip, manifests, SQLite).
"""

from __future__ import annotations

import json
from pathlib import Path

OWN_PACK_ID = "own"  # the teacher's own material: never replaced or removed by a pack operation
INSTALLED_MANIFEST = ".kitpack.json"  # the manifest, kept in an installed pack to verify it later
# Written into the installed manifest's pack entry at import (never taken from the file): the library's
# precedence among imported packs is their import order, not their names (a pack named "0-…" came first).
IMPORT_ORDER = "import_order"
MAX_MANIFEST_READ = 5_000_000


def installed_pack_dirs(packs_dir: Path) -> list[Path]:
    """Pack folders in `packs_dir` in precedence. Staging and aside folders start with a dot and are never packs."""
    try:
        children = list(Path(packs_dir).iterdir())
    except OSError:
        return []
    folders = [p for p in children if not p.name.startswith(".") and (p / "pack.yaml").is_file()]

    def precedence(folder: Path) -> tuple[int, int, str]:
        if folder.name == OWN_PACK_ID:
            return (0, 0, "")
        order = import_order(folder)
        return (1 if order is not None else 2, order or 0, folder.name)

    return sorted(folders, key=precedence)


def import_order(pack_dir: Path) -> int | None:
    """When an installed pack was imported, relative to the others (None: not recorded or unreadable)."""
    path = pack_dir / INSTALLED_MANIFEST
    try:
        if not path.is_file():  # a FIFO would block
            return None
        with path.open("rb") as handle:
            data = json.loads(handle.read(MAX_MANIFEST_READ))
        return int(data["pack"][IMPORT_ORDER])
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def next_import_order(packs_dir: Path) -> int:
    orders = [import_order(folder) for folder in installed_pack_dirs(packs_dir)]
    return max((o for o in orders if o is not None), default=0) + 1
