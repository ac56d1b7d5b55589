"""File menu actions for the teacher's own material: Add Material…, Update from Original…, Make a Copy.

Each changes My material (kit.core.packs.own_pack, own_documents) off the GUI thread through pack_jobs, one change at
a time; the packs themselves (import, export, remove) are kit.ui.teacher.pack_actions.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from kit.core.importers import FORMATS
from kit.core.model import AUDIENCE_LABELS, AUDIENCES
from kit.core.packs import own_documents, own_pack
from kit.ui.i18n import counted, translate
from kit.ui.messages import tell
from kit.ui.teacher import pack_jobs

# The file dialogs and questions are attributes so tests can answer them without a person.
get_open_file_names = QFileDialog.getOpenFileNames
get_open_file_name = QFileDialog.getOpenFileName


def add_material_filter() -> str:
    """All addable files first, then one filter per format (Qt's `Name (*.a *.b);;...` syntax)."""
    formats: dict[str, list[str]] = {translate("PackActions", "Markdown or text"): [*own_pack.TEXT_SUFFIXES]}
    for suffix, (_, name) in FORMATS.items():
        formats.setdefault(name, []).append(suffix)
    every = " ".join(f"*{s}" for suffixes in formats.values() for s in suffixes)
    each = [f"{name} ({' '.join(f'*{s}' for s in suffixes)})" for name, suffixes in formats.items()]
    return ";;".join([translate("PackActions", "All material ({patterns})").format(patterns=every), *each])


def added_text(count: int) -> str:
    return counted(
        count,
        translate("PackActions", "Added {count} resource to My material"),
        translate("PackActions", "Added {count} resources to My material"),
    )


def _ask_audience(parent: QWidget) -> tuple[str, ...] | None:
    """Who the teacher's own material is for (asked once, at the first Add Material); None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("PackActions", "Add Material"))
    dialog.setMinimumWidth(360)
    layout = QVBoxLayout(dialog)
    label = QLabel(
        translate(
            "PackActions",
            "Who is your material for? The kit remembers your answer; Edit My Resource changes it for one.",
        )
    )
    label.setWordWrap(True)
    layout.addWidget(label)
    boxes = {}
    for audience in AUDIENCES:
        boxes[audience] = QCheckBox(translate("Model", AUDIENCE_LABELS[audience]))
        layout.addWidget(boxes[audience])
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return tuple(a for a, box in boxes.items() if box.isChecked()) or ("educators",)


ask_audience = _ask_audience  # an attribute, like the file dialogs above, so tests can answer it


def addable(path: Path) -> bool:
    """A file Add Material takes (by its extension), or a folder (its addable files are added)."""
    return path.is_dir() or path.suffix.lower() in (*own_pack.TEXT_SUFFIXES, *FORMATS)


def add_material(data, paths: list[Path] | None = None) -> None:
    """Add files or folders (asked for when None, or dropped on the window) to My material, in the background
    with a progress dialog that can cancel (what finished stays); a summary says what was simplified or refused."""
    window = data.window
    if pack_jobs.refuse_if_busy(data):
        return
    if paths is None:
        files, _ = get_open_file_names(
            window.dialog_parent(), translate("PackActions", "Add Material"), str(Path.home()), add_material_filter()
        )
        paths = [Path(f) for f in files]
    if not paths:
        return
    audience = window.settings.material_audience
    if not audience:
        audience = ask_audience(window.dialog_parent())
        if audience is None:
            return
        window.update_settings(material_audience=audience)
    taken = {r.id for r in window.library.resources} if window.library is not None else set()
    packs_dir = data.locations.own_packs_dir
    progress = QProgressDialog(
        translate("PackActions", "Adding your material…"),
        translate("PackActions", "Cancel"),
        0,
        0,
        window.dialog_parent(),
    )
    progress.setWindowTitle(translate("PackActions", "Add Material"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)  # one small file finishes before a dialog would flash up
    cancel = threading.Event()
    progress.canceled.connect(cancel.set)
    if not pack_jobs.begin(data, pack_jobs.ADDING):  # a job started while the dialogs were open
        progress.deleteLater()
        return
    data.add_progress.connect(lambda done, total, name: _show_progress(progress, done, total, name))

    def finished() -> None:
        pack_jobs.end(data)
        data.add_progress.disconnect()
        progress.reset()
        progress.deleteLater()

    data.background.run(
        lambda: own_pack.add_paths(
            paths,
            packs_dir,
            taken,
            progress=lambda done, total, path: data.add_progress.emit(done, total, path.name),
            cancelled=cancel.is_set,
            audience=audience,
        ),
        lambda result: finished() or _added(data, *result, stopped=cancel.is_set()),
        lambda exc: (
            finished() or tell(window.dialog_parent(), translate("PackActions", "Nothing added"), str(exc), error=True)
        ),
        kind=pack_jobs.ADDING,
    )


def _show_progress(dialog: QProgressDialog, done: int, total: int, name: str) -> None:
    dialog.setMaximum(total)
    dialog.setValue(done)
    dialog.setLabelText(
        translate("PackActions", "Adding {name} ({number} of {total})…").format(name=name, number=done + 1, total=total)
    )


def _added(data, added: list, refused: list[str], *, stopped: bool) -> None:
    """Show what was added at once, and say what was simplified, refused or left when cancelled."""
    window = data.window
    data.last_added = [a.resource_id for a in added]
    if added:
        data.notes.save()
        library = own_pack.with_added(window.library, added, data.locations.own_packs_dir)
        window.set_library(library, select=added[0].resource_id)
        window.show_status(added_text(len(added)), 5000)
    simplified = [f"{a.resource_id}: {note}" for a in added for note in a.simplified]
    if not (refused or simplified or stopped):
        return
    parts = [added_text(len(added)) + "."]
    if stopped:
        parts.append(translate("PackActions", "Stopped when you pressed Cancel; what was added before stays."))
    if simplified:
        parts.append(
            translate("PackActions", "Simplified:")
            + "\n"
            + "\n".join(simplified[:12])
            + ("\n…" if len(simplified) > 12 else "")
        )
    if refused:
        parts.append(
            translate("PackActions", "Not added:")
            + "\n"
            + "\n".join(refused[:12])
            + ("\n…" if len(refused) > 12 else "")
        )
    tell(window.dialog_parent(), translate("PackActions", "Add Material"), "\n\n".join(parts), error=bool(refused))


def update_from_original(data, path: str | None = None) -> None:
    """Import the Word/PowerPoint/PDF… file of the open own resource again, after the teacher edited it: the
    edited file is asked for (it becomes the kept original); the teacher's front matter stays."""
    window = data.window
    if pack_jobs.refuse_if_busy(data):  # before any dialog: the teacher would choose for nothing
        return
    resource_id = window.current_resource_id()
    original = own_documents.original_of(data.locations.own_packs_dir, resource_id) if resource_id else None
    if original is None:
        window.show_status(
            translate(
                "PackActions", "This resource was not imported from a document, so there is nothing to update from."
            )
        )
        return
    if path is None:
        suffix = original.suffix.lower()
        path, _ = get_open_file_name(
            window.dialog_parent(),
            translate("PackActions", "Update from Original"),
            str(Path.home()),
            f"{original.name} ({'*' + suffix})",
        )
        if not path:
            return
    packs_dir = data.locations.own_packs_dir

    def updated(result, library) -> None:
        window.set_library(library, select=result.resource_id)
        window.show_status(translate("PackActions", "Updated from {file}").format(file=Path(path).name), 5000)

    if pack_jobs.change_packs(
        data,
        pack_jobs.UPDATING,
        lambda: own_documents.update_from_original(packs_dir, resource_id, source=Path(path)),
        updated,
        lambda exc: tell(window.dialog_parent(), translate("PackActions", "Not updated"), str(exc), error=True),
    ):
        window.show_status(translate("PackActions", "Updating from {file}…").format(file=Path(path).name), 0)


def make_copy(data) -> bool:
    """Copy the open resource into My material (on a worker thread: it renders both editions for the pictures);
    the copy opens when it is written. False when there is nothing to copy or another change is running."""
    window = data.window
    resource = window.library.get(window.current_resource_id() or "")
    if resource is None:
        return False
    taken = {r.id for r in window.library.resources}
    packs_dir = data.locations.own_packs_dir

    def copied(added, _library) -> None:
        window.set_library(own_pack.with_added(window.library, [added], packs_dir), select=added.resource_id)
        window.show_status(translate("PackActions", "Copied into My material: edit the file to adapt it"), 5000)

    return pack_jobs.change_packs(
        data,
        pack_jobs.COPYING,
        lambda: own_pack.make_copy(resource, packs_dir, taken),
        copied,
        lambda exc: tell(window.dialog_parent(), translate("PackActions", "No copy made"), str(exc), error=True),
        reload=False,  # one new file: added to the library as Add Material does, without reading every pack
    )
