"""One error model: the core's user-facing errors share `KitError`; rendering and search share `is_fatal`."""

from pathlib import Path

import pytest

from kit.core.content.frontmatter import ReadError
from kit.core.content.loader import load_library
from kit.core.errors import KitError, is_fatal
from kit.core.importers import ConvertError
from kit.core.model import Resource
from kit.core.packs.manifest import PackConflict, PackError
from kit.core.packs.own_pack import MaterialError
from kit.core.render import markup
from kit.core.store.database import StoreError


class FakePanic(BaseException):
    """What pyo3 raises for a Rust panic (tantivy, nh3): a BaseException that is not fatal."""


@pytest.mark.parametrize("error", [ReadError, PackError, PackConflict, MaterialError, StoreError, ConvertError])
def test_core_user_errors_are_kit_errors(error):
    assert issubclass(error, KitError)


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), SystemExit(1), GeneratorExit(), MemoryError()])
def test_stopping_and_out_of_memory_are_fatal(exc):
    assert is_fatal(exc)


@pytest.mark.parametrize("exc", [FakePanic(), RecursionError(), ValueError(), KitError("x"), OSError()])
def test_what_an_input_can_cause_is_not_fatal(exc):
    assert not is_fatal(exc)


def _resource(tmp_path: Path, body: str = "Hello **world**.\n") -> Resource:
    return Resource(id="r", title="R", kind="article", pack="p", pack_dir=tmp_path, path=tmp_path / "r.md", body=body)


def test_a_memory_error_while_rendering_is_not_cached(tmp_path, monkeypatch):
    """After a MemoryError the same page must render once memory is back, not show an error page all session."""
    markup._render_cached.cache_clear()
    real = markup._render
    calls = []

    def short_of_memory_once(resource, edition):
        calls.append(edition)
        if len(calls) == 1:
            raise MemoryError
        return real(resource, edition)

    monkeypatch.setattr(markup, "_render", short_of_memory_once)
    resource = _resource(tmp_path)
    with pytest.raises(MemoryError):
        markup.render(resource)
    rendered = markup.render(resource)
    assert rendered.safe and "<strong>world</strong>" in rendered.html
    markup._render_cached.cache_clear()


def test_a_page_that_breaks_the_renderer_gives_an_error_page(tmp_path, monkeypatch):
    """A failure caused by the file (here a panic-like BaseException) is an error page, remembered: it would
    fail the same way again."""
    markup._render_cached.cache_clear()
    calls = []

    def panics(resource, edition):
        calls.append(edition)
        raise FakePanic

    monkeypatch.setattr(markup, "_render", panics)
    resource = _resource(tmp_path)
    first = markup.render(resource)
    assert not first.safe and "could not be displayed" in first.html
    assert "FakePanic" in first.problems[0].message
    assert markup.render(resource) is first and len(calls) == 1
    markup._render_cached.cache_clear()


def test_search_follows_the_same_rule(tmp_path, monkeypatch):
    """Search recovers from a panic-like failure but lets a MemoryError through, as rendering does."""
    from kit.core.search import SearchIndex

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: p\ntitle: P\n", encoding="utf-8")
    (pack / "apples.md").write_text("---\ntitle: Apples\nkind: article\n---\nApples grow on trees.\n")
    index = SearchIndex.open(tmp_path / "index", load_library([pack]))
    assert [h.id for h in index.search("apples").results] == ["apples"]

    def fails_with(exc):
        def run(*args):
            raise exc

        return run

    monkeypatch.setattr(index, "_run", fails_with(MemoryError()))
    with pytest.raises(MemoryError):
        index.search("apples")
    monkeypatch.setattr(index, "_run", fails_with(FakePanic()))
    assert index.search("apples").results == []  # recovered into a message, not raised
