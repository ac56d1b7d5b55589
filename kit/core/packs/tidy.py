"""Start-up tidying of the data dir: what a crash or a kill left behind, and nothing else."""

from __future__ import annotations

from kit.core.atomic import LEFTOVER_AGE_S, clean_stale_temp_files
from kit.core.packs import installed, lessons
from kit.core.packs.manifest import OWN_PACK_ID
from kit.core.packs.own_documents import remove_unfinished
from kit.core.paths import Locations
from kit.core.store.database import Store


def tidy(locations: Locations, older_than_s: float = LEFTOVER_AGE_S) -> list[str]:
    """Finish or undo interrupted pack imports/removals and remove our stale temp files; one line per action."""
    done = installed.recover(locations.own_packs_dir, older_than_s)
    done += remove_unfinished(locations.own_packs_dir / OWN_PACK_ID, older_than_s)
    if lessons.pending_lesson_packs(locations.own_packs_dir):  # the store is opened only when there is work
        with Store.open(locations.data_dir) as store:
            done += lessons.store_pending_lessons(store, locations.own_packs_dir)
    folders = [locations.data_dir, locations.data_dir / "backups", locations.config_dir]
    folders += installed.installed_pack_dirs(locations.own_packs_dir)
    for folder in folders:
        done += [f"removed leftover {p.name}" for p in clean_stale_temp_files(folder, older_than_s)]
    return done
