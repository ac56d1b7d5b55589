"""Which file names a pack may hold: portable to Windows, macOS and Linux, and never outside the pack."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from kit.core.names import is_windows_reserved

ALLOWED_EXTENSIONS = (".md", ".yaml", ".png", ".jpg", ".jpeg", ".gif", ".json")
MAX_NAME_BYTES = 255  # one component, in UTF-8
MAX_DEPTH = 16
# Windows refuses paths over 260 characters; the data dir takes some, so the pack gets this much.
MAX_PATH_CHARS = 180
FORBIDDEN_CHARS = re.compile(r'[<>:"|?*\\\x00-\x1f\x7f]')
DRIVE = re.compile(r"[A-Za-z]:")  # with .match: a name that starts with a drive


def name_problem(name: str, *, is_dir: bool = False) -> str | None:
    """Why `name` (a `/`-separated path inside a pack) is not allowed, or None when it is fine."""
    shown = name[:120]
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, e.g. "\ud800" escaped in manifest.json (found by test_fuzz)
        return f"file name {shown!a} is not valid Unicode"
    if "\x00" in name:
        return f"unsafe file name '{shown.replace(chr(0), '␀')}' (it holds a NUL character)"
    if name.startswith(("/", "\\")) or DRIVE.match(name) or name.startswith("//"):
        return f"unsafe path '{shown}' (absolute)"
    if "\\" in name:
        return f"unsafe path '{shown}' (backslash)"
    parts = name.rstrip("/").split("/") if is_dir else name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return f"unsafe path '{shown}'"
    if len(parts) > MAX_DEPTH:
        return f"path '{shown}' is nested more than {MAX_DEPTH} folders deep"
    for part in parts:
        if len(part.encode("utf-8")) > MAX_NAME_BYTES:
            return f"file name '{part[:60]}…' is longer than {MAX_NAME_BYTES} bytes"
        if FORBIDDEN_CHARS.search(part):
            return f"file name '{shown}' holds a character Windows does not allow"
        if part.endswith((".", " ")):
            return f"file name '{shown}' ends with a dot or a space, which Windows does not allow"
        if is_windows_reserved(part):
            return f"file name '{shown}' is reserved on Windows"
    if len(name) > MAX_PATH_CHARS:
        return f"path '{shown}…' is longer than {MAX_PATH_CHARS} characters"
    if not is_dir and not parts[-1].lower().endswith(ALLOWED_EXTENSIONS):
        return f"file type not allowed: '{shown}' (allowed: {', '.join(ALLOWED_EXTENSIONS)})"
    return None


def folded(name: str) -> str:
    """The form two names collide in on Windows and macOS (case-insensitive, Unicode-normalised)."""
    return unicodedata.normalize("NFC", name).casefold()


def collision_problem(files: Iterable[str], dirs: Iterable[str] = ()) -> str | None:
    """Duplicate names (also by case) and a file whose name is also a folder's, or None."""
    seen: dict[str, str] = {}
    for name in files:
        key = folded(name)
        if key in seen:
            return f"duplicate file name '{name}' (same as '{seen[key]}' on Windows and macOS)"
        seen[key] = name
    folders = {folded(d.rstrip("/")) for d in dirs}
    for name in seen.values():
        parts = folded(name).split("/")
        folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
    for key, name in seen.items():
        if key in folders:
            return f"'{name}' is both a file and a folder"
    return None


def decoded_name(raw: str, utf8_flag: bool) -> str | None:
    """The real name of a zip entry, or None when it cannot be known.

    zipfile decodes names without the UTF-8 flag as cp437, but Windows and macOS zippers wrote
    UTF-8 there (bad-inputs.md Z16): re-decode; a name that is not UTF-8 either is refused.
    """
    if utf8_flag or raw.isascii():
        return raw
    try:
        return raw.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
