"""Reading a resource file safely: bytes to text, front matter split off, YAML parsed with limits."""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kit.core.errors import KitError

MAX_FILE_BYTES = 1_000_000  # a long article is ~30 KB; this leaves room and stops 50 MB files
MAX_FRONT_MATTER_BYTES = 16_384
MAX_YAML_DEPTH = 8


# Errors of a device rather than of the file: EIO (a failing disk, a stick pulled out mid-read), ENXIO/ENODEV (gone).
_DEVICE_GONE = (errno.EIO, errno.ENXIO, errno.ENODEV)


class ReadError(KitError):
    """A file that cannot be read as a resource; `line` says where."""

    def __init__(self, line: int, message: str, hint: str = ""):
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


@dataclass
class ParsedFile:
    """A resource file split into its metadata and its Markdown body."""

    meta: dict[str, Any]
    key_lines: dict[str, int]  # field name -> line in the file, for messages
    body: str
    body_line: int
    warnings: list[ReadError] = field(default_factory=list)


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[str, list[ReadError]]:
    """Read a file as UTF-8 text, refusing what is not text; returns text and warnings."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ReadError(
                1,
                f"file is {size / 1_000_000:.1f} MB; the limit is {limit // 1_000_000} MB",
                "split it into several resources",
            )
        data = path.read_bytes()
    except OSError as exc:
        hint = "check it exists and is readable"
        if exc.errno in _DEVICE_GONE:  # bad-inputs F15: the drive failed part-way, or a USB stick was pulled out
            hint = "the drive it is on stopped answering: plug it back in, or import the pack so the kit keeps a copy"
        raise ReadError(1, f"cannot read the file ({exc.strerror or exc})", hint) from exc
    warnings: list[ReadError] = []
    if not data.strip():
        raise ReadError(1, "file is empty", "add front matter and text, or delete it")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(1, "file is UTF-16 text", "save it as UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        warnings.append(ReadError(1, "file starts with a byte-order mark (BOM)", "save it as UTF-8 without BOM"))
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ReadError(line, "file contains NUL bytes, so it is not text", "save it again as plain UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReadError(
            line, "file is not UTF-8 text", "save it as UTF-8 (most editors offer this under Save As)"
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split `---` front matter from the body; returns (yaml, body, body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ReadError(1, "no front matter", "start the file with a line '---', the fields, then '---'")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise ReadError(1, "front matter starting here never closes", "add a line '---' after the last field")


# libyaml's parser when present (several times faster); the same safe constructors either way.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):
    """The safe loader, with dates left as text so we can say which field is wrong."""


# Only plain values: no bytes, sets or ordered pairs (bad-inputs Y12).
for _tag in ("binary", "set", "omap", "pairs"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", None)
_Loader.yaml_constructors = {
    tag: constructor for tag, constructor in _Loader.yaml_constructors.items() if constructor is not None
}

# Keep timestamps as strings: PyYAML raises a bare ValueError on 2024-02-30, far from the field.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _check_events(source: str, first_line: int) -> None:
    """Refuse anchors, aliases and deep nesting before anything is built (billion laughs, stack depth)."""
    depth = 0
    for event in yaml.parse(source, Loader=_Loader):
        line = first_line + event.start_mark.line
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ReadError(line, "YAML anchors and aliases (& and *) are not allowed", "write each value out in full")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise ReadError(line, f"front matter is nested more than {MAX_YAML_DEPTH} levels deep", "flatten it")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse_front_matter(
    source: str, first_line: int = 2, max_bytes: int = MAX_FRONT_MATTER_BYTES
) -> tuple[dict[str, Any], dict[str, int], list[ReadError]]:
    """Parse front matter YAML into a dict, with each key's line and any warnings.

    `first_line` is the file line where the YAML starts, so messages point into the file.
    """
    if len(source.encode("utf-8")) > max_bytes:
        raise ReadError(first_line, f"front matter is larger than {max_bytes // 1024} KB", "keep long text in the body")
    for offset, line in enumerate(source.split("\n")):
        if "\t" in line:
            raise ReadError(first_line + offset, "tab character in front matter", "YAML needs spaces, not tabs")
    warnings: list[ReadError] = []
    try:
        _check_events(source, first_line)
        loader = _Loader(source)
        try:
            node = loader.get_single_node()
            if node is None:
                return {}, {}, [ReadError(first_line, "front matter is empty", "add title and kind")]
            if not isinstance(node, yaml.MappingNode):
                raise ReadError(
                    first_line, "front matter is not a list of 'field: value' lines", "see resources/README.md"
                )
            key_lines: dict[str, int] = {}
            for key_node, _value in node.value:
                key = str(key_node.value)
                line = first_line + key_node.start_mark.line
                if key in key_lines:
                    warnings.append(ReadError(line, f"field '{key}' is given twice; the last one wins", "remove one"))
                key_lines[key] = line
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except ReadError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and (mark.line >= source.count("\n") or "end of stream" in str(exc.problem)):
            # Something left open (a quote, a bracket) is best shown where it was opened.
            mark = exc.context_mark
        # libyaml can place the mark one line past the end; the last real line is where to look.
        line = first_line + min(mark.line, source.count("\n")) if mark else first_line
        if "nesting depth" in str(exc.problem):  # libyaml's own limit (PyYAML 6.0.4+), met before ours
            raise ReadError(
                line, f"front matter is nested more than {MAX_YAML_DEPTH} levels deep", "flatten it"
            ) from exc
        what = exc.problem or "invalid YAML"
        if "could not determine a constructor" in str(exc):
            what = "unsupported YAML tag (only text, numbers, true/false, lists and fields are allowed)"
        raise ReadError(line, f"front matter error: {what}", "check quotes, colons and indentation") from exc
    except yaml.YAMLError as exc:
        raise ReadError(first_line, f"front matter error: {exc}", "check the YAML") from exc
    except (RecursionError, TypeError, ValueError) as exc:
        raise ReadError(first_line, f"front matter cannot be read ({type(exc).__name__})", "simplify it") from exc
    return data, key_lines, warnings


def read_resource_file(path: Path) -> ParsedFile:
    """Read, decode and split a resource file. Raises ReadError for a file that must be skipped."""
    text, warnings = read_text(path)
    yaml_text, body, body_line = split_front_matter(text)
    meta, key_lines, yaml_warnings = parse_front_matter(yaml_text)
    return ParsedFile(meta, key_lines, body, body_line, warnings + yaml_warnings)


def read_yaml_file(
    path: Path, max_bytes: int = MAX_FRONT_MATTER_BYTES
) -> tuple[dict[str, Any], dict[str, int], list[ReadError]]:
    """Read a whole-file YAML document (pack.yaml) with the same limits (a larger size only where asked)."""
    text, warnings = read_text(path, limit=max_bytes)
    meta, key_lines, more = parse_front_matter(text, first_line=1, max_bytes=max_bytes)
    return meta, key_lines, warnings + more
