"""Which parts of Qt the frozen kit keeps: the allow-lists the PySide6 hook overrides and the spec apply.

Pure data and functions (no PyInstaller import) so the policy is unit-tested and read in one place.
PyInstaller's stock hooks collect every plugin a Qt module *might* load; measured on this app that is
168 MiB unpacked, most of it plugins and the system libraries they drag in (the GTK theme alone
brings pango, cairo, atk and gdk-pixbuf).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

# The Qt modules the kit imports (kit/ui: QtWidgets; kit/printing: QtGui + QtPrintSupport; QtNetwork for the local
# socket only, kit/ui/single_instance: its TLS and network-information plugins are not kept, see KEEP_PLUGINS;
# QtTextToSpeech for read aloud, kit/ui/read_aloud, the one module taken from the Addons wheel).
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtNetwork", "QtTextToSpeech")

# Python-level Qt modules that must never be analysed: excluding them before analysis stops their
# hooks from running, so their plugins, QML files and libraries are never collected.
QT_MODULES_EXCLUDED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDBus", "QtDataVisualization", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf",
    "QtPdfWidgets", "QtPositioning", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
    "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest", "QtUiTools", "QtWebChannel",
    "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtXml",
)  # fmt: skip

# Other Qt bindings: one Qt per process, and the build refuses a venv that has them (see venv.py).
OTHER_BINDINGS = ("PyQt5", "PyQt6", "PySide2")

# Plugin type -> plugin names kept (None: all of that type). Types not listed are dropped.
# Names are the file stem without "lib" and Qt's "q" prefix: libqxcb.so -> "xcb", qjpeg.dll -> "jpeg".
KEEP_PLUGINS: dict[str, frozenset[str] | None] = {
    # offscreen: headless use and the smoke test; xcb/wayland: Linux desktops; windows/cocoa: the others.
    "platforms": frozenset({"offscreen", "minimal", "xcb", "wayland", "wayland-egl", "windows", "cocoa"}),
    # PNG is built into QtGui; the kit's packs may hold JPEG and GIF (kit.core.render.links allows these only).
    "imageformats": frozenset({"jpeg", "gif"}),
    # Accented input for French teachers: compose key and IBus input methods.
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}),
    # Native file dialogs through the desktop portal; the GTK theme would pull in all of GTK.
    "platformthemes": frozenset({"xdgdesktopportal"}),
    "printsupport": None,  # CUPS: printing is a core feature
    "styles": None,  # the native Windows style
    "xcbglintegrations": None,  # X11 needs one to create windows with OpenGL contexts
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient"}),
    "wayland-graphics-integration-client": frozenset({"qt-plugin-wayland-egl"}),
    # Read aloud: each platform's own speech (speech-dispatcher; SAPI and WinRT; AVSpeechSynthesizer, the "darwin"
    # engine, built as qtexttospeech_speechdarwin). Not the mock engine (tests only), nor QtMultimedia's backends.
    "texttospeech": frozenset(
        {"texttospeech_speechd", "texttospeech_sapi", "texttospeech_winrt", "texttospeech_speechdarwin"}
    ),
}

# Qt's own translations kept: the kit ships English and French content (kit.core.model.LANGUAGES).
KEEP_TRANSLATION_LANGUAGES = ("en", "fr")
KEEP_TRANSLATION_CATALOGS = ("qtbase",)


def plugin_name(filename: str) -> str:
    """`libqxcb.so` -> `xcb`, `qjpeg.dll` -> `jpeg`, `libqcocoa.dylib` -> `cocoa`."""
    stem = PurePath(filename).name.split(".", 1)[0]
    stem = stem.removeprefix("lib")
    if stem.startswith("q") and not stem.startswith("qt-"):
        stem = stem[1:]
    return stem


def plugin_type(dest_dir: str) -> str | None:
    """The plugin type of a collected file's destination folder (`.../plugins/<type>`), else None."""
    parts = PurePath(dest_dir.replace("\\", "/")).parts
    if "plugins" in parts:
        index = len(parts) - 1 - parts[::-1].index("plugins")
        if index + 1 < len(parts):
            return parts[index + 1]
    return None


def keep_plugin(kind: str, filename: str) -> bool:
    if kind not in KEEP_PLUGINS:
        return False
    names = KEEP_PLUGINS[kind]
    return names is None or plugin_name(filename) in names


def keep_translation(filename: str) -> bool:
    """`qtbase_fr.qm` is kept; `qtbase_de.qm`, `qtmultimedia_fr.qm` are not."""
    stem = PurePath(filename).name.removesuffix(".qm")
    catalog, _, language = stem.partition("_")
    return catalog in KEEP_TRANSLATION_CATALOGS and language.split("_")[0] in KEEP_TRANSLATION_LANGUAGES


def keep_hiddenimport(name: str) -> bool:
    parts = name.split(".")
    return not (parts[0] == "PySide6" and len(parts) > 1 and parts[1] in QT_MODULES_EXCLUDED)


def slim(
    hiddenimports: Iterable[str], binaries: Iterable[tuple[str, str]], datas: Iterable[tuple[str, str]]
) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """Filter what a stock PySide6 hook collected: keep allowed plugins and translations only."""
    kept_binaries = []
    for src, dest in binaries:
        kind = plugin_type(dest)
        if kind is None or keep_plugin(kind, src):
            kept_binaries.append((src, dest))
    kept_datas = [
        (src, dest)
        for src, dest in datas
        if PurePath(dest.replace("\\", "/")).name != "translations" or keep_translation(src)
    ]
    return [h for h in hiddenimports if keep_hiddenimport(h)], kept_binaries, kept_datas


# Python modules never bundled. The kit opens no network connection, ever (architecture.md section 5), so
# no TLS: without _ssl and _hashlib the bundle drops OpenSSL (5 MiB); hashlib falls back to its built-in
# md5/sha1/sha2/sha3/blake2, which is all the kit uses.
OTHER_EXCLUDED = ("tkinter", "_tkinter", "ssl", "_ssl", "_hashlib", "unittest", "pydoc", "doctest")


def excluded_modules() -> list[str]:
    """Modules excluded from analysis: unused Qt modules, other Qt bindings, TLS and Tk."""
    return [f"PySide6.{name}" for name in QT_MODULES_EXCLUDED] + list(OTHER_BINDINGS) + list(OTHER_EXCLUDED)


# System libraries never bundled on Linux: they must match the host's configuration files or drivers.
# fontconfig reads the host's /etc/fonts (a bundled copy older or newer than that config misreads it and
# finds no fonts); freetype must be the one fontconfig was built against. libcups talks to the host's CUPS
# daemon and would bring GnuTLS, Avahi and Kerberos (~6 MiB) along. libpulse (which QtTextToSpeech's QtMultimedia
# links) talks to the host's sound server and would bring libsndfile and six codecs (3.8 MB); every desktop has it,
# and where it is missing only read aloud is lost (QtTextToSpeech does not import: "needs a voice"). The .deb
# depends on them instead.
LINUX_HOST_LIBRARIES = ("libfontconfig.so", "libfreetype.so", "libcups.so", "libpulse.so")


def keep_linux_library(filename: str) -> bool:
    name = PurePath(filename).name
    return not any(name.startswith(prefix) for prefix in LINUX_HOST_LIBRARIES)
