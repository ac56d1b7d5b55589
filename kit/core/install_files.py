"""Files of the kit's own install that can go missing or be damaged (bad-inputs F4): the reading font, the translation
catalogues. Each has a fallback built into the code (the standard font, English); the kit then says once, on standard
error (the log of a desktop session), which file it could not use and what it does instead. Nothing else to import."""

from __future__ import annotations

import sys
from pathlib import Path

_told: set[str] = set()


def tell_unusable(path: Path, instead: str) -> None:
    """One line per file and process: `kit: cannot use <path>; <instead>`."""
    key = str(path)
    if key in _told:
        return
    _told.add(key)
    print(f"kit: cannot use {path} (missing or damaged); {instead}", file=sys.stderr)
