"""Saved web pages (.html, .htm): the main content only (the page's <main> or <article>, else its body
without navigation), cleaned by the reader's nh3 policy. Nothing is fetched: images are kept only when
the browser saved them beside the page (the `Page_files/` folder); remote ones are dropped and counted."""

from __future__ import annotations

import os
from pathlib import Path

from kit.core.importers.container import file_size
from kit.core.importers.converted import Converted, ConvertError, ImageBox
from kit.core.importers.html_markdown import html_to_markdown
from kit.core.render.links import MAX_IMAGE_BYTES

MAX_HTML_BYTES = 10_000_000
_NOT_CONTENT = ("nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "button")


def convert(path: Path) -> Converted:
    from bs4 import BeautifulSoup

    if file_size(path) > MAX_HTML_BYTES:
        raise ConvertError(f"the page is larger than {MAX_HTML_BYTES // 1_000_000} MB; it is not a saved web page")
    try:
        soup = BeautifulSoup(path.read_bytes(), "html.parser")  # the parser finds the page's own encoding
    except OSError as exc:
        raise ConvertError(f"cannot read the file: {exc.strerror or exc}") from None
    title = " ".join((soup.title.get_text() if soup.title else "").split())[:200]
    main = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.find("article") or soup.body or soup
    for tag in main.find_all(_NOT_CONTENT):
        tag.decompose()
    box, remote = ImageBox(), 0
    for image in main.find_all("img"):
        kept = _local_image(path.parent, image.get("src") or "", box)
        remote += kept is None and not _is_local(image.get("src") or "")
        image["src"] = kept or ""
    body = html_to_markdown(str(main))
    if not body.strip():
        raise ConvertError("the page has no text to import")
    notes = box.notes() + (
        [f"{remote} web image(s) not kept (the kit never fetches from the internet)"] if remote else []
    )
    return Converted(body, title, images=box.images, notes=notes)


def _is_local(src: str) -> bool:
    return bool(src) and ":" not in src.split("/")[0] and not src.startswith("//")


def _local_image(folder: Path, src: str, box: ImageBox) -> str | None:
    """The kept copy of an image saved beside the page, or None; never anything outside the page's folder."""
    if not _is_local(src):
        return None
    from urllib.parse import unquote, urlsplit

    relative = unquote(urlsplit(src).path)
    if not relative or relative.startswith(("/", "\\")):
        return None
    try:
        target = (folder / relative).resolve(strict=True)
        if not target.is_relative_to(folder.resolve()) or not target.is_file():
            return None
        if os.path.getsize(target) > 4 * MAX_IMAGE_BYTES:
            return None
        data = target.read_bytes()
    except (OSError, ValueError):
        return None
    return box.add(data)
