"""Export PDF in a process of its own: `kit --kit-child export-pdf`, given the job as JSON on standard input.

Laying out and painting QTextDocuments on a worker thread of the app deadlocked with the GUI thread (PySide:
the worker held the interpreter inside a Qt call while the GUI thread held a Qt lock and waited for the
interpreter; docs/bounded-work.md). Here the layout runs on this process's own main thread, and the window's
interpreter is never held. The app side is kit.ui.print_dialogs.pdf_process.

  app → child, standard input (then closed): one `ExportJob` as JSON.
  child → app, standard output, one JSON object a line:
      {"progress": [pages done, pages in all]} …, then {"done": {"pages": n, "size": bytes}} or {"error": "one line"}
The child writes the PDF to `job.temp` (a new file beside the target) and never touches the target: the app
renames the temp file over it once "done" arrives, and removes it when it kills the child (Cancel, closing).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kit.core.errors import KitError
from kit.core.i18n import translate


@dataclass(frozen=True)
class ExportJob:
    """Everything the child needs to print what the window shows, found the way the window found it."""

    # (resource id, its pack's folder), in print order: the child reads those packs with the library's own
    # loader, so the teacher's own material, imported packs and the bundled kit all resolve as in the window.
    resources: tuple[tuple[str, str], ...]
    target: str  # the PDF the teacher chose (named in messages; written by the app, not the child)
    temp: str  # where the child writes the PDF (kit.core.atomic.temp_path_beside(target))
    edition: str = "student"
    paper: str = "a4"
    cover: dict[str, str] | None = None  # kit.printing.Cover's fields
    share_urls: dict[str, str] = field(default_factory=dict)
    language: str = "en"  # the interface language: a packet in mixed languages prints its words in it

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> ExportJob:
        data = json.loads(text)
        data["resources"] = tuple((str(rid), str(folder)) for rid, folder in data["resources"])
        return cls(**data)


def job_for(
    resources: Sequence,
    target: Path,
    temp: Path,
    *,
    edition: str,
    paper: str,
    cover=None,
    share_urls=None,
    language: str = "en",
) -> ExportJob:
    """The job for `resources` (kit.core.model.Resource) as the window holds them."""
    return ExportJob(
        resources=tuple((r.id, str(r.pack_dir)) for r in resources),
        target=str(target),
        temp=str(temp),
        edition=edition,
        paper=paper,
        cover=asdict(cover) if cover is not None else None,
        share_urls=dict(share_urls or {}),
        language=language,
    )


def load_job(job: ExportJob):
    """(resources in order, packs by id) read from the job's pack folders; KitError when one has gone."""
    from kit.core.content.loader import load_library

    libraries = {}
    for folder in dict.fromkeys(folder for _id, folder in job.resources):
        libraries[folder] = load_library([Path(folder)])  # one pack each: an id resolves inside its own pack
    resources = []
    for resource_id, folder in job.resources:
        resource = libraries[folder].get(resource_id)
        if resource is None:
            raise KitError(
                translate("PdfExport", "the PDF could not be made: '{id}' is no longer in '{folder}'").format(
                    id=resource_id, folder=folder
                )
            )
        resources.append(resource)
    packs = {pack.id: pack for library in libraries.values() for pack in library.packs}
    return resources, packs


def send(message: dict) -> None:
    # A windowed frozen build (Windows) may start with no sys.stdout even though the app gave it a pipe.
    stream = sys.stdout if sys.stdout is not None else open(1, "w", closefd=False)  # noqa: SIM115
    stream.write(json.dumps(message) + "\n")
    stream.flush()


def run(job: ExportJob) -> dict:
    """Make the PDF into `job.temp`; the last message to send ("done" or "error")."""
    from kit.core.atomic import write_new_file
    from kit.core.i18n import set_language
    from kit.printing.app import ensure_gui_application
    from kit.printing.export import describe_write_error, pdf_bytes
    from kit.printing.packet import Cover

    set_language(job.language)
    try:
        resources, packs = load_job(job)
        ensure_gui_application()
        data, pages = pdf_bytes(
            resources,
            edition=job.edition,
            paper=job.paper,
            cover=Cover(**job.cover) if job.cover is not None else None,
            progress=lambda done, total: send({"progress": [done, total]}),
            packs=packs,
            share_urls=job.share_urls,
        )
    except KitError as exc:  # PdfExportError included: already one line for the teacher
        return {"error": str(exc)}
    try:
        write_new_file(job.temp, data)
    except OSError as exc:
        Path(job.temp).unlink(missing_ok=True)
        return {"error": describe_write_error(exc, Path(job.target), len(data))}
    return {"done": {"pages": pages, "size": len(data)}}


def main(argv: list[str]) -> int:
    try:
        job = ExportJob.from_json(sys.stdin.read())
    except (ValueError, KeyError, TypeError) as exc:
        problem = f"{type(exc).__name__}: {exc}"  # only a bug in the app could send a bad job
        send({"error": translate("PdfExport", "the PDF could not be made: {problem}").format(problem=problem)})
        return 2
    try:
        outcome = run(job)
    except Exception as exc:  # a bug: still one line for the teacher (the traceback goes to standard error)
        import traceback

        traceback.print_exc()
        problem = f"{type(exc).__name__}: {exc}"
        outcome = {"error": translate("PdfExport", "the PDF could not be made: {problem}").format(problem=problem)}
    send(outcome)
    return 0 if "done" in outcome else 1
