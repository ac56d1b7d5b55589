"""Ids and file names that work on every system: the one definition of each rule, used by loading, packs and PDFs."""

from __future__ import annotations

import re
import unicodedata

# Resource and pack ids. Always used with fullmatch: "$" also matches before a final newline, so "x\n" passed.
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")
MAX_SLUG_CHARS = 60
# Device names Windows opens instead of a file, whatever the extension ("con.md", "COM0.png", "conin$").
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$", "clock$"}
    | {f"{prefix}{number}" for prefix in ("com", "lpt") for number in "0123456789¹²³"}
)


def is_windows_reserved(name: str) -> bool:
    """Whether Windows would treat a file or folder name as a device (the part before the first dot counts)."""
    return name.split(".")[0].strip(" .").lower() in WINDOWS_RESERVED


def is_valid_id(text: object) -> bool:
    """A resource or pack id: lowercase letters, digits, "-" and "_", at most 80, never a Windows device name."""
    return isinstance(text, str) and ID_PATTERN.fullmatch(text) is not None and not is_windows_reserved(text)


def slug(text: str) -> str:
    """An id made from a title or file name ("Café: words" → "cafe-words"), or "" when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    made = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_SLUG_CHARS].strip("-")
    return made if is_valid_id(made) else ""
