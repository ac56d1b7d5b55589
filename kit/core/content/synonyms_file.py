"""Reading and checking a pack's `synonyms.yaml` (the format is in resources/README.md): groups of phrases as
the author wrote them, and every problem with its line. `kit validate` reports the problems; search
(kit.core.search.synonyms) folds the phrases the way the index folds words."""

from __future__ import annotations

import re
from pathlib import Path

from kit.core.content.frontmatter import ReadError, read_yaml_file
from kit.core.model import Problem

FILE_NAME = "synonyms.yaml"
MAX_PHRASE_WORDS = 6
MAX_PHRASES = 2_000
SECTIONS = ("same", "words_for")
_WORD = re.compile(r"[^\W_]+")  # as search splits words: runs of letters and digits

# (phrases someone may type, phrases each of them also finds)
Group = tuple[list[str], list[str]]


def read_groups(pack_dir: Path) -> tuple[list[Group], list[Problem]]:
    """The file's groups and its problems (no file: none of either). A broken file is an error; a bad entry
    is a warning and is skipped."""
    path = Path(pack_dir) / FILE_NAME
    if not path.is_file():
        return [], []
    try:
        data, lines, warnings = read_yaml_file(path)
    except ReadError as exc:
        return [], [Problem(path, exc.line, exc.message, exc.hint)]
    problems = [Problem(path, w.line, w.message, w.hint, "warning") for w in warnings]

    def warn(key: str, message: str, hint: str) -> None:
        problems.append(Problem(path, lines.get(key, 1), message, hint, "warning"))

    for key in data:
        if key not in SECTIONS:
            warn(str(key), f"unknown section '{key}'", "use 'same:' and 'words_for:' (see resources/README.md)")
    groups: list[Group] = []
    same = data.get("same") or []
    if not isinstance(same, list):
        warn("same", "'same' is not a list of groups", "write each group as - [word, other word]")
        same = []
    for group in same:
        phrases = _phrases(group, "same", warn)
        if len(phrases) < 2:
            warn("same", f"a group in 'same' needs two or more words: {group!r}", "add the other words or remove it")
        else:
            groups.append((phrases, phrases))
    words_for = data.get("words_for") or {}
    if not isinstance(words_for, dict):
        warn("words_for", "'words_for' is not a list of 'kit word: [what people type]'", "see resources/README.md")
        words_for = {}
    for target, typed in words_for.items():
        phrases = _phrases(typed if isinstance(typed, list) else [typed], "words_for", warn)
        if not _is_phrase(target):
            warn("words_for", f"{target!r} is not a word or a phrase of at most {MAX_PHRASE_WORDS} words", "fix it")
        elif phrases:
            groups.append((phrases, [str(target)]))
    if sum(len(typed) for typed, _ in groups) > MAX_PHRASES:
        warn("same", f"more than {MAX_PHRASES} phrases; the rest are ignored", "keep the map to real synonyms")
    return groups, problems


def _is_phrase(value) -> bool:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return False
    return 0 < len(_WORD.findall(str(value))) <= MAX_PHRASE_WORDS


def _phrases(values, key: str, warn) -> list[str]:
    if not isinstance(values, list):
        warn(key, f"expected a list like [word, other word], found {values!r}", "put the words in [ ]")
        return []
    phrases: list[str] = []
    for value in values:
        if not _is_phrase(value):
            warn(key, f"{value!r} is not a word or a phrase of at most {MAX_PHRASE_WORDS} words", "fix or remove it")
        elif str(value) not in phrases:
            phrases.append(str(value))
    return phrases
