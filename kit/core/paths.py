"""The one place that knows where the kit's content, data, cache and settings live."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "kit"

# Environment overrides, for tests, for school IT and for portable installs.
ENV_RESOURCES = "KIT_RESOURCES"  # os.pathsep-separated list of folders
ENV_DATA_DIR = "KIT_DATA_DIR"
ENV_CACHE_DIR = "KIT_CACHE_DIR"
ENV_CONFIG_DIR = "KIT_CONFIG_DIR"


def bundled_resources_dir() -> Path | None:
    """Find the kit's bundled `resources/` folder, wherever the kit runs from.

    Order: a frozen bundle (PyInstaller's `sys._MEIPASS`), an installed wheel
    (`kit/bundled`, see pyproject.toml), then a source checkout (`resources/`
    next to the `kit` package).
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidate = Path(frozen) / "resources"
        if candidate.is_dir():
            return candidate
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / "bundled", package_dir.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return None


def bundled_index_dir() -> Path | None:
    """The search index build_installer.py prebuilt into a frozen bundle (`index/` beside `resources/`).

    Read-only: a first launch copies it into the user's cache dir instead of indexing from scratch.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidate = Path(frozen) / "index"
        if candidate.is_dir():
            return candidate
    return None


@dataclass(frozen=True)
class Locations:
    """Where this run of the kit reads content and keeps its own files."""

    resource_dirs: tuple[Path, ...]
    data_dir: Path
    cache_dir: Path
    config_dir: Path

    @property
    def own_packs_dir(self) -> Path:
        """Packs the teacher imported or wrote, kept in the user data dir."""
        return self.data_dir / "packs"

    @property
    def index_dir(self) -> Path:
        return self.cache_dir / "index"

    def library_roots(self) -> tuple[Path, ...]:
        """What the library loads, in precedence (the first of an id wins; content.loader): the teacher's own
        pack, imported packs in import order, then the bundled kit (or --resources).
        """
        from kit.core.content.pack_order import installed_pack_dirs  # the one definition of which folders are packs

        return (*installed_pack_dirs(self.own_packs_dir), *self.resource_dirs)


def resolve_locations(
    resources: Sequence[str | os.PathLike[str]] = (),
    data_dir: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Locations:
    """Work out every location from command-line overrides, then the environment, then defaults.

    `--resources` (or KIT_RESOURCES) replaces the bundled content. `--data-dir`
    (or KIT_DATA_DIR) moves the teacher's data; the cache and config then live
    inside it unless they are overridden too, so one flag isolates a whole run.
    """
    env = os.environ if environ is None else environ
    if resources:
        resource_dirs = tuple(Path(p).expanduser() for p in resources)
    elif env.get(ENV_RESOURCES):
        resource_dirs = tuple(Path(p).expanduser() for p in env[ENV_RESOURCES].split(os.pathsep) if p)
    else:
        bundled = bundled_resources_dir()
        resource_dirs = (bundled,) if bundled else ()

    chosen_data = data_dir or env.get(ENV_DATA_DIR)
    if chosen_data:
        data = Path(chosen_data).expanduser()
        cache_default, config_default = data / "cache", data / "config"
    else:
        import platformdirs  # imported here: no work at import time

        data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        cache_default = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
        config_default = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    cache = Path(env[ENV_CACHE_DIR]).expanduser() if env.get(ENV_CACHE_DIR) else cache_default
    config = Path(env[ENV_CONFIG_DIR]).expanduser() if env.get(ENV_CONFIG_DIR) else config_default
    return Locations(resource_dirs, data, cache, config)
