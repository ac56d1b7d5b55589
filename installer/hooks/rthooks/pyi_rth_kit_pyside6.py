"""Classroom Kit's replacement for PyInstaller's PySide6 run-time hook: the same set-up, but lazy.

PyInstaller's hook imports PySide6.QtCore at every start to check for an embedded qt.conf, which loads Qt
and ICU (~100 ms) even for `kit --version` or `kit list`, commands that never touch Qt. Here the
environment is set at once (cheap) and the qt.conf check runs right after the kit first imports
PySide6.QtCore, before any Qt object exists. installer/hooks/rthooks.dat registers it; user hook
folders take precedence over PyInstaller's own.
"""


def _kit_rthook():
    import importlib.machinery
    import os
    import sys

    from _pyi_rth_utils import qt as qt_rth_utils

    qt_rth_utils.ensure_single_qt_bindings_package("PySide6")
    qt_dir = (
        os.path.join(sys._MEIPASS, "PySide6")
        if sys.platform.startswith("win")
        else os.path.join(sys._MEIPASS, "PySide6", "Qt")
    )
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_dir, "plugins")
    if sys.platform.startswith("win"):  # as PyInstaller's hook: Qt finds its DLLs beside the executable
        os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")

    # Plain classes, not importlib.abc ones: importing importlib.abc costs ~5 ms at every start.
    class _ThenEmbedQtConf:
        def __init__(self, loader):
            self._loader = loader

        def create_module(self, spec):
            return self._loader.create_module(spec)

        def exec_module(self, module):
            self._loader.exec_module(module)
            qt_rth_utils.create_embedded_qt_conf("PySide6", qt_dir)

    class _WatchQtCore:
        def find_spec(self, fullname, path, target=None):
            if fullname != "PySide6.QtCore":
                return None
            sys.meta_path.remove(self)
            spec = importlib.machinery.PathFinder.find_spec(fullname, path)
            if spec is not None and spec.loader is not None:
                spec.loader = _ThenEmbedQtConf(spec.loader)
            return spec

    sys.meta_path.insert(0, _WatchQtCore())


_kit_rthook()
del _kit_rthook
