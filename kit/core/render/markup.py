"""Markdown to safe HTML: editions, python-markdown, nh3 allow-list, link and image confinement, structure limits."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path

from kit.core.content import editions
from kit.core.errors import is_fatal
from kit.core.model import Problem, Resource
from kit.core.render import answer_space, html_limits, links, markdown_shapes

# A long article is ~30 KB (the kit's largest page 24 KB). At 200,000 the worst page within markdown_shapes' caps
# validates in 0.4-0.55 s and plain prose in 0.2-0.3 s; at 512,000 they took 0.9-1.1 s and 0.5-0.6 s on a loaded
# machine (benchmarks/list_shapes_bench.py --worst 200000,512000). Building a 480 KB page held the interpreter
# 100-220 ms in C calls on the worker; at 190 KB most hostile pages hold the window under 100 ms
# (benchmarks/gui_block_bench.py --kb 190, figures in docs/bounded-work.md).
MAX_BODY_CHARS = 200_000
# python-markdown's inline parsing is quadratic in the brackets and angle brackets of one
# block (8 KB of '[' takes 10 s; 20,000 entities take 3 s); past this many in one paragraph we drop it.
MAX_MARKUP_PER_BLOCK = 400
MARKDOWN_EXTENSIONS = ("tables", "fenced_code", "footnotes", "attr_list", "toc", "admonition", "sane_lists")

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "kbd",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
    "ol": {"start"},
    "li": {"id"},
    "sup": {"id"},
    # `class` is allowed only through ALLOWED_CLASSES (nh3 refuses it in both places).
    **{f"h{n}": {"id"} for n in range(1, 7)},
}
ALLOWED_CLASSES = {
    "div": {"admonition", "teacher", "note", "warning", "tip", "footnote", "image-missing", "answer-space", "card"},
    "p": {"admonition-title"},
    "span": {"image-missing", "refused-link", "figure-note"},  # figure-note: "(as of 2023, Source)", figures.py
}
NUMERIC_LIMITS = {"width": 2000, "height": 2000, "colspan": 20, "rowspan": 200, "start": 100_000}


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Rendered:
    """A resource's body as safe HTML for one edition, with what the reader needs beside it."""

    html: str
    headings: tuple[Heading, ...]
    images: tuple[str, ...]  # pack-relative paths the HTML may load
    problems: tuple[Problem, ...]
    safe: bool = True  # False when the page broke a structure limit and a notice is shown instead
    internal_links: tuple[str, ...] = ()  # ids this page links to with kit:


def render(resource: Resource, edition: str = "student") -> Rendered:
    """Render a resource for an edition ("student" or "teacher"). Cached.

    Never raises for anything in the file: a page that breaks the renderer becomes an error page. Only a
    fatal condition (`is_fatal`: interrupted, out of memory) propagates, and is not cached, so the page
    renders again once memory is back.
    """
    return _render_cached(resource, edition)


@functools.lru_cache(maxsize=256)
def _render_cached(resource: Resource, edition: str) -> Rendered:
    try:
        return _render(resource, edition)
    except BaseException as exc:  # a crafted file gives an error page, never a crash; nh3 panics are BaseException
        if is_fatal(exc):
            raise  # lru_cache keeps no result for a call that raised
        return _failed(resource.path, resource.body_line, exc)


def render_markdown(markdown_text: str, pack_dir: Path, file_path: Path, body_line: int = 1) -> Rendered:
    """Render Markdown that is not (yet) a loaded resource, e.g. a preview in an editor. Never raises."""
    try:
        return _render_text(answer_space.expand(markdown_text), pack_dir, file_path, body_line)
    except BaseException as exc:
        if is_fatal(exc):
            raise
        return _failed(file_path, body_line, exc)


def _failed(file_path: Path, body_line: int, exc: BaseException) -> Rendered:
    problem = Problem(
        file_path, body_line, f"this page could not be rendered ({type(exc).__name__})", "simplify the Markdown"
    )
    return Rendered(_notice("This page could not be displayed."), (), (), (problem,), safe=False)


