"""`kit screenshots DIR [--size WxH] [--language fr]`: render the app's main screens to PNG files, offscreen, with
the bundled kit."""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from kit.commands.context import UserError
from kit.core.i18n import INTERFACE_LANGUAGES, QT_TRANSLATE_NOOP, translate

SHOTS = ("library", "search", "reader-light", "reader-dark", "projector", "content-warning", "print-preview")
# Presenting adds these, with the size in the name (kit.ui.present.screenshots).
PRESENT_SHOTS = ("present-audience", "present-presenter", "present-audience-longest-slide")


@dataclass(frozen=True)
class Scenes:
    """The resources and query each screen shows; the French set shows French resources."""

    reader: str
    dark: str
    projector: str
    warning: str
    preview: str
    query: str
    presenting: str  # a resource with facilitator notes, so the presenter view has every pane filled


SCENES = {
    "en": Scenes(
        "what-is-human-trafficking", "myths-and-facts", "warning-signs-sheet", "how-traffickers-recruit-and-control",
        "warning-signs-sheet", "recruit online", "guide-what-is-trafficking",
    ),
    "fr": Scenes(
        "fr-quest-ce-que-la-traite", "fr-mythes-et-realites", "fr-signes-avant-coureurs", "fr-signes-de-la-traite",
        "fr-signes-avant-coureurs", "recrutement en ligne", "fr-quest-ce-que-la-traite",
    ),
}  # fmt: skip


HELP = QT_TRANSLATE_NOOP("Cli", "render the main screens to PNG files (no display needed)")


def add_arguments(parser) -> None:
    parser.add_argument(
        "dir", type=Path, metavar="DIR", help=translate("Cli", "folder for the PNG files (created if missing)")
    )
    parser.add_argument(
        "--size", default="1280x800", metavar="WxH", help=translate("Cli", "window size (default 1280x800)")
    )
    parser.add_argument(
        "--language",
        choices=INTERFACE_LANGUAGES,
        default="en",
        help=translate("Cli", "the interface's language (default en)"),
    )


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{3,4})\s*[xX×]\s*(\d{3,4})\s*", text or "")
    if not match:
        raise UserError(f"--size must look like 1280x800, not '{text}'")
    width, height = int(match.group(1)), int(match.group(2))
    if not (480 <= width <= 3840 and 360 <= height <= 2400):
        raise UserError(f"--size {width}x{height} is out of range (480x360 to 3840x2400)")
    return width, height


def run(args, context) -> int:
    size = parse_size(args.size)
    # The bundled kit (or --resources) only: screenshots show the product, never this teacher's own packs.
    library = context.install_only().library
    try:
        args.dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create {args.dir}: {exc.strerror or exc}") from None
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the QApplication exists: no display needed, same pixels
    os.environ["KIT_LANGUAGE"] = args.language  # the fresh settings below say "system": this is the system's
    with tempfile.TemporaryDirectory(prefix="kit-screenshots-") as scratch:
        written = take_screenshots(context.locations, library, args.dir, size, Path(scratch), SCENES[args.language])
    for path in written:
        print(path)
    return 0


def take_screenshots(
    locations, library, out_dir: Path, size: tuple[int, int], scratch: Path, scenes: Scenes = SCENES["en"]
) -> list[Path]:
    """Drive a real main window through the screens; the user's own settings and cache are never touched."""
    from kit.core.paths import Locations
    from kit.ui.app import create_application, open_window

    app = create_application()
    _quiet_offscreen_warnings()
    # The app as a teacher gets it (note panel, Bookmarks and Lessons menus), with fresh data in the scratch dir.
    fresh = Locations(locations.resource_dirs, scratch / "data", scratch / "cache", scratch / "config")
    window, features = open_window(fresh, library)
    window.resize(*size)
    window.show()
    _wait(app, lambda: window.search_service.is_ready or bool(window.search_service.error), 120)
    written: list[Path] = []

    def shot(name: str) -> None:
        _settle(app)
        path = out_dir / f"{name}.png"
        window.grab().save(str(path))
        written.append(path)

    try:
        window.show_welcome()
        shot("library")

        window.search_panel.field.setText(scenes.query)
        panel = window.search_panel
        _wait(
            app, lambda: panel.results.count() > 0 or "No matches" in panel.status.text() or window.search_service.error
        )
        shot("search")
        window.search_panel.field.clear()

        _open(app, window, scenes.reader)
        shot("reader-light")

        window.set_theme("dark")
        _open(app, window, scenes.dark)
        shot("reader-dark")

        window.set_theme("projector")
        window.set_focus_layout(True)  # F9: what a teacher does before putting the page on the wall
        _open(app, window, scenes.projector)
        shot("projector")

        window.set_focus_layout(False)
        window.set_theme("light")
        window.open_resource(scenes.warning)
        shot("content-warning")

        written.append(_print_preview(app, window, features.printing, out_dir, size, scenes.preview))
    finally:
        window.close()
    from kit.ui.present.screenshots import render_present_screenshots

    written.extend(render_present_screenshots(library, out_dir, size, scenes.presenting))
    return written


def _print_preview(app, window, printing, out_dir: Path, size: tuple[int, int], resource_id: str) -> Path:
    """File → Print Preview of a handout: the real pages, as they will print."""
    from kit.ui.print_dialogs.controller import PrintJob

    _open(app, window, resource_id)
    dialog = printing.preview_job(PrintJob((window.current_resource(),), "student"))
    dialog.resize(*size)
    _settle(app, 1.0)
    path = out_dir / "print-preview.png"
    dialog.grab().save(str(path))
    dialog.close()
    return path


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform warns that it cannot propagate size hints; harmless here, so not printed."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(kind, context, message):
        if not message.startswith("This plugin does not support"):
            if previous is not None:
                previous(kind, context, message)
            else:
                print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def _open(app, window, resource_id: str) -> None:
    window.open_resource(resource_id)
    if window.pages.currentWidget() is window.warning:
        window.warning.continue_button.click()
    title = window.library.get(resource_id).title
    # Past "Preparing the page…" (shown with the title when a page takes a moment on a busy machine).
    _wait(app, lambda: title in window.reader.toPlainText() and "Preparing the page" not in window.reader.toPlainText())
    window.statusBar().clearMessage()


def _settle(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _wait(app, condition, seconds: float = 30) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False
