"""F4: files of the kit's own install missing or damaged (the reading font, the translation catalogues). The
built-in fallback is used (the standard font, English) and one line on standard error names the file."""

import shutil

import pytest

from kit.core import i18n, install_files
from kit.core.settings import Settings
from kit.ui import i18n as ui_i18n
from kit.ui.reader import reading_style
from testdata import REPO

FONTS = REPO / "resources" / "fonts" / "atkinson-hyperlegible"


@pytest.fixture
def font_folder(tmp_path, monkeypatch):
    """A resources/ folder whose reading-font files the test damages; the font is looked up afresh."""
    resources = tmp_path / "resources"
    folder = resources.joinpath(*reading_style.LEGIBLE_FONT_DIR)
    folder.mkdir(parents=True)
    monkeypatch.setattr(reading_style, "bundled_resources_dir", lambda: resources)
    monkeypatch.setattr(reading_style, "_loaded", {})
    monkeypatch.setattr(install_files, "_told", set())
    return folder


def test_damaged_reading_font_falls_back_to_the_standard_font_and_names_the_file(qapp, font_folder, capsys):
    (font_folder / "AtkinsonHyperlegible_400Regular.ttf").write_bytes(b"\x00\x01\x00\x00" + b"not a font" * 50)
    assert reading_style.legible_family() is None
    err = capsys.readouterr().err
    assert f"kit: cannot use {font_folder / 'AtkinsonHyperlegible_400Regular.ttf'} (missing or damaged)" in err
    assert "the reader keeps the standard font" in err
    css = reading_style.reading_css(Settings(reading_font="legible"))
    assert "font-family" not in css and "line-height" in css  # the page still gets its spacing


def test_missing_reading_font_folder_is_named_once(qapp, font_folder, capsys):
    shutil.rmtree(font_folder)
    assert reading_style.legible_family() is None
    assert reading_style.legible_family() is None
    err = capsys.readouterr().err
    assert err.count("kit: cannot use") == 1 and str(font_folder) in err


def test_one_damaged_style_keeps_the_others(qapp, font_folder, capsys):
    shutil.copy(FONTS / "AtkinsonHyperlegible_400Regular.ttf", font_folder)
    (font_folder / "AtkinsonHyperlegible_700Bold.ttf").write_bytes(b"")  # truncated to nothing
    assert reading_style.legible_family() == "Atkinson Hyperlegible"
    err = capsys.readouterr().err
    assert "AtkinsonHyperlegible_700Bold.ttf" in err and "Regular" not in err


@pytest.fixture
def broken_catalogues(tmp_path, monkeypatch):
    """A translations folder with a damaged French catalogue and no compiled one."""
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "kit_fr.ts").write_text("<TS><context><name>Cli</name><message>", encoding="utf-8")  # cut short
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", folder)
    monkeypatch.setattr(install_files, "_told", set())
    i18n.catalogue.cache_clear()
    yield folder
    i18n.catalogue.cache_clear()


def test_damaged_french_catalogue_leaves_messages_in_english_and_names_it(broken_catalogues, capsys):
    assert i18n.translate_for("fr", "Cli", "open the app (the default)") == "open the app (the default)"
    err = capsys.readouterr().err
    assert f"kit: cannot use {broken_catalogues / 'kit_fr.ts'}" in err and "stay in English" in err


def test_missing_compiled_catalogue_leaves_the_window_in_english_and_names_it(qapp, broken_catalogues, capsys):
    try:
        assert ui_i18n.install_translations(qapp, "fr") == "fr"
        err = capsys.readouterr().err
        assert f"kit: cannot use {broken_catalogues / 'kit_fr.qm'}" in err
        assert "the window's words stay in English" in err
    finally:
        ui_i18n.install_translations(qapp, "en")


def test_the_cli_runs_in_french_with_a_damaged_catalogue(broken_catalogues, capsys, monkeypatch):
    from kit.cli import main

    monkeypatch.setattr(i18n, "_active", ["en"])  # main() sets the process's language: put it back afterwards
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    assert main(["list"]) == 0
    captured = capsys.readouterr()
    assert "what-is-human-trafficking" in captured.out
    assert captured.err.count("kit: cannot use") == 1 and "kit_fr.ts" in captured.err
