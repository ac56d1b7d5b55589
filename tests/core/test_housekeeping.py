import os
import time

from kit.core.packs import tidy
from kit.core.paths import resolve_locations


def test_tidy_removes_our_stale_leftovers_only(tmp_path):
    locations = resolve_locations([tmp_path / "kit"], tmp_path / "data", environ={})
    old = time.time() - 3600
    staging = locations.own_packs_dir / f".incoming-{int(old)}-abcd1234"
    staging.mkdir(parents=True)
    (locations.data_dir / "backups").mkdir()
    temps = [locations.data_dir / ".kit-tmp-1", locations.data_dir / "backups" / ".kit-tmp-2.sqlite3"]
    keep = [locations.data_dir / "kit.sqlite3", locations.data_dir / ".other-tmp"]
    for path in temps + keep:
        path.write_text("x")
        os.utime(path, (old, old))
    done = tidy.tidy(locations)
    assert len(done) == 3
    assert not staging.exists() and not any(p.exists() for p in temps) and all(p.exists() for p in keep)
