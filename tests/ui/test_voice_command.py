"""Read aloud's voice child starts from a Python install (`python -m …`) and from the installed, frozen app
(its own program with a hidden argument): kit.ui.read_aloud.voice_command, and kit.__main__ taking the argument."""

import sys

import pytest

import kit.__main__
from kit.ui.read_aloud import voice_command, voice_process


def test_from_python_the_child_is_the_module():
    program, arguments = voice_command.command("speechd", executable="/venv/bin/python", frozen=False)
    assert (program, arguments) == ("/venv/bin/python", ["-m", "kit.ui.read_aloud.voice_process", "speechd"])
    assert voice_process.__name__ == voice_command.MODULE


def test_frozen_the_child_is_the_kit_itself_with_the_hidden_argument(monkeypatch, tmp_path):
    """sys.frozen set (PyInstaller): no `-m`, which the frozen program would read as a kit command."""
    kit = tmp_path / "kit"
    kit.write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(kit))
    assert voice_command.command("speechd") == (str(kit), ["--read-aloud-voice-process", "speechd"])


def test_frozen_windowed_program_starts_its_console_sibling(tmp_path):
    """Windows and macOS freeze a windowed kit and a console kit-cli: the child, which talks over its standard input
    and output, is the console one; without one (Linux) it is the program itself."""
    (tmp_path / "kit.exe").write_text("")
    (tmp_path / "kit-cli.exe").write_text("")
    program, _ = voice_command.command("sapi", executable=str(tmp_path / "kit.exe"), frozen=True)
    assert program == str(tmp_path / "kit-cli.exe")


def test_the_entry_point_runs_the_child_for_the_hidden_argument_only(monkeypatch):
    ran = []
    monkeypatch.setattr(voice_process, "main", lambda argv: ran.append(argv) or 7)
    assert kit.__main__.main(["--read-aloud-voice-process", "mock"]) == 7
    assert ran and ran[0][1:] == ["mock"]
    with pytest.raises(SystemExit):  # anywhere else it is no option of the kit's: the parser refuses it
        kit.__main__.main(["list", "--read-aloud-voice-process"])
    assert len(ran) == 1


@pytest.mark.parametrize("frozen", [False, True])
def test_the_child_answers_through_the_command_it_builds(qtbot, monkeypatch, frozen, tmp_path):
    """Start the child with the command as the app would, with Qt's mock engine: it says it is ready. Frozen, the
    "program" is a stand-in that runs `python -m kit` with the same arguments, as the frozen kit's entry point does."""
    pytest.importorskip("PySide6.QtTextToSpeech")
    from kit.ui.read_aloud.engine import VoiceProcess

    if frozen:
        stand_in = tmp_path / "kit"
        stand_in.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kit "$@"\n')
        stand_in.chmod(0o755)
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        monkeypatch.setattr(sys, "executable", str(stand_in))
    voice = VoiceProcess("mock")
    try:
        qtbot.waitUntil(voice.is_ready, timeout=30_000)
        assert voice.problem() is None, voice.problem()
    finally:
        voice.shutdown()
