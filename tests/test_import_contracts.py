"""The layers hold: import-linter checks the contracts in pyproject.toml, and fails on an upward import."""

import shutil
import subprocess
import sys
from pathlib import Path

from testdata import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    # No cache: a stale cache could hide a new import. PYTHONPATH: the `kit` under `root` is the one analysed.
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_import_contracts_are_kept():
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_upward_import_breaks_a_contract(tmp_path):
    shutil.copytree(REPO / "kit", tmp_path / "kit", ignore=shutil.ignore_patterns("__pycache__", "bundled"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    model = tmp_path / "kit" / "core" / "model.py"
    model.write_text(model.read_text() + "\nfrom kit.printing import export_pdf  # noqa: E402, F401\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "kit.core is not allowed to import kit.printing" in result.stdout
