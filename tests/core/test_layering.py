"""The core must never import Qt: it runs in the CLI, in the index builder and in tests without a display."""

import subprocess
import sys

from testdata import REPO


def test_core_modules_import_without_pyside6():
    code = (
        "import importlib, pkgutil, sys, kit.core\n"
        "names = [m.name for m in pkgutil.walk_packages(kit.core.__path__, 'kit.core.')]\n"
        "assert len(names) >= 6, names\n"
        "for name in names: importlib.import_module(name)\n"
        "import kit.cli\n"
        "kit.cli.build_parser()\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not bad, bad\n"
        "print(len(names))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 6


def test_importing_the_package_does_no_work():
    """No work at import time: importing kit and kit.cli loads neither Markdown nor YAML nor Qt."""
    code = (
        "import sys, kit, kit.cli, kit.__main__\n"
        "heavy = [m for m in ('markdown', 'nh3', 'PySide6', 'tantivy') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_printing_uses_no_widgets():
    """kit.printing runs headless (`kit export-pdf`): QtGui and QtPrintSupport, never QtWidgets."""
    code = (
        "import sys, kit.printing, kit.commands.export_pdf\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6.QtWidgets'))\n"
        "assert not bad, bad\n"
        "assert 'PySide6.QtGui' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
