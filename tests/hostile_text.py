"""Adversarial text for the fuzz tests and benchmarks/fuzz_bench.py: runs of the characters and tokens that
parsers backtrack or nest on, composed by a seeded random source (Hypothesis drives it in the tests)."""

from __future__ import annotations

import random

# Markdown and HTML building blocks, the shapes of issue 15 among them, plus controls and odd Unicode.
PIECES = (
    "#",
    "# ",
    "## ",
    " ",
    "\t",
    "\n",
    "\n\n",
    "-",
    "=",
    "|",
    ":",
    "*",
    "_",
    "~",
    "`",
    "```",
    ">",
    "<",
    "&",
    "!",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "[^1]",
    "[^1]: n\n",
    "[TOC]\n",
    "!!! teacher",
    "!!! note",
    "<!--",
    "-->",
    "<script>",
    "<table>",
    "<div>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![](file:///etc/passwd)",
    "kit:",
    "a",
    "word ",
    "é",
    "e\u0301",
    "\u200b",
    "\u202e",
    "\x00",
    "\x1b]0;t\x07",
    "\ud800",
    "&#x61;",
    "1. ",
    " 000",  # a run of thousands groups: the first statistics pattern was cubic on "1 000 000 …"
    "{{fig:",
    "{{fig:x}}",
    "9 in 10 ",
    "neuf sur dix ",
    # html_limits.break_long_words: a run just under the long-word length, and an entity-like run that never closes
    "x" * 59 + " ",
    "&#" + "1" * 31,
)
YAML_PIECES = (
    "title: ",
    "kind: ",
    "article",
    "audience: ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!python/object:x",
    "'",
    '"',
    ": ",
    "- ",
    "\n",
    "  ",
    "\t",
    "---",
    "...",
    "null",
    "no",
    "2024-02-30",
    "<<: ",
    "%YAML 1.1\n",
    "#",
    "|",
    ">",
)


def compose(rng: random.Random, pieces: tuple[str, ...], max_chars: int) -> str:
    """Runs of pieces (a piece repeated 1–400 times, as the slow shapes are) up to about `max_chars`."""
    parts: list[str] = []
    size = 0
    while size < max_chars and rng.random() > 0.03:
        piece = rng.choice(pieces)
        run = piece * (rng.choice((1, 1, 2, 3, 10, 50, 400)))
        parts.append(run)
        size += len(run)
    return "".join(parts)[:max_chars]
