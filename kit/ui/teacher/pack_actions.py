"""File menu actions for packs: Import Pack…, Export Pack…, Remove Imported Pack… (the teacher's own material:
kit.ui.teacher.material_actions, whose actions are also reachable from here as before)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from kit.core.packs import exporter, importer, installed, own_pack
from kit.core.packs.lessons import lesson_entry, store_pack_lessons
from kit.core.packs.manifest import OwnClash, PackError
from kit.core.store.database import StoreError
from kit.ui.i18n import counted, translate
from kit.ui.messages import tell
from kit.ui.teacher import pack_jobs

# Re-exported: the window's actions, drops and tests reach the material actions here as before the split.
from kit.ui.teacher.material_actions import (  # noqa: F401
    add_material,
    add_material_filter,
    addable,
    added_text,
    ask_audience,
    make_copy,
    update_from_original,
)

# The file dialogs and questions are attributes so tests can answer them without a person.
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
