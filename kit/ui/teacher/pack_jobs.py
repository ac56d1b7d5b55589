"""One change to the packs at a time (add material, import, update from the original, copy, remove), done and read
back on a worker thread, so the window keeps repainting and taking keys while the library is read again.

While a change runs, the actions that change the packs are off, and a second one asked for by a shortcut or a drop
is refused with a status line: two changes at once could read the library half-way through each other, and the
last one to finish would show a library without the other's work.

`data` is the window's TeacherData (not imported here: it imports this module).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kit.core.content.loader import load_library
from kit.core.i18n import QT_TRANSLATE_NOOP
from kit.core.packs import own_documents
from kit.core.packs.manifest import OWN_PACK_ID
from kit.ui.i18n import translate

# What the teacher is told a change is doing (also the job's kind for Background: a job never supersedes another).
ADDING = QT_TRANSLATE_NOOP("PackJobs", "adding your material")
IMPORTING = QT_TRANSLATE_NOOP("PackJobs", "importing a pack")
UPDATING = QT_TRANSLATE_NOOP("PackJobs", "updating from the original")
COPYING = QT_TRANSLATE_NOOP("PackJobs", "making a copy")
REMOVING = QT_TRANSLATE_NOOP("PackJobs", "removing a pack")


def begin(data, job: str) -> bool:
    """Start `job`, or say what is still running and refuse (False)."""
    if refuse_if_busy(data):
        return False
    data.job = job
    refresh_actions(data)
    return True


def refuse_if_busy(data) -> bool:
    """True (with a status line) when a change is running: a second one must wait."""
    if data.job is None:
        return False
    data.window.show_status(
        translate("PackJobs", "Still {job}: wait for it to finish.").format(job=translate("PackJobs", data.job)), 4000
    )
    return True


def end(data) -> None:
    data.job = None
    refresh_actions(data)


def refresh_actions(data) -> None:
    """Enable what fits the open resource, and nothing that changes the packs while a change runs."""
    idle = data.job is None
    for action in (data.add_action, data.import_action, data.remove_action):
        action.setEnabled(idle)
    resource_id = data.window.current_resource_id()
    resource = data.window.library.get(resource_id) if resource_id and data.window.library else None
    own = resource is not None and resource.pack == OWN_PACK_ID
    data.copy_action.setEnabled(idle and resource is not None)
    data.edit_action.setEnabled(idle and own)
    original = own_documents.original_of(data.locations.own_packs_dir, resource.id) if own else None
    data.update_action.setEnabled(idle and original is not None)


def change_packs(
    data,
    job: str,
    change: Callable[[], Any],
    done: Callable[[Any, Any], None],
    failed: Callable[[BaseException], None],
    *,
    reload: bool = True,
) -> bool:
    """Run `change()` (a write to the packs folder) and then read the library again, both on a worker thread;
    `done(result, library)` or `failed(exc)` follow on the GUI thread after the job has ended (library is None
    when `reload` is False: the caller adds what changed itself). False when another change is running."""
    if not begin(data, job):
        return False
    roots = data.locations.library_roots

    def work() -> tuple[Any, Any]:
        result = change()
        return result, (load_library(list(roots())) if reload else None)

    def succeeded(value: tuple[Any, Any]) -> None:
        end(data)
        data.notes.save()  # a note being typed belongs to the page it was typed on, before the library changes
        done(*value)

    def went_wrong(exc: BaseException) -> None:
        end(data)
        failed(exc)

    data.background.run(work, succeeded, went_wrong, kind=job)
    return True
