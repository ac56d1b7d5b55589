"""The export child's side (kit.printing.export_child): the job as JSON, the PDF written only to the temp file,
and failures as one line that names the teacher's file, never the temp file."""

import errno

import pytest
from pdfcheck import bundled_library

from kit.core.atomic import temp_path_beside
from kit.core.i18n import current_language, set_language
from kit.printing.export_child import ExportJob, job_for, run
from kit.printing.packet import Cover


@pytest.fixture(autouse=True)
def _language_kept():
    """run() sets the interface language, as the child process must; the test process keeps its own."""
    before = current_language()
    yield
    set_language(before)


def _job(tmp_path, ids=("exit-ticket", "glossary"), language="en"):
    library = bundled_library()
    out = tmp_path / "packet.pdf"
    return job_for(
        [library.get(i) for i in ids],
        out,
        temp_path_beside(out),
        edition="teacher",
        paper="letter",
        cover=Cover("Week 4", "8A"),
        language=language,
    )


def test_the_job_survives_its_trip_as_json(tmp_path):
    job = _job(tmp_path, language="fr")
    assert ExportJob.from_json(job.to_json()) == job
    assert job.cover == {"title": "Week 4", "class_name": "8A", "date": "", "teacher": ""}


def test_the_child_writes_only_the_temp_file(qapp, tmp_path):
    job = _job(tmp_path)
    outcome = run(job)
    assert outcome["done"]["pages"] >= 4
    data = (tmp_path / job.temp.rsplit("/", 1)[-1]).read_bytes()
    assert data.startswith(b"%PDF-") and len(data) == outcome["done"]["size"]
    assert not (tmp_path / "packet.pdf").exists()  # the app publishes it, once it knows the export was not cancelled


def test_a_write_failure_names_the_teachers_file(qapp, tmp_path, monkeypatch):
    job = _job(tmp_path, ids=("exit-ticket",))

    def full_disk(path, data):
        open(path, "xb").close()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("kit.core.atomic.write_new_file", full_disk)
    line = run(job)["error"]
    assert "not enough space" in line and "packet.pdf" in line and ".kit-tmp-" not in line
    assert list(tmp_path.iterdir()) == []  # the half-written temp file is gone too
