"""A resource as slides: split at `---` lines (else `##` headings), facilitator blocks moved to speaker notes."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from kit.core.content import editions, markdown_lines
from kit.core.i18n import QT_TRANSLATE_NOOP, translate_for
from kit.core.model import Resource
from kit.core.render import answer_space, markup
from kit.core.render.slide_fit import screenfuls

# The title of a slide a long section continues on, in the resource's language (the room reads it).
CONTINUED = QT_TRANSLATE_NOOP("Slides", "{title} (continued)")

_SEPARATOR = re.compile(r"^---[ \t]*$")
# A discussion question: "## 3. Does a person..." (also "## 3) ..." and "## Question 3: ...").
# Link text stops at "[" so a run of brackets is scanned once, not once per bracket.
_LINK = re.compile(r"!?\[([^\[\]\n]*+)\]\([^()\n]*+\)")
_QUESTION = re.compile(r"^ {0,3}##[ \t]+(?:\d+[.)]|(?:question|Question|QUESTION)[ \t]+\d+)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Kinds presented one question per slide.
QUESTION_KINDS = ("guide",)
# A guide's planning sections are for the teacher before class: the presenter's notes, never the projector.
PLANNING_HEADINGS = {"purpose", "time", "timing", "materials", "preparation", "but", "durée", "matériel", "préparation"}


@dataclass(frozen=True)
class Slide:
    """One slide: what the audience sees (`markdown`) and the facilitator's notes for it (Markdown each)."""

    title: str
    markdown: str
    notes: list[str] = field(default_factory=list)
    line: int = 1  # line of the source file where the slide's text starts, for problem reports


