"""Paper: the locale's default (Letter in the US and Canada, A4 elsewhere) and the page geometry."""

import pytest

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


def test_default_paper_reads_the_system_locale(monkeypatch, qapp):
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale("fr_CA"))
    try:
        assert default_paper(None) in ("a4", "letter")  # the system locale, not the default one: never raises
    finally:
        QLocale.setDefault(previous)


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
