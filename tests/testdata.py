"""Where the tests' files are: the repository and tests/data. Import as `from testdata import REPO, DATA`.

(A module of its own, not conftest: tests/ui has a conftest too, and `from testdata import` would be ambiguous.)
"""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def figures_last_checked():
    """The day the bundled figures were last checked: the bundled kit must validate clean as of that day."""
    from kit.core.content import figures

    register, _ = figures.read_register(REPO / "resources" / "trafficking")
    return max(f.checked for f in register.figures.values())
