"""What an importer hands back: Markdown with its images in memory, and the one error type it raises.

Nothing here touches the teacher's pack: a document is converted whole in memory first, so a file that
fails half-way leaves nothing behind (kit.core.packs.own_documents writes the result).
"""

from __future__ import annotations

import contextlib
import io
import warnings
from dataclasses import dataclass, field

from kit.core.errors import KitError
from kit.core.render.links import IMAGE_MAGIC, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS

# At most this many images are kept from one document; the reader shows at most 200 per page.
MAX_IMAGES = 150
# An image larger than this is never decoded (a "pixel bomb" in a document); smaller ones are scaled down.
MAX_DECODE_PIXELS = 64_000_000


class ConvertError(KitError):
    """A document that cannot be imported; the message says why in one line, in the teacher's words."""


@dataclass
class Converted:
    """A document as Markdown. `images` maps a file name (no folder) to its bytes; the body links them as
    `{IMAGE_DIR}/name`, which the writer replaces with the resource's own image folder."""

    body: str
    title: str = ""
    kind: str = ""  # "" lets the writer guess from the body
    images: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what was simplified or skipped, one line each


IMAGE_DIR = "@images@"  # placeholder folder in a converted body, replaced when the resource is written


class ImageBox:
    """Collects a document's images as PNG, JPEG or GIF within the kit's size limits, named in order."""

    def __init__(self) -> None:
        self.images: dict[str, bytes] = {}
        self.skipped: dict[str, int] = {}  # reason -> count
        self._by_content: dict[bytes, str] = {}

    def add(self, data: bytes, stem: str = "") -> str | None:
        """The Markdown path of the kept image (named `stem`, else numbered), or None (counted in `skipped`)."""
        if len(self.images) >= MAX_IMAGES:
            return self._skip(f"more than {MAX_IMAGES} images")
        if data in self._by_content:  # a logo on every slide is stored once
            return f"{IMAGE_DIR}/{self._by_content[data]}"
        suffix = next((s for s, magics in IMAGE_MAGIC.items() if data.startswith(magics)), None)
        if suffix is None or len(data) > MAX_IMAGE_BYTES or _too_many_pixels(data):
            converted = _as_png(data)
            if converted is None:
                return self._skip("in a format the kit cannot show (e.g. EMF, WMF or SVG)")
            kept, suffix = converted, ".png"
        else:
            kept = data
        name = f"{stem or f'image-{len(self.images) + 1}'}{'.jpg' if suffix == '.jpeg' else suffix}"
        self.images[name] = kept
        self._by_content[data] = name
        return f"{IMAGE_DIR}/{name}"

    def notes(self) -> list[str]:
        return [f"{n} image{'s' if n > 1 else ''} skipped: {why}" for why, n in self.skipped.items()]

    def _skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        return None


def _too_many_pixels(data: bytes) -> bool:
    size = pixel_size(data)
    return size is None or size[0] * size[1] > MAX_IMAGE_PIXELS


def pixel_size(data: bytes) -> tuple[int, int] | None:
    from PIL import Image

    try:
        with _quiet_pillow(), Image.open(io.BytesIO(data)) as image:
            return image.size
    except Exception:  # any undecodable image is simply not kept
        return None


def _as_png(data: bytes) -> bytes | None:
    """The image re-encoded as a PNG that fits the kit's limits, or None when Pillow cannot read it safely."""
    from PIL import Image

    try:
        with _quiet_pillow(), Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_DECODE_PIXELS:
                return None
            image.load()
            picture = image.convert("RGBA" if "A" in image.getbands() or image.mode == "P" else "RGB")
    except Exception:
        return None
    scale = min(1.0, (MAX_IMAGE_PIXELS / max(1, width * height)) ** 0.5)
    while scale > 0.1:
        shown = picture if scale >= 1.0 else picture.resize((max(1, int(width * scale)), max(1, int(height * scale))))
        out = io.BytesIO()
        shown.save(out, "PNG")
        if out.tell() <= MAX_IMAGE_BYTES:
            return out.getvalue()
        scale *= 0.7
    return None


@contextlib.contextmanager
def _quiet_pillow():
    """Pillow warns (not raises) for images between its two pixel limits; the size is judged here instead."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        yield
