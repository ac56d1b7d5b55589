"""Starting the desktop app: the one place that builds the main window and installs its features.

The window shows first; its widgets, the features (printing, presenting, lessons, the teacher's data) and the
library follow after the first paint, the library and the search index in the background. `kit`, `kit present`,
`kit screenshots` and the UI tests all assemble the app through `build_window` + `install_features`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kit.core.atomic import clean_stale_temp_files
from kit.core.content.loader import load_library
from kit.core.i18n import catalogue
from kit.core.packs import tidy
from kit.core.paths import Locations
from kit.core.settings import check_config_dir, load_settings
from kit.pyside_workarounds import collect_due_garbage, freeze_long_lived, gc_on_gui_thread, protect_singletons
from kit.ui import system_libraries
from kit.ui.i18n import install_translations
from kit.ui.language_menu import install_language_menu
from kit.ui.main_window import MainWindow
from kit.ui.notices import SETTINGS_NOTICE

if TYPE_CHECKING:  # the features' modules load after the first paint (install_features imports them)
    from kit.ui.library.pack_watcher import PackWatcher
    from kit.ui.present.present_actions import PresentActions
    from kit.ui.print_dialogs.controller import PrintController
    from kit.ui.read_aloud.read_aloud_actions import ReadAloudActions
    from kit.ui.reader.caret_browsing import CaretBrowsing
    from kit.ui.reader.reading_options import ReadingOptions
    from kit.ui.reader.structure_navigation import StructureNavigation
    from kit.ui.share.share_actions import ShareActions
    from kit.ui.teacher.lesson_actions import LessonActions
    from kit.ui.teacher.teacher_data import TeacherData

FIRST_PAINT_FALLBACK_MS = 300
# How long a thread may keep the interpreter lock when another wants it (Python's default: 5 ms). Every Qt
# event the GUI thread hands to Python (a paint, a timer, a signal) takes the lock, so while the index or a
# page is prepared on a worker, a repaint waited up to 5 ms per step, and steps queue: 100-200 ms gaps
# after an import (benchmarks/gui_block_bench.py, issue 15). At 1 ms the workers are hardly slower (index build
# and word lists beside a GUI-like thread: 0.22 s against 0.21 s, median of 5).
GUI_SWITCH_INTERVAL_S = 0.001
GC_INTERVAL_MS = 500  # how often the GUI thread runs the garbage collection that has come due


def create_application():
    """The QApplication, named first; Qt never sees the user's arguments (`-platform x` would abort)."""
    system_libraries.require_window_libraries()  # before Qt loads a platform plugin: a clear line, not an abort
    protect_singletons()  # before the first signal or thread-pool job; see kit.pyside_workarounds
    app = QApplication.instance()
    if app is None:
        QApplication.setOrganizationName("Classroom Kit")
        QApplication.setApplicationName("kit")
        QApplication.setApplicationDisplayName("Classroom Kit")
        app = QApplication([sys.argv[0] if sys.argv else "kit"])
        # Garbage is collected on the GUI thread only (see kit.pyside_workarounds.gc_on_gui_thread): each tick
        # runs what Python's collector would have run by now; the start-up heap is frozen once the library shows
        # (freeze_after_first_library), so an old-generation pass stays short (benchmarks/gc_pause_bench.py).
        gc_on_gui_thread()
        collector = QTimer(app)
        collector.setInterval(GC_INTERVAL_MS)
        collector.timeout.connect(collect_due_garbage)
        collector.start()
    return app


@dataclass(frozen=True)
class Features:
    """What the app adds to the bare window; kept by whoever runs the app (and by tests, to drive them)."""

    printing: PrintController
    presenting: PresentActions
    lessons: LessonActions
    teacher: TeacherData
    packs_watcher: PackWatcher
    sharing: ShareActions
    reading: ReadingOptions
    read_aloud: ReadAloudActions
    structure: StructureNavigation
    caret: CaretBrowsing


def favour_gui_thread() -> None:
    """Let the GUI thread get the interpreter lock back quickly from worker threads (never lengthens it)."""
    sys.setswitchinterval(min(sys.getswitchinterval(), GUI_SWITCH_INTERVAL_S))


def build_window(locations: Locations, deferred: bool = False) -> MainWindow:
    """The main window with the user's settings, shown before anything slow; the library loads afterwards."""
    favour_gui_thread()
    settings, notice = load_settings(locations.config_dir)
    # Before any widget takes its words; the language is a setting, so a notice is said again in it.
    if install_translations(QApplication.instance(), settings.language) != "en" and notice:
        notice = load_settings(locations.config_dir)[1]
    window = MainWindow(
        settings=settings, config_dir=locations.config_dir, index_dir=locations.index_dir, deferred=deferred
    )
    notice = notice or check_config_dir(locations.config_dir)
    if notice:
        window.show_notice(notice, key=SETTINGS_NOTICE)
    return window


