"""Export PDF from the window runs in a child process (kit.ui.print_dialogs.pdf_process), never on a worker thread
of the app: the teacher's own material and imported packs print as the window shows them, Cancel kills the child
and keeps the old PDF, a failure is one line, and the frozen build's way of starting the child works."""

import os
import signal
import sys
from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from kit.cli import main
from kit.core.paths import resolve_locations
from kit.ui.print_dialogs.controller import PrintJob
from ui.ui_helpers import REPO

OWN_ID, OWN_WORD = "our-field-trip", "quinces"
SHARED_ID, SHARED_WORD = "shared-handout", "marmalade"


@pytest.fixture
def locations(tmp_path):
    """The bundled kit, plus a page the teacher added with `kit add` and a colleague's pack imported."""
    data = tmp_path / "data"
    common = ["--resources", str(REPO / "resources"), "--data-dir", str(data)]
    page = tmp_path / f"{OWN_ID}.md"
    page.write_text(f"# Our field trip\n\nWe will pick {OWN_WORD} in the orchard.\n", encoding="utf-8")
    assert main([*common, "add", str(page)]) == 0
    colleague = tmp_path / "colleague"
    colleague.mkdir()
    (colleague / "pack.yaml").write_text("id: colleague\ntitle: Colleague pack\n", encoding="utf-8")
    (colleague / f"{SHARED_ID}.md").write_text(
        f"---\ntitle: Shared handout\nkind: handout\n---\n## Shared handout\n\nAbout {SHARED_WORD}.\n",
        encoding="utf-8",
    )
    theirs = ["--resources", str(colleague), "--data-dir", str(tmp_path / "theirs")]
    archive = tmp_path / "shared.kitpack"
    assert main([*theirs, "pack", "export", SHARED_ID, "-o", str(archive), "--pack-id", "shared"]) == 0
    assert main([*common, "pack", "import", str(archive)]) == 0
    return resolve_locations([REPO / "resources"], data, environ={})


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages)


def _packet(window, count: int = 12) -> PrintJob:
    return PrintJob(tuple(window.library.resources[:count]), "teacher", None)


def test_the_export_runs_in_another_process(window, features, qtbot, tmp_path):
    resource = window.library.get("exit-ticket")
    out = tmp_path / "ticket.pdf"
    with qtbot.waitSignal(features.printing.exported, timeout=30_000):
        features.printing.export_to(PrintJob((resource,)), out)
        child = features.printing.export_process.pid()
    assert child > 0 and child != os.getpid()
    assert resource.title in _text(out)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kit-tmp-")] == []


def test_own_material_and_an_imported_pack_export_as_the_window_shows_them(window, features, qtbot, tmp_path):
    own, shared = window.library.get(OWN_ID), window.library.get(SHARED_ID)
    assert own is not None and shared is not None  # the window found them where `kit add` and import put them
    job = PrintJob((own, shared, window.library.get("exit-ticket")), "student", None)
    with qtbot.waitSignal(features.printing.exported, timeout=30_000):
        features.printing.export_to(job, tmp_path / "mixed.pdf")
    text = _text(tmp_path / "mixed.pdf")
    assert OWN_WORD in text and SHARED_WORD in text and "Exit ticket" in text


def test_cancel_kills_the_child_and_keeps_the_old_pdf(window, features, qtbot, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "packet.pdf").write_bytes(b"the old file")
    printing = features.printing
    with qtbot.waitSignal(printing.cancelled, timeout=30_000):
        printing.export_to(_packet(window), folder / "packet.pdf")
        export = printing.export_process
        with qtbot.waitSignal(export.progress, timeout=30_000):  # the child is laying out pages now
            pass
        child = export.pid()
        printing._progress_dialog.findChild(QPushButton).click()  # the dialog's Cancel, as the teacher presses it
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # killed (and reaped), not left running to finish a PDF nobody wants
    assert (folder / "packet.pdf").read_bytes() == b"the old file"
    assert sorted(p.name for p in folder.iterdir()) == ["packet.pdf"]
    assert not printing.exporting


def test_a_failure_in_the_child_is_one_line(window, features, qtbot, tmp_path):
    own = window.library.get(OWN_ID)
    own.path.unlink()  # removed on disk after the window read it
    with qtbot.waitSignal(features.printing.failed, timeout=30_000) as failed:
        features.printing.export_to(PrintJob((own,)), tmp_path / "gone.pdf")
    line = failed.args[0]
    assert OWN_ID in line and "\n" not in line and "Traceback" not in line
    box = features.printing.dialog
    assert isinstance(box, QMessageBox) and box.text() == line
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".kit-tmp-*")) == []


def test_a_child_that_dies_is_one_line_and_leaves_nothing(window, features, qtbot, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with qtbot.waitSignal(features.printing.failed, timeout=30_000) as failed:
        features.printing.export_to(_packet(window), folder / "packet.pdf")
        export = features.printing.export_process
        with qtbot.waitSignal(export.progress, timeout=30_000):
            pass
        os.kill(export.pid(), signal.SIGKILL)  # what an out-of-memory killer or a crash in Qt would do
    assert "stopped unexpectedly" in failed.args[0] and "\n" not in failed.args[0]
    assert list(folder.iterdir()) == []


def test_the_frozen_executable_starts_the_child_with_the_hidden_argument(
    window, features, qtbot, tmp_path, monkeypatch
):
    """A PyInstaller build has no Python to run `-m kit`: the child is the `kit` executable itself, whose entry
    script is installer/launch.py. A stand-in executable runs that script the same way."""
    frozen_kit = tmp_path / "kit"
    frozen_kit.write_text(
        f'#!/bin/sh\nPYTHONPATH="{REPO}" exec "{sys.executable}" "{REPO / "installer" / "launch.py"}" "$@"\n'
    )
    frozen_kit.chmod(0o755)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(frozen_kit))
    with qtbot.waitSignal(features.printing.exported, timeout=30_000):
        features.printing.export_to(PrintJob((window.library.get("exit-ticket"),)), tmp_path / "frozen.pdf")
    assert features.printing.export_process is None and "Exit ticket" in _text(tmp_path / "frozen.pdf")


def test_no_part_of_the_window_lays_a_pdf_out_itself():
    """Counted, not timed: the window's only way to make a PDF is the child (a worker thread deadlocked)."""
    callers = [
        path.relative_to(REPO)
        for path in (REPO / "kit" / "ui").rglob("*.py")
        if any(call in path.read_text(encoding="utf-8") for call in ("export_pdf(", "pdf_bytes(", "render_pdf("))
    ]
    assert callers == []
