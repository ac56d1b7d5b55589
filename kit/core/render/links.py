"""The one link and image policy: which links a page may hold, where they go, and which files a page may load."""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from kit.core.model import Problem
from kit.core.names import ID_PATTERN

KIT_LINK = re.compile(rf"kit:({ID_PATTERN.pattern})(?:#([\w\-.:]{{1,200}}))?")  # fullmatch
ANCHOR = re.compile(r"#[\w\-.:]{1,200}")  # fullmatch
EXTERNAL_SCHEMES = ("http:", "https:", "mailto:")
MAX_URL_CHARS = 2_048
MAX_IMAGE_BYTES = 5_000_000
MAX_IMAGE_PIXELS = 16_000_000  # Qt accepts 8000x8000 (256 MB decoded); twelve of those took 2.8 GB
IMAGE_MAGIC = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
}
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class LinkTarget:
    """What a click on a link means: `kind` is internal, anchor, external or refused."""

    kind: str
    resource_id: str = ""
    fragment: str = ""
    url: str = ""


def classify(url: str) -> LinkTarget:
    """Decide what a link does. Anything not explicitly allowed is refused."""
    cleaned = _CONTROL.sub("", url or "")
    if len(cleaned) > MAX_URL_CHARS:
        return LinkTarget("refused", url=cleaned[:80] + "…")
    if match := KIT_LINK.fullmatch(cleaned):
        return LinkTarget("internal", match.group(1), match.group(2) or "")
    if ANCHOR.fullmatch(cleaned):
        return LinkTarget("anchor", fragment=cleaned[1:])
    if cleaned.lower().startswith(EXTERNAL_SCHEMES) and len(cleaned) > len("http://"):
        return LinkTarget("external", url=cleaned)
    return LinkTarget("refused", url=cleaned)


def image_problem(path: Path) -> str | None:
    """Why an image file may not be shown, or None when it is an allowed, sane image."""
    suffix = path.suffix.lower()
    if suffix not in IMAGE_MAGIC:
        return f"image type '{suffix or path.name}' is not allowed (PNG, JPEG or GIF only)"
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return f"image is {size / 1_000_000:.1f} MB (limit {MAX_IMAGE_BYTES // 1_000_000} MB)"
        with path.open("rb") as handle:
            head = handle.read(32)
    except OSError:
        return "image file is missing or unreadable"
    if not head.startswith(IMAGE_MAGIC[suffix]):
        return "image content does not match its name (checked by content, not extension)"
    pixels = _header_pixels(head)
    if pixels is not None and pixels > MAX_IMAGE_PIXELS:
        return f"image has {pixels:,} pixels (limit {MAX_IMAGE_PIXELS:,})"
    return None


def _header_pixels(head: bytes) -> int | None:
    """Pixel count from a PNG or GIF header (fixed offsets); JPEG is checked by the Qt reader."""
    if head.startswith(b"\x89PNG") and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
        return width * height
    if head.startswith(b"GIF") and len(head) >= 10:
        width, height = struct.unpack("<HH", head[6:10])
        return width * height
    return None


def pack_file(pack_dir: Path, relative: str) -> Path | None:
    """The file a pack-relative name points to, only if it stays inside the pack (links resolved)."""
    cleaned = _CONTROL.sub("", relative or "")
    if not cleaned or cleaned.startswith(("/", "\\")) or ":" in cleaned or "\\" in cleaned:
        return None
    parts = PurePosixPath(cleaned).parts
    if ".." in parts:
        return None
    root = pack_dir.resolve()
    candidate = (root / cleaned).resolve()
    if not candidate.is_relative_to(root) or candidate == root:
        return None
    return candidate


def mark_external(html_text: str) -> str:
    """Mark web links so the reader and printer can show they need the internet."""
    return re.sub(r'<a href="(?=https?:|mailto:)', '<a class="external" href="', html_text)


class Confiner:
    """Checks every link and image of one page against the policy, remembering what it refused and why."""

    def __init__(self, pack_dir: Path, file_path: Path, text: str, body_line: int):
        self.pack_dir = pack_dir
        self.file_path = file_path
        self._text = text
        self._body_line = body_line
        self.problems: list[Problem] = []
        self.images: list[str] = []  # pack-relative image paths that passed
        self.internal_links: set[str] = set()

    def _line_of(self, needle: str) -> int:
        index = self._text.find(needle) if needle else -1
        return self._body_line + (self._text.count("\n", 0, index) if index >= 0 else 0)

    def _refuse(self, needle: str, message: str, hint: str) -> None:
        shown = needle if len(needle) <= 80 else needle[:77] + "…"
        self.problems.append(Problem(self.file_path, self._line_of(needle), f"{message}: '{shown}'", hint, "warning"))

    def allowed_href(self, value: str) -> str | None:
        target = classify(value)
        if target.kind == "refused":
            self._refuse(value, "link refused", "use kit:resource-id, #heading or an http(s) address")
            return None
        if target.kind == "internal":
            self.internal_links.add(target.resource_id)
        return target.url or value.strip() if target.kind == "external" else value.strip()

    def allowed_image(self, value: str) -> str | None:
        if value in self.images:
            return value
        relative = self._check_image(value)
        if relative:
            self.images.append(relative)
        return relative

    def _check_image(self, value: str) -> str | None:
        cleaned = (value or "").strip()
        if not cleaned or ":" in cleaned or cleaned.startswith(("/", "\\")):
            self._refuse(
                value,
                "image refused (only pictures inside the pack are shown)",
                "put the image in the pack and use a relative path",
            )
            return None
        try:
            relative_to_pack = (self.file_path.parent / cleaned).resolve().relative_to(self.pack_dir.resolve())
        except (ValueError, OSError):
            self._refuse(value, "image refused (outside the pack)", "put the image in the pack")
            return None
        path = pack_file(self.pack_dir, relative_to_pack.as_posix())
        if path is None:
            self._refuse(value, "image refused (outside the pack)", "put the image in the pack")
            return None
        reason = image_problem(path)
        if reason:
            self._refuse(value, f"image not shown: {reason}", "replace the image")
            return None
        return relative_to_pack.as_posix()

    def extension(self):
        """A python-markdown extension that applies this policy to the Markdown's own links and images."""
        from markdown.extensions import Extension
        from markdown.treeprocessors import Treeprocessor

        confiner = self

        class _Links(Treeprocessor):
            def run(self, root: ElementTree.Element) -> None:
                for parent in root.iter():
                    for index, child in enumerate(list(parent)):
                        if child.tag == "img":
                            src = confiner.allowed_image(child.get("src", ""))
                            if src:
                                child.set("src", src)
                            else:
                                parent.remove(child)
                                placeholder = ElementTree.Element("span", {"class": "image-missing"})
                                placeholder.text = f"[picture not available: {child.get('alt') or 'image'}]"
                                placeholder.tail = child.tail
                                parent.insert(index, placeholder)
                        elif child.tag == "a" and "href" in child.attrib:
                            href = confiner.allowed_href(child.get("href", ""))
                            if href is None:
                                del child.attrib["href"]

        class _Extension(Extension):
            def extendMarkdown(self, md) -> None:
                md.treeprocessors.register(_Links(md), "kit_links", 1)

        return _Extension()
