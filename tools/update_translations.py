"""Refresh the translation catalogues from the code, then compile them: python3 tools/update_translations.py

`pyside6-lupdate` collects every translate("context", "text") and QT_TRANSLATE_NOOP("context", "text") under
kit/ into kit/translations/kit_<lang>.ts (new strings arrive unfinished; strings no longer in the code are
dropped), and `pyside6-lrelease` compiles each .ts to the .qm the app loads. Translate the unfinished ones with
Qt Linguist (`pyside6-linguist kit/translations/kit_fr.ts`) or any editor, then run this again: the tests fail
while a string is unfinished or a .qm is older than its .ts (tests/test_translations.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kit.core.i18n import INTERFACE_LANGUAGES, SOURCE_LANGUAGE, TRANSLATIONS_DIR  # noqa: E402

TARGETS = {"fr": "fr_CA"}  # the catalogue is Canadian French: the teachers it is written for


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python (they ship in the PySide6 wheel)."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def sources() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "kit").rglob("*.py") if "__pycache__" not in p.parts)


def update(ts: Path, language: str, files: list[str]) -> None:
    # No line numbers in the .ts: they would change with every edit of the code and make merges conflict.
    command = [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-target-language", TARGETS[language]]
    subprocess.run([*command, *files, "-ts", str(ts)], cwd=REPO, check=True, stdout=subprocess.DEVNULL)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    for language in INTERFACE_LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        ts = TRANSLATIONS_DIR / f"kit_{language}.ts"
        update(ts, language, sources())
        release(ts, ts.with_suffix(".qm"))
        print(ts.relative_to(REPO), "and", ts.with_suffix(".qm").name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
