"""Render the kit's icon (installer/icons/kit.svg, drawn for this project) to the formats installers need.

Run by `python build_installer.py icon` on a developer machine with PySide6; the outputs are checked in,
so building an installer never needs QtSvg.
"""

from __future__ import annotations

import os
from pathlib import Path

PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)


def render_icons(svg: Path, out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is needed to render
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["kit-icon"])  # noqa: F841 (Qt needs it alive)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    written = []
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"kit-{size}.png"
        if not image.save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
        if size == 256:  # Windows .ico (the ico plugin writes the 256 px image) and macOS .icns
            for name, fmt in (("kit.ico", "ico"), ("kit.icns", "icns")):
                if not image.save(str(out / name), fmt):
                    raise OSError(f"could not write {out / name} (Qt {fmt} image plugin missing?)")
                written.append(out / name)
    return written
