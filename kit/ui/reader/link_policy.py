"""The Qt side of kit.core.render.links: which files a page's document may load, decoded safely, or a placeholder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QTextDocument

from kit.core.render import links
from kit.ui.i18n import translate

MAX_DECODE_MB = 64  # Qt's own default is 256 MB per image; one classroom picture needs far less
MAX_SIDE = 2400  # larger pictures are decoded scaled down: the reader never shows them bigger
PAGE_PIXEL_BUDGET = 40_000_000  # all pictures of one page together (12 big PNGs once took 2.8 GB)
ALLOWED_FORMATS = {".png": b"png", ".jpg": b"jpeg", ".jpeg": b"jpeg", ".gif": b"gif"}


class LinkPolicy:
    """Serves a document's resources from one pack only; everything else gets nothing or a placeholder.

    One object per page: the reader's `loadResource` and the printer's document both call `resource()`.
    """

    def __init__(self, pack_dir: Path | None):
        self.pack_dir = pack_dir
        self.refused: list[str] = []
        self._pixels_used = 0
        self._images: dict[str, QImage] = {}

    @staticmethod
    def classify(url: str) -> links.LinkTarget:
        return links.classify(url)

    def resource(self, kind: int, url: QUrl):
        """What `QTextDocument.loadResource` should return: a QImage for allowed images, else None."""
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return None  # style sheets, HTML, Markdown: pages never load anything but pictures
        return self.image(url.toString())

    def image(self, name: str) -> QImage:
        if name not in self._images:
            self._images[name] = self._load(name)
        return self._images[name]

    def _load(self, name: str) -> QImage:
        path = links.pack_file(self.pack_dir, name) if self.pack_dir else None
        reason = translate("Reader", "outside the pack") if path is None else links.image_problem(path)
        if reason:
            return self._refuse(name, reason)
        reader = QImageReader(str(path), ALLOWED_FORMATS[path.suffix.lower()])
        reader.setAutoDetectImageFormat(False)  # decode as the allowed type named, never by sniffing
        reader.setAllocationLimit(MAX_DECODE_MB)
        size = reader.size()
        if not size.isValid() or size.isEmpty():
            return self._refuse(name, translate("Reader", "unreadable picture"))
        scaled = _fit(size)
        pixels = scaled.width() * scaled.height()
        if self._pixels_used + pixels > PAGE_PIXEL_BUDGET:
            return self._refuse(name, translate("Reader", "too many large pictures on one page"))
        if scaled != size:
            reader.setScaledSize(scaled)
        image = reader.read()  # the first frame only: animations never play
        if image.isNull():
            return self._refuse(name, reader.errorString())
        self._pixels_used += pixels
        return image

    def _refuse(self, name: str, reason: str) -> QImage:
        self.refused.append(f"{name[:80]}: {reason}")
        return placeholder_image()


def _fit(size: QSize) -> QSize:
    longest = max(size.width(), size.height())
    if longest <= MAX_SIDE:
        return size
    return size.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio)


_PLACEHOLDER: list[QImage] = []


def placeholder_image() -> QImage:
    """A small grey card that says the picture is not available."""
    if not _PLACEHOLDER:
        image = QImage(220, 48, QImage.Format.Format_ARGB32)
        image.fill(QColor("#e4e7eb"))
        painter = QPainter(image)
        painter.setPen(QColor("#57606a"))
        painter.drawRect(0, 0, 219, 47)
        painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, translate("Reader", "Picture not available"))
        painter.end()
        _PLACEHOLDER.append(image)
    return _PLACEHOLDER[0]