def _render(resource: Resource, edition: str) -> Rendered:
    text = editions.edition_markdown(resource.body, edition, resource.language)
    if edition != "student" and text == editions.edition_markdown(resource.body, "student"):
        return _render_cached(resource, "student")  # no teacher blocks: one render serves both editions
    text = answer_space.expand(text)
    return _render_text(text, resource.pack_dir, resource.path, resource.body_line)


def _render_text(text: str, pack_dir: Path, file_path: Path, body_line: int) -> Rendered:
    import markdown  # imported on first render, not at start-up

    problems: list[Problem] = []
    if not text.isascii():  # a lone surrogate (typed or pasted into an editor) cannot reach nh3 as UTF-8
        text = text.encode("utf-8", "replace").decode("utf-8")
    if len(text) > MAX_BODY_CHARS:
        problem = Problem(
            file_path,
            body_line,
            f"the text is {len(text):,} characters; the limit is {MAX_BODY_CHARS:,}",
            "split it into several resources",
        )
        return Rendered(_notice("This page is too large to display safely."), (), (), (problem,), safe=False)
    shape = markdown_shapes.too_complex(text, file_path, body_line)
    if shape:  # python-markdown would take seconds to minutes on it: never given to it
        return Rendered(_notice(f"This page is too complex to display: {shape.message}."), (), (), (shape,), safe=False)
    text = _defuse_markup_heavy_blocks(text, file_path, body_line, problems)
    confiner = links.Confiner(pack_dir, file_path, text, body_line)
    md = markdown.Markdown(
        extensions=[*MARKDOWN_EXTENSIONS, confiner.extension()], extension_configs={"toc": {"permalink": False}}
    )
    raw_html = md.convert(text)
    safe_html = _sanitise(raw_html, confiner)
    problems.extend(confiner.problems)
    verdict = html_limits.check(safe_html)
    if verdict.problem:
        problems.append(
            Problem(file_path, body_line, verdict.problem, "simplify the page (fewer nested tables, images or levels)")
        )
        return Rendered(
            _notice(f"This page cannot be displayed safely: {verdict.problem}."), (), (), tuple(problems), safe=False
        )
    headings = tuple(_headings(getattr(md, "toc_tokens", [])))
    return Rendered(
        links.mark_external(html_limits.break_long_words(safe_html)),
        headings,
        tuple(confiner.images),
        tuple(problems),
        internal_links=tuple(sorted(confiner.internal_links)),
    )


def _defuse_markup_heavy_blocks(text: str, file_path: Path, body_line: int, problems: list[Problem]) -> str:
    """Replace any paragraph with more markup than python-markdown handles in linear time."""
    blocks = re.split(r"(\n[ \t]*\n)", text)
    line = body_line
    for index, block in enumerate(blocks):
        markup_chars = block.count("[") + block.count("<") + block.count("&")
        if markup_chars > MAX_MARKUP_PER_BLOCK:
            problems.append(
                Problem(
                    file_path,
                    line,
                    f"one paragraph holds {markup_chars:,} brackets, tags or entities "
                    f"(limit {MAX_MARKUP_PER_BLOCK}); it is not shown",
                    "split the paragraph or remove markup",
                )
            )
            blocks[index] = "*(This paragraph has too much markup to display safely.)*"
        line += block.count("\n")
    return "".join(blocks)


def _sanitise(raw_html: str, confiner: links.Confiner) -> str:
    import nh3

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        if attribute in NUMERIC_LIMITS:
            try:
                number = int(value.strip().rstrip("px"))
            except ValueError:
                return None
            return str(number) if 0 <= number <= NUMERIC_LIMITS[attribute] else None
        if tag == "a" and attribute == "href":
            return confiner.allowed_href(value)
        if tag == "img" and attribute == "src":
            return confiner.allowed_image(value)
        return value

    return nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "svg", "math", "noscript"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=attribute_filter,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes={"http", "https", "mailto", "kit"},
        link_rel=None,
        strip_comments=True,
    )


def _headings(tokens: list[dict]) -> list[Heading]:
    result = []
    for token in tokens:
        result.append(Heading(int(token["level"]), html.unescape(str(token["name"])), str(token["id"])))
        result.extend(_headings(token.get("children", [])))
    return result


def _notice(message: str) -> str:
    return f'<div class="admonition warning"><p>{html.escape(message)}</p></div>'
