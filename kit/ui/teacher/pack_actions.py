"""File menu actions for the teacher's material: Add Material…, Make a Copy, Import/Export/Remove Pack."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from kit.core.importers import FORMATS
from kit.core.model import AUDIENCE_LABELS, AUDIENCES
from kit.core.packs import exporter, importer, installed, own_documents, own_pack
from kit.core.packs.lessons import lesson_entry, store_pack_lessons
from kit.core.packs.manifest import OwnClash, PackError
from kit.core.store.database import StoreError
from kit.ui.i18n import counted, translate
from kit.ui.messages import tell
from kit.ui.teacher import pack_jobs

# The file dialogs and questions are attributes so tests can answer them without a person.
get_open_file_names = QFileDialog.getOpenFileNames
get_open_file_name = QFileDialog.getOpenFileName
get_save_file_name = QFileDialog.getSaveFileName
get_item = QInputDialog.getItem


def ask_conflict(parent: QWidget, conflict: importer.PackConflict) -> str | None:
    """ "replace", "keep-both" or None (cancel), asked in the teacher's words."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("PackActions", "Pack already here"))
    box.setText(str(conflict)[:1].upper() + str(conflict)[1:] + ".")
    box.setInformativeText(
        translate("PackActions", "Replace keeps the old copy until the new one is checked.")
        if not conflict.bundled
        else translate("PackActions", "A pack that is part of the kit cannot be replaced; you can keep both.")
    )
    if isinstance(conflict, OwnClash):  # the teacher's own material stays first whatever is chosen
        box.setInformativeText(
            translate(
                "PackActions", "Your own resources stay as they are; the pack's resources with the same ids are hidden."
            )
        )
        replace = box.addButton(translate("PackActions", "Import Anyway"), QMessageBox.ButtonRole.AcceptRole)
        both = None
    else:
        replace = (
            box.addButton(translate("PackActions", "Replace"), QMessageBox.ButtonRole.AcceptRole)
            if not conflict.bundled
            else None
        )
        both = box.addButton(translate("PackActions", "Keep Both"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if replace is not None and clicked is replace:
        return "replace"
    return "keep-both" if both is not None and clicked is both else None


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


def _import(path: Path, packs_dir: Path, mode: str, reserved: set[str]) -> importer.ImportResult:
    """Check and install a pack (on a worker thread: a kit-sized pack takes about a second to validate, and
    reading the packs after it held the GUI thread past 100 ms in benchmarks/gui_block_bench.py)."""
    try:
        return importer.import_pack(path, packs_dir, on_conflict=mode, reserved=reserved)
    except PackError:
        raise
    except Exception as exc:  # never lose the message: say it like any refusal
        raise PackError(f"unexpected problem: {exc}") from exc


def import_pack(data, path: str | None = None, mode: str = "ask") -> None:
    """Start importing `path` (asked for when None); the result shows when the import ends."""
    window = data.window
    if pack_jobs.refuse_if_busy(data):  # before any dialog: the teacher would choose for nothing
        return
    if path is None:
        path, _ = get_open_file_name(
            window.dialog_parent(),
            translate("PackActions", "Import Pack"),
            str(Path.home()),
            translate("PackActions", "Kit packs (*.kitpack)"),
        )
        if not path:
            return
    reserved = installed.reserved_ids(data.locations.resource_dirs)
    packs_dir = data.locations.own_packs_dir
    if pack_jobs.change_packs(
        data,
        pack_jobs.IMPORTING,
        lambda: _import(Path(path), packs_dir, mode, reserved),
        lambda result, library: _imported(data, result, library),
        lambda exc: _refused(data, Path(path), exc),
    ):
        window.show_status(translate("PackActions", "Checking {file}…").format(file=Path(path).name), 0)


def _refused(data, path: Path, exc: PackError) -> None:
    window = data.window
    window.show_status("", 1)
    if isinstance(exc, importer.PackConflict):
        mode = ask_conflict(window.dialog_parent(), exc)
        if mode is not None:
            QTimer.singleShot(0, lambda: import_pack(data, str(path), mode))
        return
    data.last_import = None
    tell(
        window.dialog_parent(),
        translate("PackActions", "Pack not imported"),
        translate("PackActions", "{file} was not imported: {error}").format(file=path.name, error=exc),
        error=True,
    )


def _imported(data, result: importer.ImportResult, library) -> None:
    window = data.window
    if result.lessons:
        try:  # the pack's lessons replace what an earlier copy of it brought, in one transaction
            store_pack_lessons(data.store, result.path, result.pack_id, result.lessons)
        except StoreError as exc:
            window.show_status(translate("PackActions", "The pack's lessons were not added: {error}").format(error=exc))
    # Both ways: what of this pack is hidden by what was already there, and what this pack now hides. Told
    # before the library is shown: showing it starts the index and the page on worker threads, and a message
    # box built while they run waited for the interpreter lock at every step (60-110 ms instead of 5, issue 15).
    hidden = [h for h in library.hidden if result.pack_id in (h.pack, h.by_pack)]
    if hidden:
        lines = "\n".join(h.describe() for h in hidden[:8]) + ("\n…" if len(hidden) > 8 else "")
        tell(
            window.dialog_parent(),
            translate("PackActions", "Some resources are hidden"),
            counted(
                len(hidden),
                translate(
                    "PackActions",
                    "{count} resource shares an id with another pack; one of each is shown (your own material "
                    "first, then imported packs in the order you imported them, then the kit):",
                ),
                translate(
                    "PackActions",
                    "{count} resources share an id with another pack; one of each is shown (your own material "
                    "first, then imported packs in the order you imported them, then the kit):",
                ),
            )
            + f"\n{lines}",
        )
    window.set_library(library)
    data.last_import = result.pack_id
    done = (
        translate("PackActions", "Replaced pack '{pack}'")
        if result.replaced
        else translate("PackActions", "Imported pack '{pack}'")
    )
    window.show_status(done.format(pack=result.pack_id), 5000)


def export_choices(data) -> list[tuple[str, list[str], list[dict], str]]:
    """What can be exported: (label, ids, lessons, suggested file stem)."""
    window, store = data.window, data.store
    choices = []
    current = window.library.get(window.current_resource_id() or "")
    if current is not None:
        choices.append(
            (
                translate("PackActions", "This resource: {title}").format(title=current.title),
                [current.id],
                [],
                current.id,
            )
        )
    marked = [rid for rid in store.bookmarks() if window.library.get(rid)]
    if marked:
        choices.append(
            (translate("PackActions", "My bookmarks ({count})").format(count=len(marked)), marked, [], "bookmarks")
        )
    if window.library.pack(own_pack.OWN_PACK_ID):
        choices.append(
            (translate("PackActions", "My material (my own pack)"), [own_pack.OWN_PACK_ID], [], "my-material")
        )
    for lesson in store.lessons():
        ids = [i.resource_id for i in lesson.items if window.library.get(i.resource_id)]
        if ids:
            entry = lesson_entry(
                lesson.title, lesson.class_name, lesson.date, [(i.resource_id, i.minutes) for i in lesson.items]
            )
            choices.append(
                (
                    translate("PackActions", "Lesson: {title}").format(title=lesson.title),
                    list(dict.fromkeys(ids)),
                    [entry],
                    "lesson",
                )
            )
    for pack in window.library.packs:
        if pack.id != own_pack.OWN_PACK_ID:
            choices.append(
                (translate("PackActions", "Whole pack: {title}").format(title=pack.title), [pack.id], [], pack.id)
            )
    return choices


def export_pack(data, choice: int | None = None, out: str | None = None) -> Path | None:
    window = data.window
    choices = export_choices(data)
    if not choices:
        return None
    if choice is None:
        label, ok = get_item(
            window.dialog_parent(),
            translate("PackActions", "Export Pack"),
            translate("PackActions", "What to put in the pack:"),
            [c[0] for c in choices],
            0,
            False,
        )
        if not ok:
            return None
        choice = [c[0] for c in choices].index(label)
    label, ids, lessons, stem = choices[choice]
    if out is None:
        suggested = str(Path.home() / f"{stem}.kitpack")
        out, _ = get_save_file_name(
            window.dialog_parent(),
            translate("PackActions", "Export Pack"),
            suggested,
            translate("PackActions", "Kit packs (*.kitpack)"),
        )
        if not out:
            return None
    target = Path(out) if out.lower().endswith(".kitpack") else Path(out + ".kitpack")
    title = lessons[0]["title"] if lessons else None
    try:
        result = exporter.export_pack(window.library, ids, target, title=title, lessons=lessons)
    except PackError as exc:
        tell(window.dialog_parent(), translate("PackActions", "Pack not exported"), str(exc), error=True)
        return None
    window.show_status(
        counted(
            result.resources,
            translate("PackActions", "Exported {count} resource to {path}"),
            translate("PackActions", "Exported {count} resources to {path}"),
            path=result.path,
        ),
        5000,
    )
    return result.path


def remove_pack(data) -> str | None:
    window = data.window
    if pack_jobs.refuse_if_busy(data):  # before any dialog: the teacher would choose for nothing
        return None
    folders = installed.installed_pack_dirs(data.locations.own_packs_dir)
    names = [f.name for f in folders if f.name != own_pack.OWN_PACK_ID]
    if not names:
        tell(
            window.dialog_parent(),
            translate("PackActions", "Remove Imported Pack"),
            translate("PackActions", "No imported packs."),
        )
        return None
    name, ok = get_item(
        window.dialog_parent(),
        translate("PackActions", "Remove Imported Pack"),
        translate("PackActions", "Pack to remove:"),
        names,
        0,
        False,
    )
    if not ok:
        return None
    packs_dir = data.locations.own_packs_dir

    def removed(_result, library) -> None:
        window.set_library(library)
        window.show_status(translate("PackActions", "Removed pack '{pack}'").format(pack=name), 5000)

    if not pack_jobs.change_packs(
        data,
        pack_jobs.REMOVING,
        lambda: installed.remove_pack(packs_dir, name),
        removed,
        lambda exc: tell(window.dialog_parent(), translate("PackActions", "Pack not removed"), str(exc), error=True),
    ):
        return None
    window.show_status(translate("PackActions", "Removing pack '{pack}'…").format(pack=name), 0)
    return name
