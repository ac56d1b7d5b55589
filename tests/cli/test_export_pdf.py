"""`kit export-pdf`, run as a teacher would from a terminal with no display: PDFs out, clear errors, nothing left."""

import os
import subprocess
import sys

import pypdf

from testdata import REPO


def kit(*args, cwd, env=None):
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    environment.pop("DISPLAY", None)
    environment.pop("WAYLAND_DISPLAY", None)
    environment.pop("QT_QPA_PLATFORM", None)  # the command must go headless by itself
    return subprocess.run(
        [sys.executable, "-m", "kit", *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=120
    )


def _assert_one_clear_line(result):
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kit: ")
    assert "Traceback" not in result.stderr


def test_export_pdf_one_resource_letter(tmp_path):
    result = kit("export-pdf", "exit-ticket", "-o", "ticket.pdf", "--paper", "letter", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ticket.pdf" in result.stdout
    reader = pypdf.PdfReader(str(tmp_path / "ticket.pdf"))
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {(612, 792)}
    assert "page 1 of" in reader.pages[0].extract_text().replace("\t", " ")


def test_export_pdf_several_ids_make_a_packet_in_teacher_edition(tmp_path):
    result = kit(
        "export-pdf",
        "help-line-card",
        "guide-what-is-trafficking",
        "-o",
        "packet.pdf",
        "--edition",
        "teacher",
        "--paper",
        "a4",
        "--title",
        "Week 2",
        "--class-name",
        "9C",
        "--teacher",
        "Mr. Roy",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(str(tmp_path / "packet.pdf"))
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Week 2" in cover and "Class: 9C" in cover and "Teacher: Mr. Roy" in cover
    assert "Contents" in reader.pages[1].extract_text()
    assert {round(float(p.mediabox.width)) for p in reader.pages} == {595}
    whole = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Teacher only" in whole


def test_export_pdf_adds_pdf_to_a_name_without_it_and_says_so(tmp_path):
    result = kit("export-pdf", "exit-ticket", "-o", "ticket", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "kit: adding .pdf: writing ticket.pdf\n"
    assert result.stdout.startswith("wrote ticket.pdf (")
    assert [path.name for path in tmp_path.iterdir()] == ["ticket.pdf"]
    assert len(pypdf.PdfReader(str(tmp_path / "ticket.pdf")).pages) >= 1


def test_export_pdf_missing_folder_exits_1_and_leaves_nothing(tmp_path):
    result = kit("export-pdf", "exit-ticket", "-o", "missing/x.pdf", cwd=tmp_path)
    _assert_one_clear_line(result)
    assert "does not exist" in result.stderr and "missing" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_pdf_to_a_folder_exits_1(tmp_path):
    (tmp_path / "out").mkdir()
    result = kit("export-pdf", "exit-ticket", "-o", "out", cwd=tmp_path)
    _assert_one_clear_line(result)
    assert "is a folder" in result.stderr
    assert list((tmp_path / "out").iterdir()) == []


def test_export_pdf_unknown_id_exits_1_and_writes_nothing(tmp_path):
    result = kit("export-pdf", "exit-ticket", "no-such-thing", "-o", "x.pdf", cwd=tmp_path)
    _assert_one_clear_line(result)
    assert "no-such-thing" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_pdf_needs_an_output(tmp_path):
    result = kit("export-pdf", "exit-ticket", cwd=tmp_path)
    assert result.returncode == 2
    assert "-o" in result.stderr
