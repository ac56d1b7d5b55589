"""Changes show at once: files added, changed or removed in the teacher's packs reload the library and the index.

The packs folder (imported packs and the own pack, where `kit add` writes) is watched with QFileSystemWatcher;
a burst of changes (a pack being unpacked, several files added) is gathered for DEBOUNCE_MS, then compared
with what the library was loaded from, so a change the app made itself (Add Material, an import) is not read
twice. Watchers can miss events (network drives, too many folders), so the same check runs whenever the app
comes back to the foreground. The library is read on a worker thread; the window then shows it and re-indexes.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from kit.core.content.loader import Library, load_library
from kit.core.paths import Locations
from kit.ui.background import Background
from kit.ui.features import Window
from kit.ui.i18n import translate

DEBOUNCE_MS = 300
MAX_WATCHED_FOLDERS = 500  # a pack is a few folders; past this the focus check still notices changes
MAX_WATCHED_FILES = 2000  # in-place edits change a file, not its folder, on some systems
MAX_SNAPSHOT_FILES = 20_000  # bounded work on a packs folder that holds something it should not

Snapshot = frozenset[tuple[str, int, int]]


def packs_snapshot(packs_dir: Path) -> tuple[Snapshot, list[str], list[str]]:
    """(each file's path, size and mtime; the folders; the files) under `packs_dir`, skipping dot-folders
    (an import being staged is not a pack yet)."""
    entries: set[tuple[str, int, int]] = set()
    folders: list[str] = []
    files: list[str] = []
    if not packs_dir.is_dir():
        return frozenset(), folders, files
    for root, dirs, names in os.walk(packs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folders.append(root)
        for name in names:
            path = os.path.join(root, name)
            try:
                info = os.stat(path)
            except OSError:  # removed while we looked: the next change event covers it
                continue
            entries.add((path, info.st_size, info.st_mtime_ns))
            files.append(path)
            if len(entries) >= MAX_SNAPSHOT_FILES:
                return frozenset(entries), folders, files
    return frozenset(entries), folders, files


class PackWatcher(QObject):
    """Reloads `window`'s library when the packs on disk no longer match what it was loaded from."""

    def __init__(self, window: Window, locations: Locations):
        super().__init__(window.dialog_parent())
        self.window, self.locations = window, locations
        self.background = Background(self)
        self.reloads = 0  # how many times the packs changed under the running app
        self._loaded_from: Snapshot | None = None
        self._reloading = False  # a reload was started and its result has not been handled yet
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self.changed)
        self._watcher.fileChanged.connect(self.changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check)
        self._take_disk_soon = QTimer(self)  # the disk is taken on the turn after a library is shown
        self._take_disk_soon.setSingleShot(True)
        self._take_disk_soon.timeout.connect(self._take_disk)
        window.library_loaded.connect(self._library_loaded)
        window.closing.connect(self.shutdown)
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._application_state)
        if window.library is not None:
            self._library_loaded(window.library)

    def changed(self, _path: str = "") -> None:
        self._timer.start()  # restarted by each event of a burst

    def _application_state(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.changed()

    def _library_loaded(self, _library: Library) -> None:
        """Whatever loaded the library (start-up, an import, Add Material, our own reload): remember the disk.
        A reload still running was compared with the disk before this load: an import's own files set it off
        while the import ran, and it would read every pack a second time and show them again as "changed on
        disk" (issue 15: a third worker competing with the window). It is dropped and the disk checked anew,
        also when its work has ended but its result still waits in the event queue (`busy()` is then False, and the
        same packs were shown twice in a row after an import)."""
        if self._reloading:
            self._reloading = False
            self.background.supersede("reload")
            self.changed()
        # On the next turn of the event loop: walking and stating every pack's files took 15-35 ms more of the
        # handler that shows an imported pack (issue 15); a check asked for meanwhile waits for it.
        self._take_disk_soon.start(0)

    def _take_disk(self) -> None:
        self._loaded_from = self._rewatch()

    def _rewatch(self) -> Snapshot:
        snapshot, folders, files = packs_snapshot(self.locations.own_packs_dir)
        watched = self._watcher.directories() + self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)
        # The data folder too: the packs folder itself appears there with the first pack.
        wanted = [str(self.locations.data_dir), *folders[:MAX_WATCHED_FOLDERS], *files[:MAX_WATCHED_FILES]]
        existing = [path for path in wanted if os.path.exists(path)]
        if existing:
            self._watcher.addPaths(existing)
        return snapshot

    def check(self) -> None:
        """Reload on a worker thread when the packs differ from what the shown library was read from."""
        if self._loaded_from is None:
            return  # the first library is still loading; it will take the disk as it is
        if self._take_disk_soon.isActive():
            self._timer.start()  # compared once the disk the shown library came from has been taken
            return
        loaded_from, packs_dir = self._loaded_from, self.locations.own_packs_dir

        def work() -> Library | None:
            if packs_snapshot(packs_dir)[0] == loaded_from:
                return None
            return load_library(list(self.locations.library_roots()))

        self._reloading = True
        self.background.run(work, self._reloaded, self._not_reloaded, kind="reload")

    def _reloaded(self, library: Library | None) -> None:
        self._reloading = False
        if library is None:
            return  # nothing changed (the app regained focus, or a file was touched and put back)
        self.reloads += 1
        self.window.set_library(library)  # re-indexes, reopens the page being read, emits library_loaded
        self.window.show_status(translate("PackWatcher", "The library was updated: your packs changed on disk."))

    def _not_reloaded(self, exc: BaseException) -> None:
        self._reloading = False
        if not isinstance(exc, OSError):  # a folder vanished while it was read
            raise exc  # a bug: shown as one, never swallowed
        self.window.show_status(
            translate("PackWatcher", "Your packs changed on disk but could not be read again: {error}").format(
                error=exc
            )
        )

    def shutdown(self) -> None:
        self._timer.stop()
        self._take_disk_soon.stop()
        self.background.shutdown()