def split_slides(resource: Resource, edition: str = "student") -> list[Slide]:
    """The resource's slides. Never empty: a resource with no body is one title slide.

    In the student edition (the projector) facilitator blocks are removed from the slide and kept as
    its notes; in the teacher edition they stay on the slide, labelled, and are in the notes too.
    """
    # Print-only elements never reach a slide: answer space is for paper.
    lines = answer_space.drop(resource.body.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    in_code = _code_lines(lines)
    chunks = _split_at(lines, in_code, resource.body_line, _is_separator, keep_line=False)
    if len(chunks) == 1:
        chunks = _split_at(lines, in_code, resource.body_line, _is_h2, keep_line=True)
    if resource.kind in QUESTION_KINDS:
        chunks = [piece for chunk in chunks for piece in _split_questions(chunk, in_code, resource.body_line)]

    slides: list[Slide] = []
    pending_notes: list[str] = []  # notes of a chunk with nothing to show go with the next slide
    for first_line, chunk_lines in chunks:
        planning: list[str] = []
        if resource.kind in QUESTION_KINDS:
            chunk_lines, planning = _take_planning(chunk_lines)
        text = "\n".join(chunk_lines)
        shown, notes = _separate_notes(text, edition, resource.language)
        notes = planning + notes
        if not shown.strip() and planning and not slides:
            # A guide that opens with its planning: a title slide carries it in its notes.
            slides.append(
                Slide(resource.title, f"# {_escape_heading(resource.title)}\n", pending_notes + notes, first_line)
            )
            pending_notes = []
            continue
        if not shown.strip():
            if slides:
                slides[-1].notes.extend(notes)
            else:
                pending_notes.extend(notes)
            continue
        for number, piece in enumerate(screenfuls(shown)):
            title = (
                _title(piece)
                if number == 0
                else translate_for(resource.language, "Slides", CONTINUED).format(title=_title(shown))
            )
            slides.append(
                Slide(title, piece.strip("\n") + "\n", pending_notes + notes if number == 0 else [], first_line)
            )
        pending_notes = []

    if not slides or not _starts_with_heading(slides[0].markdown):
        # The audience should see what is being presented: the title opens the deck.
        first = slides[0] if slides else None
        heading = f"# {_escape_heading(resource.title)}\n\n"
        if first is None:
            slides = [Slide(resource.title, heading, pending_notes, resource.body_line)]
        else:
            slides[0] = Slide(resource.title, heading + first.markdown, first.notes, first.line)
    return slides


def title_slide(resource: Resource, subtitle: str = "") -> Slide:
    """A slide with the resource's title (and a plain-text line under it), opening its part of a lesson's deck."""
    lines = f"# {_escape_heading(resource.title)}\n"
    if subtitle:
        lines += f"\n{_escape_heading(subtitle)}\n"
    return Slide(resource.title, lines, [], resource.body_line)


def opens_with_title(resource: Resource, slides: list[Slide]) -> bool:
    """Whether the resource's first slide already shows its title (so a deck needs no title slide for it)."""
    return bool(slides) and " ".join(slides[0].title.split()) == " ".join(_plain(resource.title).split())


_TIME_NOTE = re.compile(r"(?:\bTime|\bDurée)\s*:\s*(\d{1,3})\s*min", re.IGNORECASE)


def slide_minutes(slide: Slide) -> int | None:
    """The minutes a facilitator note plans for this slide ("**Time: 8 minutes.**"), if it says."""
    for note in slide.notes:
        match = _TIME_NOTE.search(note.replace("*", ""))
        if match:
            return int(match.group(1))
    return None


def render_slide(resource: Resource, slide: Slide) -> markup.Rendered:
    """A slide's safe HTML, through the same sanitiser, link policy and limits as the reader. Cached."""
    return _render_cached(slide.markdown, resource.pack_dir, resource.path, slide.line)


def render_note(resource: Resource, note: str) -> markup.Rendered:
    """One facilitator note as safe HTML (they hold links and bold text). Cached."""
    return _render_cached(note, resource.pack_dir, resource.path, resource.body_line)


@functools.lru_cache(maxsize=512)
def _render_cached(text: str, pack_dir: Path, file_path: Path, line: int) -> markup.Rendered:
    return markup.render_markdown(text, pack_dir, file_path, line)


def _code_lines(lines: list[str]) -> list[bool]:
    """Which lines are inside fenced code (where `---` and `##` are just text)."""
    inside: list[bool] = []
    fence = ""
    for line in lines:
        match = _FENCE.match(line)
        if fence:
            inside.append(True)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not line.strip(" `~"):
                fence = ""
        elif match and not (match.group(1)[0] == "`" and "`" in line.strip()[len(match.group(1)) :]):
            fence = match.group(1)
            inside.append(True)
        else:
            inside.append(False)
    return inside


def _is_separator(line: str) -> bool:
    return bool(_SEPARATOR.match(line))


def _is_h2(line: str) -> bool:
    heading = markdown_lines.atx_heading(line)
    return heading is not None and heading[0] == 2


def _split_at(lines, in_code, body_line, is_break, *, keep_line) -> list[tuple[int, list[str]]]:
    """Cut lines into (first line number, lines) chunks at each breaking line outside code."""
    chunks: list[tuple[int, list[str]]] = [(body_line, [])]
    for index, line in enumerate(lines):
        if not in_code[index] and is_break(line):
            number = body_line + index
            chunks.append((number, [line]) if keep_line else (number + 1, []))
        else:
            chunks[-1][1].append(line)
    return chunks


def _split_questions(chunk: tuple[int, list[str]], in_code: list[bool], body_line: int) -> list[tuple[int, list[str]]]:
    """Within one chunk of a guide, start a new slide at every question heading after the first line."""
    first_line, lines = chunk
    pieces: list[tuple[int, list[str]]] = [(first_line, [])]
    seen_text = False
    for offset, line in enumerate(lines):
        number = first_line + offset
        code = in_code[number - body_line] if 0 <= number - body_line < len(in_code) else False
        if not code and seen_text and _QUESTION.match(line):
            pieces.append((number, []))
        pieces[-1][1].append(line)
        seen_text = seen_text or bool(line.strip())
    return pieces


def _is_section_heading(line: str) -> bool:
    """A `#` or `##` heading: where a planning section ends."""
    heading = markdown_lines.atx_heading(line)
    return heading is not None and heading[0] <= 2


def _take_planning(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the lines without planning sections, each planning section as a note). A section runs from its `##`
    heading to the next heading of level 2 or above. Removed lines become blank, so line numbers hold."""
    kept, notes = list(lines), []
    index = 0
    while index < len(kept):
        heading = markdown_lines.atx_heading(kept[index])
        title = _plain(heading[1]) if heading is not None and heading[0] == 2 else ""
        if not title or title.rstrip(" :").casefold() not in PLANNING_HEADINGS:
            index += 1
            continue
        end = index + 1
        while end < len(kept) and not _is_section_heading(kept[end]):
            end += 1
        body = "\n".join(kept[index + 1 : end]).strip()
        notes.append(f"**{title}**\n\n{body}\n")
        kept[index:end] = [""] * (end - index)
        index = end
    return kept, notes


def _separate_notes(text: str, edition: str, language: str = "en") -> tuple[str, list[str]]:
    """(what the audience sees, the facilitator notes as Markdown with their label in bold)."""
    student_text, blocks = editions.split_teacher_blocks(text)
    starts = (editions.TEACHER_BLOCK_START.match(line) for line in text.split("\n"))
    labels = [m.group(1).strip().strip("\"'") for m in starts if m]
    notes = []
    for index, block in enumerate(blocks):
        label = labels[index] if index < len(labels) else ""
        if label and block.startswith(label):
            body = block[len(label) :].strip("\n")
            notes.append(f"**{label}**\n\n{body}".strip() + "\n")
        else:
            notes.append(block.strip() + "\n")
    shown = editions.edition_markdown(text, "teacher", language) if edition == "teacher" else student_text
    return _strip_blank_edges(shown), [n for n in notes if n.strip()]


def _strip_blank_edges(text: str) -> str:
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def _title(markdown_text: str) -> str:
    """The slide's first heading, else its first line of text, for the presenter's slide list."""
    for line in markdown_text.split("\n"):
        heading = markdown_lines.atx_heading(line)
        if heading:
            return _plain(heading[1])
    for line in markdown_text.split("\n"):
        if line.strip():
            text = _plain(line.strip().lstrip("-*>+ ").strip())
            return text if len(text) <= 60 else text[:57].rstrip() + "…"
    return ""


def _plain(text: str) -> str:
    """Heading Markdown as plain text: links to their words, emphasis marks dropped."""
    text = _LINK.sub(r"\1", text)
    return re.sub(r"[*_`]", "", text).strip()


def _starts_with_heading(markdown_text: str) -> bool:
    first = next((line for line in markdown_text.split("\n") if line.strip()), "")
    return markdown_lines.atx_heading(first) is not None


def _escape_heading(title: str) -> str:
    # A title is text, not Markdown: keep a "#", "*" or "[" in it from turning into markup.
    return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", title)
