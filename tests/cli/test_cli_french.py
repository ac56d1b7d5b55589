"""The command line in French under a French locale (LANG=fr_CA, or KIT_LANGUAGE=fr)."""

import pytest

from kit.cli import main
from kit.core import i18n


@pytest.fixture
def french(monkeypatch):
    monkeypatch.setenv("KIT_LANGUAGE", "fr")
    yield
    i18n.set_language("en")  # main() set it for this process


def test_help_is_french(french, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    out = capsys.readouterr().out.replace("\u00a0", " ")  # French puts no-break spaces before colons and in « »
    assert exit_.value.code == 0
    assert out.startswith("utilisation : kit") and "énumérer les ressources" in out and "options" in out


def test_a_mistake_is_said_in_french(french, capsys):
    assert main(["show", "exit-tickets"]) == 1
    assert (
        capsys.readouterr().err.replace("\u00a0", " ")
        == "kit: aucune ressource avec l'identifiant « exit-tickets » — vouliez-vous dire « exit-ticket »?\n"
    )
    with pytest.raises(SystemExit) as exit_:
        main(["list", "--bogus"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.replace("\u00a0", " ")
    assert "erreur : arguments non reconnus : --bogus (voir « kit list --help »)" in err


def test_export_pdf_reports_in_french_and_prints_in_the_resource_language(qapp, french, capsys, tmp_path):
    assert main(["export-pdf", "help-line-card", "-o", str(tmp_path / "card.pdf")]) == 0
    assert capsys.readouterr().out.startswith(f"{tmp_path / 'card.pdf'} écrit (")


def test_the_system_language_decides(monkeypatch, capsys):
    monkeypatch.delenv("KIT_LANGUAGE")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    try:
        assert main(["list", "--kind", "media", "--language", "fr"]) == 0
        assert capsys.readouterr().err == "Aucune ressource ne correspond.\n"
    finally:
        i18n.set_language("en")


def test_figures_on_the_command_line_take_french_marks(french, capsys, monkeypatch, tmp_path):
    """« en 0,53 s », « (919,5 ms) »: a decimal comma, as kit.core.dates_numbers writes French numbers."""
    import re

    monkeypatch.setenv("KIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KIT_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["index"]) == 0
    assert re.search(r" en \d+,\d\d[ \u00a0]s ", capsys.readouterr().out)
    assert main(["search", "signes"]) == 0
    assert re.search(r"\(\d[\d\u00a0]*,\d ms\)$", capsys.readouterr().err.strip())
