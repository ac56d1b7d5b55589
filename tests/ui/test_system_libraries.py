"""Before Qt loads its xcb plugin, a missing system library is named with the exact install line, instead of
Qt's abort (exit 134) that blames libxcb-cursor0 whatever is missing."""

import ctypes

import pytest

from kit.cli import main
from kit.ui import system_libraries
from kit.ui.system_libraries import MissingLibraries, require_window_libraries, uses_xcb
from testdata import REPO

X11 = {"DISPLAY": ":0"}


def loader_without(*absent, needs=None):
    """A stand-in for dlopen: `absent` sonames are not installed; `needs` maps a soname to one it links to."""
    needs = needs or {}

    def load(soname):
        for name in (soname, needs.get(soname)):
            if name in absent:
                raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        return object()

    return load


def test_one_missing_library_gives_the_exact_apt_line():
    with pytest.raises(MissingLibraries) as raised:
        require_window_libraries(X11, "linux", loader_without("libxcb-icccm.so.4"))
    lines = str(raised.value).splitlines()
    assert "missing: libxcb-icccm.so.4" in lines[0]
    assert "  Debian/Ubuntu:   sudo apt-get install -y libxcb-icccm4" in lines
    assert any("dnf install -y 'libxcb-icccm.so.4()(64bit)'" in line for line in lines)
    assert any("QT_QPA_PLATFORM=offscreen" in line for line in lines)
    assert raised.value.missing == ["libxcb-icccm.so.4"]


def test_a_library_missing_a_dependency_reports_the_dependency():
    load = loader_without("libxcb-util.so.1", needs={"libxcb-image.so.0": "libxcb-util.so.1"})
    with pytest.raises(MissingLibraries) as raised:
        require_window_libraries(X11, "linux", load)
    assert raised.value.missing == ["libxcb-util.so.1"]
    assert "sudo apt-get install -y libxcb-util1\n" in str(raised.value) + "\n"


def test_nothing_missing_passes():
    require_window_libraries(X11, "linux", loader_without())


def test_the_real_loader_is_dlopen_and_reports_what_is_absent():
    assert isinstance(system_libraries._load("libc.so.6"), ctypes.CDLL)
    with pytest.raises(OSError, match=r"libkit-no-such-library\.so\.7"):
        system_libraries._load("libkit-no-such-library.so.7")


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({"XDG_SESSION_TYPE": "wayland"}, "linux", False),
        ({"XDG_SESSION_TYPE": "x11"}, "linux", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_only_the_xcb_platform_is_checked(environ, platform, expected):
    assert uses_xcb(environ, platform) is expected


def test_kit_prints_the_apt_line_and_exits_1_before_qt(monkeypatch, capsys):
    """The real `kit` path: main → gui → create_application, with one library faked missing."""
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    monkeypatch.setattr(system_libraries, "_load", loader_without("libxcb-keysyms.so.1"))
    assert main([]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kit: cannot open a window:")
    assert "sudo apt-get install -y libxcb-keysyms1\n" in err


def test_readme_set_up_command_installs_every_library_the_check_knows():
    """README's first command is what a newcomer runs on a fresh Debian/Ubuntu: it must install everything the
    check would otherwise ask for, so the check and the README cannot drift apart."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_command = readme.split("```sh\n", 1)[1].split("\n", 1)[0]
    assert first_command.endswith("&& python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/kit")
    installed = first_command.split("sudo apt-get install -y ", 1)[1].split(" && ", 1)[0].split()
    assert set(system_libraries.XCB_LIBRARIES.values()) <= set(installed)
    assert "python3-venv" in installed
