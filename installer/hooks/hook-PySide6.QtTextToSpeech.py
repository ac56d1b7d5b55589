"""Classroom Kit's override of PyInstaller's PySide6.QtTextToSpeech hook: collect as usual, then keep only the
plugins and translations installer/qt_slim.py allows (user hooks take precedence over PyInstaller's)."""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

from installer.qt_slim import slim

hiddenimports, binaries, datas = slim(*add_qt6_dependencies(__file__))
