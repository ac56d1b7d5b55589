"""Student and teacher editions: facilitator blocks (`!!! teacher`) are kept for teachers, removed for students."""

from __future__ import annotations

import re

from kit.core.i18n import INTERFACE_LANGUAGES, QT_TRANSLATE_NOOP, translate_for

TEACHER_BLOCK_START = re.compile(r"^!!!\s+teacher\b(.*)$")
# A facilitator block's label in the teacher edition, in the resource's language (kit.core.i18n). The French has
# no apostrophe: the label is matched again in the sanitised HTML (kit.printing.styles), where one is escaped.
TEACHER_ONLY = QT_TRANSLATE_NOOP("Editions", "Teacher only: {title}")
UNTITLED = QT_TRANSLATE_NOOP("Editions", "notes")


def teacher_label_prefixes() -> list[str]:
    """The words before a block's title in every interface language ("Teacher only: ", …)."""
    return [translate_for(language, "Editions", TEACHER_ONLY).split("{title}")[0] for language in INTERFACE_LANGUAGES]


def _is_block_line(line: str) -> bool:
    return not line.strip() or line.startswith(("    ", "\t"))


def split_teacher_blocks(body: str) -> tuple[str, list[str]]:
    """Return the body without facilitator blocks, and each block's text (label first, dedented)."""
    kept: list[str] = []
    blocks: list[str] = []
    lines = body.split("\n")
    index = 0
    while index < len(lines):
        match = TEACHER_BLOCK_START.match(lines[index])
        if not match:
            kept.append(lines[index])
            index += 1
            continue
        label = match.group(1).strip().strip("\"'")
        index += 1
        inner: list[str] = []
        while index < len(lines) and _is_block_line(lines[index]):
            inner.append(lines[index][4:] if lines[index].startswith("    ") else lines[index].lstrip("\t"))
            index += 1
        text = "\n".join(inner).strip()
        blocks.append(f"{label}\n{text}" if label else text)
        kept.append("")
    return "\n".join(kept), blocks


def edition_markdown(body: str, edition: str, language: str = "en") -> str:
    """The Markdown a given edition shows. Unknown editions are treated as the student one (the safe side)."""
    if edition == "teacher":
        # Label every facilitator block so it is visibly the teacher's, on screen and on paper.
        return re.sub(
            # Possessive (*+, ?+) and line-bound: the old pattern was quadratic in trailing blanks.
            r"^!!![ \t]++teacher\b[ \t]*+(?:\"([^\"\n]*+)\"|'([^'\n]*+)')?+[ \t]*+$",
            lambda m: '!!! teacher "{}"'.format(
                translate_for(language, "Editions", TEACHER_ONLY).format(
                    title=m.group(1) or m.group(2) or translate_for(language, "Editions", UNTITLED)
                )
            ),
            body,
            flags=re.MULTILINE,
        )
    return split_teacher_blocks(body)[0]
