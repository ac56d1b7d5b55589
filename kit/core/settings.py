"""The teacher's preferences as a typed, versioned value, kept as JSON in the config dir."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from kit.core.atomic import atomic_write_text
from kit.core.i18n import LANGUAGE_CHOICES, translate
from kit.core.model import AUDIENCES, EDITIONS

SETTINGS_FILE = "settings.json"
THEMES = ("light", "dark", "projector")
PAPERS = ("a4", "letter")  # the paper sizes the kit prints on (kit.printing.paper lays them out)
BROWSE_BY = ("kind", "audience", "topic", "language", "pack")
ZOOM_RANGE = (-5, 10)
MAX_SETTINGS_BYTES = 1_000_000
# Reading comfort (kit.ui.reader.reading_style): the reader's typeface, line spacing (percent of the type size)
# and how wide its column of text is; "legible" is the bundled Atkinson Hyperlegible.
READING_FONTS = ("standard", "legible")
LINE_SPACINGS = (135, 150, 175, 200)
TEXT_WIDTHS = ("narrow", "normal", "wide")
CARET_BROWSING = ("auto", "on", "off")
SPEECH_RATE_RANGE = (-5, 5)  # read aloud: steps of 0.1 from the voice's normal speed (QTextToSpeech's -1..1)


@dataclass(frozen=True)
class Settings:
    """What the app remembers between runs. Unknown or invalid values fall back to these defaults."""

    theme: str = "light"
    zoom: int = 0  # steps from the theme's normal type size
    paper: str | None = None  # None: from the locale
    edition: str = "student"
    last_resource: str | None = None
    note_accepted: bool = False  # the teacher accepted last_resource's content note: it reopens without asking
    # Who the teacher's own material is for, asked at the first Add Material (empty: not asked yet).
    material_audience: tuple[str, ...] = ()
    version: int = 1
    browse_by: str = "kind"
    reading_font: str = "standard"
    line_spacing: int = 135
    text_width: str = "normal"
    reading_ruler: bool = False  # the line being read highlighted in the reader
    # A caret in the reader (View → Caret Browsing, F7): "auto" while a screen reader runs, or the teacher's "on"/"off".
    caret_browsing: str = "auto"
    speech_rate: int = 0
    language: str = "system"  # the interface's: "system" follows the computer's locale (kit.core.i18n)

    def replace(self, **changes) -> Settings:
        return dataclasses.replace(self, **changes)


def settings_path(config_dir: Path) -> Path:
    return Path(config_dir) / SETTINGS_FILE


def load_settings(config_dir: Path) -> tuple[Settings, str | None]:
    """Read the settings; never raises. Returns defaults plus a one-line notice when the file is unusable."""
    path = settings_path(config_dir)
    try:
        if not path.exists():
            return Settings(), None
        if not path.is_file() and not path.is_dir():  # a FIFO would block the start-up, /dev/zero never ends
            return Settings(), translate(
                "Settings", "Settings file {path} is not a regular file; using the defaults."
            ).format(path=path)
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            return Settings(), translate("Settings", "Settings file {path} is too large; using the defaults.").format(
                path=path
            )
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return Settings(), translate(
            "Settings", "Settings file {path} could not be read ({error}); using the defaults."
        ).format(
            path=path,
            error=exc.strerror or exc,
        )
    except (ValueError, UnicodeError, RecursionError):  # RecursionError: brackets nested thousands deep
        return Settings(), translate("Settings", "Settings file {path} is damaged; using the defaults.").format(
            path=path
        )
    if not isinstance(data, dict):
        return Settings(), translate("Settings", "Settings file {path} is damaged; using the defaults.").format(
            path=path
        )
    settings, bad = _from_dict(data)
    if bad:
        return settings, translate("Settings", "Settings file {path}: ignored {names} (invalid value).").format(
            path=path, names=", ".join(sorted(bad))
        )
    return settings, None


def check_config_dir(config_dir: Path) -> str | None:
    """Make sure settings can be saved; a one-line notice when the folder cannot be created or written."""
    folder = Path(config_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".kit-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        return translate("Settings", "Settings will not be saved: {folder} is not writable ({error}).").format(
            folder=folder, error=exc.strerror or exc
        )
    return None


def save_settings(config_dir: Path, settings: Settings) -> str | None:
    """Write the settings atomically. Never raises: returns a one-line notice when they could not be saved."""
    path = settings_path(config_dir)
    text = json.dumps(dataclasses.asdict(settings), indent=2, sort_keys=True) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
    except OSError as exc:
        return translate("Settings", "Settings could not be saved in {folder} ({error}).").format(
            folder=path.parent, error=exc.strerror or exc
        )
    return None


def _from_dict(data: dict) -> tuple[Settings, set[str]]:
    """Keep each valid field; collect the names of invalid ones. Unknown keys (from newer versions) are ignored."""
    defaults = Settings()
    values: dict = {}
    bad: set[str] = set()
    checks = {
        "theme": lambda v: v in THEMES,
        "zoom": lambda v: isinstance(v, int) and not isinstance(v, bool) and ZOOM_RANGE[0] <= v <= ZOOM_RANGE[1],
        "paper": lambda v: v is None or v in PAPERS,
        "edition": lambda v: v in EDITIONS,
        "last_resource": lambda v: v is None or (isinstance(v, str) and 0 < len(v) <= 80),
        "note_accepted": lambda v: isinstance(v, bool),
        "material_audience": lambda v: isinstance(v, list) and all(a in AUDIENCES for a in v),
        "version": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "browse_by": lambda v: v in BROWSE_BY,
        "reading_font": lambda v: v in READING_FONTS,
        "line_spacing": lambda v: v in LINE_SPACINGS and not isinstance(v, bool),
        "text_width": lambda v: v in TEXT_WIDTHS,
        "reading_ruler": lambda v: isinstance(v, bool),
        "caret_browsing": lambda v: v in CARET_BROWSING,
        "speech_rate": lambda v: (
            isinstance(v, int) and not isinstance(v, bool) and SPEECH_RATE_RANGE[0] <= v <= SPEECH_RATE_RANGE[1]
        ),
        "language": lambda v: v in LANGUAGE_CHOICES,
    }
    for name, ok in checks.items():
        if name not in data:
            continue
        value = data[name]
        try:
            valid = ok(value)
        except TypeError:  # unhashable values such as lists in `in` checks
            valid = False
        if valid:
            values[name] = tuple(value) if isinstance(value, list) else value
        else:
            bad.add(name)
    values["version"] = defaults.version
    return Settings(**values), bad
