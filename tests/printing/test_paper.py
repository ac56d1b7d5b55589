"""Paper: the locale's default (Letter in the US and Canada, A4 elsewhere) and the page geometry."""

import os
import subprocess
import sys

import pytest
from pdfcheck import REPO

from kit.printing.paper import PageGeometry, default_paper


@pytest.mark.parametrize(
    ("locale_name", "paper"),
    [
        ("en_US", "letter"),
        ("en_CA", "letter"),
        ("fr_CA", "letter"),
        ("en_US.UTF-8", "letter"),
        ("en_GB", "a4"),
        ("fr_FR", "a4"),
        ("de_DE", "a4"),
        ("C", "a4"),
        ("", "a4"),
    ],
)
def test_default_paper_follows_the_locale(locale_name, paper):
    assert default_paper(locale_name) == paper


@pytest.mark.parametrize(
    ("lang", "paper_locale", "paper"),
    [
        ("en_CA.UTF-8", "", "letter"),
        ("de_DE.UTF-8", "", "a4"),
        ("C", "", "a4"),
        ("en_US.UTF-8", "fr_FR.UTF-8", "a4"),  # English desktop, French "Formats": the paper is France's
        ("fr_FR.UTF-8", "fr_CA.UTF-8", "letter"),
    ],
)
def test_default_paper_reads_the_system_locale(lang, paper_locale, paper):
    """With no name, the paper follows the system (LC_PAPER, else LANG), read in a fresh process."""
    code = "from kit.printing.paper import default_paper; print(default_paper())"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update({"LANG": lang, "PYTHONPATH": str(REPO), **({"LC_PAPER": paper_locale} if paper_locale else {})})
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == paper


def test_the_interface_language_does_not_change_the_paper(qapp):
    """Choosing Français on an English Canadian computer sets Qt's default locale to fr_CA, never the paper's."""
    from PySide6.QtCore import QLocale

    before = default_paper()
    try:
        QLocale.setDefault(QLocale("fr_FR"))
        assert default_paper() == before
    finally:
        QLocale.setDefault(QLocale.system())


def test_page_geometry_leaves_margins_for_header_and_footer(qapp):
    letter = PageGeometry.for_paper("letter")
    a4 = PageGeometry.for_paper("a4")
    assert (letter.width, letter.height) == (816.0, 1056.0)  # 8.5 x 11 in at 96 per inch
    assert a4.width == pytest.approx(793.3, abs=0.1)  # 595 pt
    for page in (letter, a4):
        body = page.body
        assert body.left() > 50 and body.right() < page.width - 50
        assert page.header_line_y < body.top()
        assert page.footer_line_y > body.bottom()
        assert page.footer_line_y < page.height - 40
