"""The `.kitpack` manifest: format version, pack metadata, and every file with its size and SHA-256."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.core.content.pack_order import INSTALLED_MANIFEST as INSTALLED_MANIFEST  # re-exported
from kit.core.content.pack_order import OWN_PACK_ID as OWN_PACK_ID  # re-exported: callers import it from here
from kit.core.errors import KitError
from kit.core.names import is_valid_id
from kit.core.packs import file_names

FORMAT = "kitpack"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MAX_FILE_BYTES = 20_000_000
# Lessons a pack may carry: an 8.5 KB manifest once added 250,000 lessons in 39 s.
MAX_LESSONS = 200
MAX_LESSON_ITEMS = 300
# Put beside the installed manifest when a pack carries lessons, removed once they are in the store: it moves in
# with the pack's one rename, so after a kill start-up tidying stores them (the pack and its lessons, or neither).
LESSONS_PENDING = ".lessons-pending"
SHA256 = re.compile(r"[0-9a-f]{64}")  # fullmatch


class PackError(KitError):
    """Why a pack was refused, in one line a teacher can act on. Nothing was installed."""


class PackConflict(PackError):
    """A pack with this id is already there: the caller asks "replace or keep both?" and calls again."""

    def __init__(self, pack_id: str, installed_version: str, new_version: str, bundled: bool):
        if pack_id == OWN_PACK_ID:
            text = f"pack '{pack_id}' has the id of your own pack, which is never replaced: keep both"
        elif bundled:
            text = f"pack '{pack_id}' is part of the kit, which is never replaced: keep both"
        else:
            versions = f"installed: {installed_version or '?'}, this file: {new_version or '?'}"
            text = f"pack '{pack_id}' is already installed ({versions}): replace it or keep both"
        super().__init__(text)
        self.pack_id, self.installed_version, self.new_version, self.bundled = (
            pack_id,
            installed_version,
            new_version,
            bundled,
        )


class OwnClash(PackConflict):
    """The pack holds resources with the ids of the teacher's own. Own material always comes first, so imported
    they would be hidden: the teacher says whether to import anyway ("replace" or "keep both" both go ahead)."""

    def __init__(self, pack_id: str, ids: list[str]):
        shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
        PackError.__init__(
            self,
            f"pack '{pack_id}' has {len(ids)} resource(s) with the id of your own material ({shown}); "
            "yours stay shown and the pack's would be hidden",
        )
        self.pack_id, self.ids = pack_id, tuple(ids)
        self.installed_version = self.new_version = ""
        self.bundled = False


@dataclass(frozen=True)
class Manifest:
    pack: dict[str, str]
    files: dict[str, tuple[int, str]]  # name -> (size, sha256)
    lessons: tuple[dict[str, Any], ...] = ()

    @property
    def pack_id(self) -> str:
        return self.pack["id"]

    def to_json(self) -> bytes:
        data = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "pack": self.pack,
            "files": [{"path": n, "size": s, "sha256": h} for n, (s, h) in sorted(self.files.items())],
        }
        if self.lessons:
            data["lessons"] = list(self.lessons)
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


@dataclass(frozen=True)
class ImportResult:
    pack_id: str
    path: Path
    replaced: bool
    warnings: tuple[str, ...] = ()
    lessons: tuple[dict[str, Any], ...] = field(default_factory=tuple)


def parse_manifest(raw: bytes) -> Manifest:
    """Check the manifest's shape; every mistake is a PackError naming the field."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackError(f"manifest.json is not valid JSON ({exc})") from None
    except RecursionError:  # brackets nested thousands deep
        raise PackError("manifest.json is nested too deeply to be a pack manifest") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PackError("manifest.json is not a kit pack manifest (no 'format: kitpack')")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PackError("manifest.json has no valid 'format_version'")
    if version > FORMAT_VERSION:
        raise PackError(f"this pack was made by a newer version of the kit (format {version}); update the kit")
    pack = data.get("pack")
    if not isinstance(pack, dict) or not is_valid_id(pack.get("id")):
        raise PackError("manifest.json: 'pack.id' is missing or not a valid id")
    files_list = data.get("files")
    if not isinstance(files_list, list) or not files_list:
        raise PackError("manifest.json: 'files' is missing or empty")
    files: dict[str, tuple[int, str]] = {}
    for entry in files_list:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise PackError("manifest.json: a file entry has no 'path'")
        name, size, digest = entry["path"], entry.get("size"), entry.get("sha256")
        if problem := file_names.name_problem(name):
            raise PackError(f"manifest.json: {problem}")
        if not isinstance(size, int) or isinstance(size, bool) or not 0 <= size <= MAX_FILE_BYTES:
            raise PackError(f"manifest.json: '{name}' has no valid size")
        if not isinstance(digest, str) or not SHA256.fullmatch(digest):
            raise PackError(f"manifest.json: '{name}' has no valid sha256")
        if name in files:
            raise PackError(f"manifest.json lists '{name}' twice")
        files[name] = (size, digest)
    if "pack.yaml" not in files:
        raise PackError("manifest.json does not list pack.yaml")
    lessons = data.get("lessons") or []
    if not isinstance(lessons, list) or not all(isinstance(x, dict) for x in lessons):
        raise PackError("manifest.json: 'lessons' should be a list")
    if len(lessons) > MAX_LESSONS:
        raise PackError(f"manifest.json carries {len(lessons):,} lessons (limit {MAX_LESSONS})")
    if any(isinstance(x.get("items"), list) and len(x["items"]) > MAX_LESSON_ITEMS for x in lessons):
        raise PackError(f"manifest.json: a lesson has more than {MAX_LESSON_ITEMS} items")
    meta = {k: str(v) for k, v in pack.items() if isinstance(v, (str, int, float)) and not isinstance(v, bool)}
    return Manifest(meta, files, tuple(lessons))


def installed_version(pack_dir: Path) -> str:
    with contextlib.suppress(OSError, PackError):
        return parse_manifest((pack_dir / INSTALLED_MANIFEST).read_bytes()).pack.get("version", "")
    return ""


def verify_installed(pack_dir: Path) -> str | None:
    """For an imported pack: None when every file matches its checksum, else what is wrong."""
    try:
        manifest = parse_manifest((pack_dir / INSTALLED_MANIFEST).read_bytes())
    except (OSError, PackError) as exc:
        return f"no readable {INSTALLED_MANIFEST}: {exc}"
    for name, (size, digest) in manifest.files.items():
        try:
            data = (pack_dir / name).read_bytes()
        except OSError:
            return f"'{name}' is missing"
        if len(data) != size or hashlib.sha256(data).hexdigest() != digest:
            return f"'{name}' does not match its checksum"
    return None
