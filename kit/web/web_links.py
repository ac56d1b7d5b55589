"""The reader's safe HTML made fit for a browser: `kit:` links become web addresses, pictures are served by id.

The HTML is already sanitised by kit.core.render; it goes through nh3 once more with the same allow-lists,
whose attribute filter rewrites each link and picture address. nh3 does not re-check what the filter
returns, so the filter only ever returns addresses it built itself or ones kit.core.render.links allowed.
"""

from __future__ import annotations

from collections.abc import Container
from urllib.parse import quote

from kit.core.render import links, markup

# The class links.mark_external adds to web links.
PAGE_CLASSES = {"a": {"external"}}


def reader_url(resource_id: str, fragment: str = "", root: str = "") -> str:
    return f"{root}/r/{quote(resource_id, safe='')}" + (f"#{quote(fragment, safe='-_.:')}" if fragment else "")


def picture_url(resource_id: str, relative: str, root: str = "") -> str:
    return f"{root}/r/{quote(resource_id, safe='')}/picture/{quote(relative, safe='/')}"


def for_browser(
    page_html: str, resource_id: str, shared_ids: Container[str], pictures: Container[str], root: str = ""
) -> str:
    """Rewrite a rendered page for the web view of `resource_id`, its addresses under `root` ("" or "/CODE").

    A `kit:` link to a resource that is not shared (a teacher note) loses its address and stays plain text;
    a picture the render did not allow loses its address.
    """
    import nh3

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href":
            target = links.classify(value)
            if target.kind == "internal":
                return (
                    reader_url(target.resource_id, target.fragment, root) if target.resource_id in shared_ids else None
                )
            if target.kind == "anchor":
                return "#" + quote(target.fragment, safe="-_.:")
            if target.kind == "external":
                return value
            return None
        if tag == "img" and attribute == "src":
            return picture_url(resource_id, value, root) if value in pictures else None
        return value

    classes = {
        tag: set(markup.ALLOWED_CLASSES.get(tag, ())) | PAGE_CLASSES.get(tag, set())
        for tag in markup.ALLOWED_CLASSES.keys() | PAGE_CLASSES.keys()
    }
    return nh3.clean(
        page_html,
        tags=markup.ALLOWED_TAGS,
        attributes=markup.ALLOWED_ATTRIBUTES,
        allowed_classes=classes,
        attribute_filter=attribute_filter,
        url_schemes={"http", "https", "mailto", "kit"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
