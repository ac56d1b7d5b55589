"""The spelling word lists are parsed a slice at a time (issue 15): one json.loads of a whole list held the
interpreter lock for 100-340 ms on the search thread while the window showed its first page."""

from __future__ import annotations

import gzip
import importlib.resources
import json

import pytest

from kit.core.search import lexicon

TRICKY = [
    '{"a": 1, "b": 2, "c": 3}',
    '{\n"a": 48779620,\n"a\'s": 50,\n"zürich": 50\n}',
    '{"1,": 5, "a": 2}',  # a key ending in digit-comma: the cut must not fall inside it
    '{"x1, \\"y": 4, "z": 5}',  # an escaped quote after a comma inside a key
    '{"a": [1, "x"], "b": 3}',  # a nested value: not the lists' shape, parsed whole
    '{"a": 1, "a": 2}',  # a repeated key: the last one wins, as in json
    '{"a" : 1 ,  "b":2}',
    "{}",
    "[1, 2]",
]


@pytest.mark.parametrize("text", TRICKY)
def test_slices_give_what_json_gives(monkeypatch, text):
    monkeypatch.setattr(lexicon, "SLICE_CHARS", 3)  # a cut at every comma that could end an entry
    assert lexicon.parse_counts(text) == json.loads(text)


def test_a_broken_list_is_refused_like_json(monkeypatch):
    monkeypatch.setattr(lexicon, "SLICE_CHARS", 3)
    with pytest.raises(ValueError):
        lexicon.parse_counts('{"a": 1, "b": }')


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_real_lists_are_parsed_in_small_slices(monkeypatch, lang):
    data = (importlib.resources.files("spellchecker") / "resources" / f"{lang}.json.gz").read_bytes()
    text = gzip.decompress(data).decode("utf-8")
    sizes = []
    real_loads = json.loads

    def loads(piece, *args, **kwargs):
        sizes.append(len(piece))
        return real_loads(piece, *args, **kwargs)

    monkeypatch.setattr(lexicon.json, "loads", loads)
    counts = lexicon.parse_counts(text)
    monkeypatch.undo()
    assert counts == json.loads(text)
    assert len(sizes) > 20  # each call holds the lock for a few ms, not the whole list's 100+ ms
    assert max(sizes) < lexicon.SLICE_CHARS + 1000
