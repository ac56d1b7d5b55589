"""Where the tests' files are: the repository and tests/data. Import as `from testdata import REPO, DATA`.

(A module of its own, not conftest: tests/ui has a conftest too, and `from testdata import` would be ambiguous.)
"""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
