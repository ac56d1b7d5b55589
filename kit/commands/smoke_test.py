"""`kit smoke-test` (also `kit --smoke-test`): prove this install works, offscreen, in a few seconds.

Installers run it after every build, from the unpacked bundle, so a missing Qt plugin, library or font
fails the build instead of reaching a teacher. Steps for features not in this build (search, PDF export)
are reported as skipped, by name, so the output says exactly what was checked.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kit.core.i18n import QT_TRANSLATE_NOOP

# The generic names Qt answers with even when fontconfig found no font at all.
_FONT_ALIASES = {"Monospace", "Sans Serif", "Serif"}
_IMAGE_FORMATS = ("png", "jpeg", "gif")
# The platform plugin each desktop needs; offscreen is what this test itself runs on.
_NO_ENGINE = "kit-smoke-test"  # a speech engine name no system has (the read-aloud step)
_NATIVE_PLATFORMS = {"linux": ("xcb", "wayland"), "win32": ("windows",), "darwin": ("cocoa",)}


class Skipped(Exception):
    """This build has no such feature: reported, not a failure."""


class Failed(Exception):
    """The install is broken: one line saying what is missing and, where we know, how to fix it."""


@dataclass(frozen=True)
class StepResult:
    name: str
    status: str  # ok | skipped | FAILED
    detail: str


HELP = QT_TRANSLATE_NOOP("Cli", "check this install works (offscreen: content, Qt, fonts, page, search, PDF) and exit")


def add_arguments(parser) -> None:
    """No options: it checks this install as it is."""


def run(args, context) -> int:
    # Offscreen whatever the desktop: the test must run the same over SSH, in CI and on a teacher's laptop.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # The install, not the teacher's data: a broken imported pack must not fail an installer's check.
    results = run_steps(context.install_only())
    width = max(len(r.name) for r in results)
    for result in results:
        print(f"{result.status:<7}  {result.name:<{width}}  {result.detail}")
    failed = [r.name for r in results if r.status == "FAILED"]
    if failed:
        print(f"kit: smoke test failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    ran = [r.name for r in results if r.status == "ok"]
    skipped = [r.name for r in results if r.status == "skipped"]
    print(f"smoke test passed: {len(ran)} steps ran" + (f"; skipped: {', '.join(skipped)}" if skipped else ""))
    return 0


def run_steps(context) -> list[StepResult]:
    state: dict = {"context": context}
    steps: list[tuple[str, Callable[[dict], str]]] = [
        ("content", _content),
        ("validate", _validate),
        ("render", _render),
        ("qt", _qt),
        ("fonts", _fonts),
        ("image formats", _image_formats),
        ("platform plugins", _platform_plugins),
        ("modules", _modules),
        ("print support", _print_support),
        ("page", _page),
        ("main window", _main_window),
        ("search", _search),
        ("pdf", _pdf),
        ("pdf in a child process", _pdf_child),
        ("read aloud", _read_aloud),
    ]
    results = []
    for name, step in steps:
        try:
            results.append(StepResult(name, "ok", step(state)))
        except Skipped as exc:
            results.append(StepResult(name, "skipped", str(exc)))
        except Failed as exc:
            results.append(StepResult(name, "FAILED", str(exc)))
        except Exception as exc:  # a broken install raises anything (ImportError for a missing library...)
            results.append(StepResult(name, "FAILED", f"{type(exc).__name__}: {exc}"))
    return results


def _needs(state: dict, key: str):
    if key not in state:
        raise Failed(f"not run: an earlier step failed ({key} missing)")
    return state[key]


def _content(state: dict) -> str:
    roots = list(state["context"].library_roots())
    if not roots:
        raise Failed("no resources found: the bundled kit is missing")
    library = state["context"].library
    if not library.resources:
        raise Failed(f"no resources loaded from {', '.join(map(str, roots))}")
    state["library"] = library
    return f"{len(library.resources)} resources in {len(library.packs)} pack(s) from {roots[0]}"


def _validate(state: dict) -> str:
    from kit.core.validate import validate

    report = validate(list(state["context"].library_roots()))
    if not report.clean:
        raise Failed(f"{report.summary()}; first: {report.problems[0]}")
    return report.summary()


def _render(state: dict) -> str:
    from kit.core.render import markup

    resource = _needs(state, "library").resources[0]
    rendered = markup.render(resource, "student")
    if not rendered.html.strip():
        raise Failed(f"{resource.id} rendered to nothing")
    state["resource"], state["html"] = resource, rendered.html
    return f"{resource.id}: {len(rendered.html)} characters of HTML"


def _qt(state: dict) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from kit.ui.app import create_application

    state["app"] = create_application()
    return f"Qt {qVersion()}, PySide6 {pyside_version}, platform {state['app'].platformName()}"


def _fonts(state: dict) -> str:
    from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

    _needs(state, "app")
    real = [f for f in QFontDatabase.families() if f not in _FONT_ALIASES]
    family = QFontInfo(QFont()).family()
    if not real or not family:
        raise Failed("no fonts found: install a font package (Debian/Ubuntu: fonts-dejavu-core) and fontconfig")
    return f"{len(real)} families; default {family}"


def _image_formats(state: dict) -> str:
    from PySide6.QtGui import QImageReader

    _needs(state, "app")
    supported = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = [f for f in _IMAGE_FORMATS if f not in supported]
    if missing:
        raise Failed(f"Qt cannot read {', '.join(missing)} images (imageformats plugins missing)")
    return ", ".join(_IMAGE_FORMATS)


def _platform_plugins(state: dict) -> str:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    present = {_plugin_name(p.name) for p in folder.glob("*")} if folder.is_dir() else set()
    key = "linux" if sys.platform.startswith("linux") else sys.platform
    missing = [name for name in _NATIVE_PLATFORMS.get(key, ()) if name not in present]
    if missing:
        raise Failed(f"platform plugin(s) {', '.join(missing)} missing in {folder}: the app could not open a window")
    return ", ".join(sorted(present))


def _modules(state: dict) -> str:
    """Import every module of the kit: a library or module the freeze left out fails here, not on a click."""
    import pkgutil

    import kit

    _needs(state, "app")
    names = [m.name for m in pkgutil.walk_packages(kit.__path__, "kit.", onerror=_raise)]
    for name in names:
        importlib.import_module(name)
    if len(names) < 10:
        raise Failed(f"only {len(names)} kit modules found: the bundle is incomplete")
    return f"{len(names)} kit modules import"


def _raise(name: str) -> None:
    raise Failed(f"cannot import {name}")


def _print_support(state: dict) -> str:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    _needs(state, "app")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    detail = f"{len(QPrinterInfo.availablePrinterNames())} printer(s) visible"
    if sys.platform.startswith("linux"):  # printing to a real printer goes through Qt's CUPS plugin
        folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "printsupport"
        if not any(folder.glob("*cups*")):
            raise Failed(f"the CUPS print plugin is missing in {folder}: printing would only offer PDF")
        detail += ", CUPS plugin present"
    return detail


def _read_aloud(state: dict) -> str:
    """QtTextToSpeech, its engine plugin, and the voice child started the way the app starts it (from a frozen
    install: the kit's own program with voice_command's hidden argument). The child is asked for an engine no
    system has, so it answers at once without waiting on the speech service (which can take seconds, or hang);
    a machine without a voice is told so, and that is not a broken install."""
    import json
    import subprocess

    from PySide6.QtCore import QLibraryInfo

    from kit.ui.read_aloud import engine, voice_command

    _needs(state, "app")
    frozen = getattr(sys, "frozen", False)
    if importlib.util.find_spec("PySide6.QtTextToSpeech") is None:
        if frozen:
            raise Failed("QtTextToSpeech is missing from the bundle: read aloud cannot work")
        raise Skipped("QtTextToSpeech (the speech extra) is not installed")
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "texttospeech"
    plugins = sorted(_plugin_name(p.name) for p in folder.glob("*texttospeech_*"))
    names = engine.available_engines()
    if not names:
        if not [p for p in plugins if not p.endswith("_mock")]:
            raise Failed(f"no speech engine plugin in {folder}: read aloud would never have a voice")
        raise Skipped(f"no voice on this machine ({', '.join(plugins)} present): {engine.no_voice_line()}")
    program, arguments = voice_command.command(_NO_ENGINE)
    try:
        child = subprocess.run([program, *arguments], input="", capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        raise Failed("the voice child did not answer within 60 s") from None
    first = (child.stdout.splitlines() or [""])[0]
    try:
        ready = json.loads(first)
    except ValueError:
        ready = {}
    if not isinstance(ready, dict) or not ready.get("ready"):
        raise Failed(f"the voice child did not start (exit {child.returncode}): {child.stderr.strip()[-300:]}")
    return f"engines {', '.join(names)}; the voice child started and answered"


def _optional_module(name: str):
    """The module when this build has it, else None (search and printing are separate features)."""
    if importlib.util.find_spec(name) is None:
        return None
    return importlib.import_module(name)


def _plugin_name(filename: str) -> str:
    stem = filename.split(".", 1)[0].removeprefix("lib")
    return stem[1:] if stem.startswith("q") else stem


def _page(state: dict) -> str:
    """Lay out and paint the rendered page, as the reader and the printer do; ink must reach the image."""
    from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

    html = _needs(state, "html")
    document = QTextDocument()
    document.setHtml(f"<h1>{state['resource'].title}</h1>{html}")
    document.setTextWidth(600)
    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    white = QColor("white").rgb()
    inked = sum(1 for x in range(0, 600, 3) for y in range(0, 400, 3) if image.pixel(x, y) != white)
    if inked == 0:
        raise Failed("the page painted blank: text did not render (fonts?)")
    return f"{document.pageCount()} page(s), {inked} sampled pixels inked"


def _main_window(state: dict) -> str:
    from kit.core.paths import Locations
    from kit.ui.app import open_window

    library = _needs(state, "library")
    # The whole app window, as `kit` assembles it, with its data in a scratch folder (the install stays untouched).
    # The window's search index may still be merging segments on tantivy's own threads when the window has closed
    # (a loaded run failed removing it: "Directory not empty"); a leftover scratch folder is not a failed install.
    with tempfile.TemporaryDirectory(prefix="kit-smoke-", ignore_cleanup_errors=True) as scratch:
        folder = Path(scratch)
        window, _features = open_window(Locations((), folder / "data", folder / "cache", folder / "config"), library)
        window.show()
        pixmap = window.grab()
        window.close()
    if pixmap.isNull():
        raise Failed("the main window could not be drawn")
    return f"opened and drew {pixmap.width()}x{pixmap.height()}"


def _search(state: dict) -> str:
    search = _optional_module("kit.core.search")
    if search is None:
        raise Skipped("kit.core.search is not in this build")

    from kit.core.paths import bundled_index_dir, bundled_resources_dir
    from kit.core.search.prebuilt import seed_from_prebuilt

    library = _needs(state, "library")
    resource = _needs(state, "resource")
    with tempfile.TemporaryDirectory(prefix="kit-smoke-") as folder:
        index_dir = Path(folder) / "index"
        # Start from the shipped index, as a first launch does; it must be used as is, not rebuilt.
        seeded = seed_from_prebuilt(bundled_index_dir(), index_dir, library, bundled_resources_dir())
        index = search.SearchIndex.open(index_dir, library)
        stats = index.last_update
        if seeded and (stats.rebuilt or stats.added or stats.changed or stats.removed):
            raise Failed(f"the prebuilt index was not usable (rebuilt: {stats.rebuilt}, re-indexed {stats.added})")
        word = max(resource.title.split(), key=len)
        results = index.search(word)
        if not results.results:
            raise Failed(f"searching {word!r} found nothing")
    source = "prebuilt index used as shipped" if seeded else "index built now"
    return f"{word!r}: {results.total} hit(s), first {results.results[0].id} ({source})"


def _pdf(state: dict) -> str:
    export_pdf = getattr(_optional_module("kit.printing"), "export_pdf", None)
    if export_pdf is None:
        raise Skipped("kit.printing has no export_pdf in this build")
    resource = _needs(state, "resource")
    with tempfile.TemporaryDirectory(prefix="kit-smoke-") as folder:
        out = Path(folder) / "smoke test.pdf"
        export_pdf([resource], out, edition="student", paper="a4")
        data = out.read_bytes() if out.is_file() else b""
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
        raise Failed(f"export_pdf wrote no complete PDF ({len(data)} bytes)")
    return f"{resource.id}: {len(data)} bytes"


def _pdf_child(state: dict) -> str:
    """Export PDF as the window runs it: this install started again as a child (in a frozen build, the `kit`
    executable with the hidden child argument; kit.core.child_process)."""
    if _optional_module("kit.printing.export_child") is None:
        raise Skipped("kit.printing has no export child in this build")
    from kit.core.atomic import temp_path_beside
    from kit.core.child_process import child_command, child_environment
    from kit.printing.export_child import job_for

    resource = _needs(state, "resource")
    with tempfile.TemporaryDirectory(prefix="kit-smoke-") as folder:
        out = Path(folder) / "smoke test.pdf"
        temp = temp_path_beside(out)
        job = job_for([resource], out, temp, edition="student", paper="a4")
        program, arguments = child_command("export-pdf")
        ran = subprocess.run(
            [program, *arguments], input=job.to_json(), capture_output=True, text=True, env=child_environment()
        )
        lines = ran.stdout.strip().splitlines()
        data = temp.read_bytes() if temp.is_file() else b""
    last = json.loads(lines[-1]) if lines else {}
    if "done" not in last or not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
        problem = last.get("error") or (ran.stderr.strip().splitlines() or [f"exit status {ran.returncode}"])[-1]
        raise Failed(f"the export child made no PDF: {problem}")
    return f"{resource.id}: {len(data)} bytes, {last['done']['pages']} page(s) from {Path(program).name}"
