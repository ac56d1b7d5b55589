"""Impossible PDF destinations (bad-inputs F11-F13): one clear message, no partial file, the old file kept."""

import errno
import os
import subprocess

import pytest
from pdfcheck import bundled_library

from kit.printing import PdfExportError, export_pdf, suggested_file_name
from kit.printing.export import pdf_problem

HANDOUT = "exit-ticket"


def _export(out):
    return export_pdf([bundled_library().get(HANDOUT)], out, paper="a4")


def test_export_pdf_missing_folder_names_the_folder(qapp, tmp_path):
    out = tmp_path / "nowhere" / "x.pdf"
    with pytest.raises(PdfExportError, match="does not exist") as caught:
        _export(out)
    assert str(out.parent) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_export_pdf_to_a_folder_says_so(qapp, tmp_path):
    with pytest.raises(PdfExportError, match="is a folder"):
        _export(tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_export_pdf_read_only_folder(qapp, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(PdfExportError, match="read-only"):
            _export(folder / "x.pdf")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_export_pdf_permission_denied_while_writing(qapp, tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(PdfExportError, match="read-only"):
        _export(tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_export_pdf_full_disk_keeps_the_old_file(qapp, tmp_path, monkeypatch):
    out = tmp_path / "x.pdf"
    out.write_bytes(b"%PDF-old")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(PdfExportError, match="not enough space"):
        _export(out)
    assert out.read_bytes() == b"%PDF-old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 64 KB file system, where a PDF cannot fit (needs root to mount; skipped otherwise)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_export_pdf_really_full_disk(qapp, tiny_disk):
    old = tiny_disk / "x.pdf"
    old.write_bytes(b"%PDF-old")
    (tiny_disk / "filler").write_bytes(b"\0" * 40_000)
    guide = bundled_library().get("guide-what-is-trafficking")
    with pytest.raises(PdfExportError, match="not enough space"):
        export_pdf([guide], old, paper="a4", edition="teacher")
    assert old.read_bytes() == b"%PDF-old"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler", "x.pdf"]


def test_export_pdf_replaces_an_existing_file_when_complete(qapp, tmp_path):
    out = tmp_path / "x.pdf"
    out.write_bytes(b"old")
    result = _export(out)
    data = out.read_bytes()
    assert pdf_problem(data) is None
    assert result.size == len(data)
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


def test_pdf_problem_spots_truncated_pdfs():
    assert pdf_problem(b"%PDF-1.4\n" + b"x" * 1000 + b"\n%%EOF\n") is None
    assert "truncated" in pdf_problem(b"%PDF-1.4\n" + b"x" * 1000)
    assert "%PDF-" in pdf_problem(b"<html>" + b"x" * 1000 + b"%%EOF")
    assert "bytes" in pdf_problem(b"")


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ('Myths: "true" or false?', "Myths - 'true' or false.pdf"),
        ("a/b\\c|d*e<f>g", "a-b-c-d-e-f-g.pdf"),
        ("CON", "CON handout.pdf"),
        ("...", "handout.pdf"),
        ("Trafficking vs smuggling", "Trafficking vs smuggling.pdf"),
    ],
)
def test_suggested_file_name_is_valid_everywhere(title, name):
    assert suggested_file_name(title) == name
    assert suggested_file_name(title, "teacher").endswith(" (teacher).pdf")