def install_features(window: MainWindow, locations: Locations, read_only: str | None = None) -> Features:
    """Build the window's widgets if not yet built, then add printing, presenting, lessons and the teacher's
    data (bookmarks, notes, own material, packs). Run packs.tidy before loading the library. `read_only`: why the
    teacher's data must not be written (no lock on the data folder), shown as the store's notice."""
    # Imported here, not at the top: the window shows before these modules load (see run_app).
    from kit.ui.library.pack_watcher import PackWatcher
    from kit.ui.present.present_actions import PresentActions
    from kit.ui.print_dialogs import print_actions
    from kit.ui.read_aloud.read_aloud_actions import ReadAloudActions
    from kit.ui.reader.caret_browsing import CaretBrowsing
    from kit.ui.reader.reading_options import ReadingOptions
    from kit.ui.reader.structure_navigation import StructureNavigation
    from kit.ui.share import share_actions
    from kit.ui.teacher import teacher_data
    from kit.ui.teacher.lesson_actions import LessonActions

    window.build()
    presenting = PresentActions(window)
    printing = print_actions.install(window)
    lessons = LessonActions(window, presenting, printing)
    teacher = teacher_data.install(window, locations, lessons, read_only=read_only)
    window.closing.connect(presenting.end)
    window.closing.connect(printing.shutdown)
    packs_watcher = PackWatcher(window, locations)  # `kit add` or a file manager changing a pack shows at once
    sharing = share_actions.install(window, locations, teacher.store)  # stops itself on window.closing
    install_language_menu(window)  # last in View, after presenting's entries
    printing.share_addresses = sharing.addresses  # the print dialogs offer the running share's QR code
    reading = ReadingOptions(window)
    read_aloud = ReadAloudActions(window, presenting)
    structure = StructureNavigation(window)  # Go → headings (H, Shift+H in the page)
    caret = CaretBrowsing(window)  # View → Caret Browsing (F7), on by itself for a screen reader
    return Features(
        printing, presenting, lessons, teacher, packs_watcher, sharing, reading, read_aloud, structure, caret
    )


def open_window(locations: Locations, library=None) -> tuple[MainWindow, Features]:
    """The whole app window at once (for `kit present`, `kit screenshots` and tests), with `library` shown
    (read from `locations` when None)."""
    window = build_window(locations)
    features = install_features(window, locations)
    if library is None:
        tidy.tidy(locations)
        library = load_library(list(locations.library_roots()))
    window.set_library(library)
    return window, features


def load_library_in_background(window, locations: Locations, tidy_up: bool = True):
    """Read the packs on a worker thread and hand the library to the window; returns the loader object.
    `tidy_up` False (read-only, no lock): leave temp files and half-done pack changes to the copy that owns them."""

    class _Loader(QObject):
        loaded = Signal(object)

    loader = _Loader(window)
    loader.loaded.connect(window.set_library)

    def work() -> None:
        if tidy_up:
            clean_stale_temp_files(locations.config_dir)
            tidy.tidy(locations)  # before loading: an interrupted pack import or removal is undone first
        library = load_library(list(locations.library_roots()))
        for language in {resource.language for resource in library.resources}:
            catalogue(
                language
            )  # a resource's own words (its kind, its printed labels) read here, not on the GUI thread
        loader.loaded.emit(library)

    QThreadPool.globalInstance().start(work)
    return loader


def freeze_after_first_library(window) -> None:
    """Freeze the heap (kit.pyside_workarounds.freeze_long_lived) once the first library is shown and its slots
    have run: what exists then lives as long as the app, and full collections would scan it again and again."""

    def shown(_library) -> None:
        window.library_loaded.disconnect(shown)
        QTimer.singleShot(0, window, freeze_long_lived)  # after the other slots of this library, not before

    window.library_loaded.connect(shown)


def after_first_paint(window, start):
    """Run `start` once the window has painted (or after a short fallback), so reading the packs on another
    thread does not compete with the first screen for the interpreter."""
    started = []

    def go():
        if not started:
            started.append(start())

    class _FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                soon.start(0)
            return False

    # Timers are children of the window, so they can never fire after it is gone.
    soon = QTimer(window, singleShot=True)
    soon.timeout.connect(go)
    fallback = QTimer(window, singleShot=True)
    fallback.timeout.connect(go)
    fallback.start(FIRST_PAINT_FALLBACK_MS)
    window.installEventFilter(_FirstPaint(window))
    return started


def run_app(locations: Locations, claim=None, pack=None) -> int:
    """The app. `claim` (kit.ui.single_instance.claim): this start owns the data folder (it listens for later
    starts) or opens read-only; `pack`: a checked .kitpack path to import once the library shows."""
    from kit.ui import restart
    from kit.ui.single_instance import answer, file_open, message, server

    restart.enable()  # View → Language can offer Restart Now: this start can start the next one
    read_only = claim.read_only if claim is not None else None
    app = create_application()
    window = build_window(locations, deferred=True)
    freeze_after_first_library(window)
    answers = answer.Answers(window)
    file_open.listen_for_opened_files(app, answers)  # macOS: a pack opened from Finder is an event, not argv
    if claim is not None and claim.lock is not None:
        requests = server.RequestServer(claim.server_name, window)
        requests.requested.connect(answers.take)
        window.closing.connect(requests.close)
        if not requests.listen():  # the kit still works; a later start says this one did not answer
            print(f"kit: other starts cannot reach this one: {requests.server.errorString()}", file=sys.stderr)
    window.show()
    if pack is not None:
        answers.take(message.Request(message.IMPORT, pack))

    def finish() -> tuple[Features, object]:
        features = install_features(window, locations, read_only=read_only)
        answers.ready(features.teacher)
        return features, load_library_in_background(window, locations, tidy_up=read_only is None)

    started = after_first_paint(window, finish)  # keeps the features alive while the app runs
    app.aboutToQuit.connect(window.shutdown)  # background work ends before Python tears the objects down
    status = app.exec()
    del started
    if claim is not None and claim.lock is not None:
        claim.lock.unlock()
    restart.start_successor()  # only once the lock is free: the successor must not hand over to this copy
    return status
