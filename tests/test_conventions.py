"""Conventions that keep the suite importable: shared paths come from tests/testdata.py, not a conftest."""

from testdata import REPO


def test_no_test_imports_from_conftest():
    # tests/ui has its own conftest, so `from conftest import` picks whichever was imported last.
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "tests").rglob("*.py")
        if "from conftest import" in path.read_text(encoding="utf-8") and path.name != "test_conventions.py"
    ]
    assert not offenders, offenders
