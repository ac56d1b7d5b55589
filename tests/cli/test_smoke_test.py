"""`kit --smoke-test` / `kit smoke-test`: passes on a good install, names what it skipped, fails clearly."""

import os
import subprocess
import sys
import types

import pytest

from kit.cli import main
from kit.commands import smoke_test
from testdata import REPO


def test_smoke_test_flag_passes_and_lists_every_step(qapp, capsys):
    assert main(["--smoke-test"]) == 0
    out = capsys.readouterr().out
    steps = ("content", "validate", "render", "qt", "fonts", "image formats", "platform plugins", "modules", "page")
    for step in (*steps, "print support"):
        assert f"ok       {step}" in out
    assert "main window" in out
    assert "smoke test passed:" in out


def test_smoke_test_command_is_the_same_as_the_flag(qapp, capsys):
    assert main(["smoke-test"]) == 0
    assert "smoke test passed:" in capsys.readouterr().out


def test_smoke_test_says_which_optional_steps_ran(qapp, capsys, monkeypatch):
    """Search and PDF are built in parallel: when absent they are skipped by name, not silently."""
    monkeypatch.setattr(
        smoke_test, "_optional_module", lambda name: types.SimpleNamespace() if name == "kit.printing" else None
    )
    assert main(["--smoke-test"]) == 0
    out = capsys.readouterr().out
    assert "skipped  search" in out and "kit.core.search is not in this build" in out
    assert "skipped  pdf" in out and "no export_pdf" in out
    assert "skipped  pdf in a child process" in out
    assert out.rstrip().endswith("skipped: search, pdf, pdf in a child process")


def test_smoke_test_says_when_the_export_child_makes_no_pdf(qapp, capsys, monkeypatch):
    """The step the frozen build needs most: the app's Export PDF starts the kit again as a child."""
    said = 'import sys; sys.stdin.read(); print(\'{"error": "the PDF could not be made: no fonts"}\')'
    monkeypatch.setattr("kit.core.child_process.child_command", lambda name: (sys.executable, ["-c", said]))
    assert main(["--smoke-test"]) == 1
    out = capsys.readouterr().out
    assert "FAILED   pdf in a child process  the export child made no PDF: the PDF could not be made: no fonts" in out


def _fake_printing(monkeypatch, export_pdf):
    real = smoke_test._optional_module
    printing = types.SimpleNamespace(export_pdf=export_pdf)
    monkeypatch.setattr(smoke_test, "_optional_module", lambda name: printing if name == "kit.printing" else real(name))


def test_smoke_test_runs_pdf_export_when_printing_has_it(qapp, capsys, monkeypatch):
    calls = []

    def export_pdf(resources, out_path, *, edition, paper, cover=None, progress=None, cancelled=None):
        calls.append((resources[0].id, edition, paper))
        out_path.write_bytes(b"%PDF-1.4\n...\n%%EOF\n")

    _fake_printing(monkeypatch, export_pdf)
    assert main(["--smoke-test"]) == 0
    assert calls and calls[0][1:] == ("student", "a4")
    assert "ok       pdf" in capsys.readouterr().out


def test_smoke_test_fails_on_a_truncated_pdf(qapp, capsys, monkeypatch):
    def export_pdf(resources, out_path, **kwargs):
        out_path.write_bytes(b"%PDF-1.4\nhalf a file")

    _fake_printing(monkeypatch, export_pdf)
    assert main(["--smoke-test"]) == 1
    captured = capsys.readouterr()
    assert "FAILED   pdf" in captured.out and "no complete PDF" in captured.out
    assert captured.err.strip() == "kit: smoke test failed: pdf"


def test_smoke_test_fails_without_content(qapp, capsys, tmp_path):
    assert main(["--resources", str(tmp_path), "--smoke-test"]) == 1
    captured = capsys.readouterr()
    assert "FAILED   content" in captured.out
    assert "kit: smoke test failed: content" in captured.err


def test_smoke_test_catches_a_missing_platform_plugin(qapp, capsys, monkeypatch):
    """A bundle slimmed too far (no native platform plugin) must fail; faked as Windows, whose plugin is absent here."""
    monkeypatch.setattr(smoke_test.sys, "platform", "win32")
    assert main(["--smoke-test"]) == 1
    out = capsys.readouterr().out
    assert "FAILED   platform plugins" in out and "windows missing" in out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig")
def test_smoke_test_catches_missing_fonts(tmp_path):
    """No fonts on the machine (fontconfig finds none): a clear failure, not a window of empty boxes."""
    config = tmp_path / "fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n')
    env = {**os.environ, "PYTHONPATH": str(REPO), "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "kit", "--smoke-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "FAILED   fonts" in result.stdout and "fonts-dejavu-core" in result.stdout
    assert "kit: smoke test failed:" in result.stderr and "fonts" in result.stderr


def test_smoke_test_fails_when_the_voice_child_cannot_start(qapp, capsys, monkeypatch):
    """Read aloud: the child is started as the app starts it; one that answers nothing fails the install check."""
    pytest.importorskip("PySide6.QtTextToSpeech")
    from kit.ui.read_aloud import voice_command

    monkeypatch.setattr(voice_command, "command", lambda name: (sys.executable, ["-c", "print('not a voice')"]))
    assert main(["--smoke-test"]) == 1
    assert "FAILED   read aloud" in capsys.readouterr().out
