"""`SearchIndex`: open (build, update or repair) the kit's index and answer queries. Never raises on a query.

Thread safety: one writer (open/update/recovery hold `_write_lock`) and any number of readers. A search reads
`self._state` once; a writer builds a whole new state and swaps it in, so readers always see a consistent
index — the old one until the new commit is ready.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import tantivy

from kit.core.content.loader import Library
from kit.core.errors import is_fatal
from kit.core.model import Resource
from kit.core.search import full_disk, lexicon, storage, synonyms
from kit.core.search.analysis import LANGS, plain_tokens, register_tokenizers
from kit.core.search.completion import Completions
from kit.core.search.documents import build_schema, extract, fingerprint, make_document
from kit.core.search.idf import LanguageIdf
from kit.core.search.query import Parsed, Plan, Planner, parse
from kit.core.search.snippets import make_snippet
from kit.core.search.spelling import Speller
from kit.core.search.storage import IndexDamaged
from kit.core.search.stored import StoredDocs

Progress = Callable[[int, int], None]
MAX_LIMIT = 1000
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    kind: str
    audience: list[str]
    snippet: str  # HTML-escaped text, matched words in <b>…</b>
    score: float


@dataclass(frozen=True)
class SearchResults:
    query: str
    results: list[Hit]
    suggestion: str | None
    total: int
    took_ms: float
    notice: str | None = None  # e.g. "Only the first 256 characters were searched."


@dataclass(frozen=True)
class UpdateStats:
    documents: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    rebuilt: bool = False
    seconds: float = 0.0


@dataclass(frozen=True)
class _State:
    """One consistent view of an index: a searcher on one commit, with what the planner needs beside it."""

    index: tantivy.Index
    schema: tantivy.Schema
    docs: dict[str, str]  # fingerprints by id, as indexed
    home: Path | None  # None: in memory
    speller: Speller
    searcher: tantivy.Searcher
    languages: tuple[str, ...]
    stored: StoredDocs  # the documents shown so far, by address in this searcher
    completions: Completions  # what a word being typed may become, in this searcher
    idf: LanguageIdf  # pages per language, for IDF among a language's own pages

    @classmethod
    def create(cls, index: tantivy.Index, docs: dict[str, str], home: Path | None, speller: Speller | None = None):
        index.reload()
        searcher = index.searcher()
        languages = tuple(lang for lang in LANGS if searcher.doc_freq("language", lang)) or LANGS
        speller = speller or Speller(lambda: (term for term, _ in searcher.terms_with_prefix("words", "")))
        extras = StoredDocs(searcher), Completions(searcher), LanguageIdf(searcher)
        return cls(index, index.schema, docs, home, speller, searcher, languages, *extras)


class SearchIndex:
    def __init__(self, state: _State, library: Library, index_dir: Path, notice: str | None, stats: UpdateStats):
        self._state = state
        # Fingerprints of the resources last seen: an unchanged Resource (the same object, or an equal one)
        # is not hashed again, so re-indexing one file of 100k costs one hash, not 100k.
        self._seen = {r.id: (r, state.docs.get(r.id, "")) for r in library.resources}
        self._library = library
        self._index_dir = index_dir
        self._write_lock = threading.Lock()
        self.notice = notice  # what the user should know about the index (rebuilt, temporary...), or None
        self._concepts = synonyms.load(library.packs)  # the packs' synonyms.yaml, applied at query time
        self.last_update = stats

    # ---- opening and updating

    @classmethod
    def open(cls, index_dir: Path, library: Library, progress: Progress | None = None) -> SearchIndex:
        """Open the index for `library` in `index_dir`, building, updating or repairing it as needed."""
        index_dir = Path(index_dir)
        start = time.perf_counter()
        home = storage.index_home(index_dir, _roots(library))
        fingerprints = {r.id: fingerprint(r) for r in library.resources}
        notice = None
        try:
            state = _open_existing(home)
        except IndexDamaged as exc:
            if home.exists():
                notice = f"The search index was rebuilt because {exc}."
            state, problem = _rebuild(home, library, fingerprints, progress)
            notice = problem or notice
            stats = UpdateStats(len(fingerprints), added=len(fingerprints), rebuilt=True)
        else:
            state, stats, problem = _apply_changes(state, library, fingerprints, progress)
            notice = problem
        storage.clean_old(index_dir, home)
        stats = UpdateStats(**{**stats.__dict__, "seconds": time.perf_counter() - start})
        return cls(state, library, index_dir, notice, stats)

    @classmethod
    def rebuild(cls, index_dir: Path, library: Library, progress: Progress | None = None) -> SearchIndex:
        """Throw the on-disk index away and build it again (`kit index --rebuild`)."""
        start = time.perf_counter()
        home = storage.index_home(Path(index_dir), _roots(library))
        fingerprints = {r.id: fingerprint(r) for r in library.resources}
        state, notice = _rebuild(home, library, fingerprints, progress)
        stats = UpdateStats(len(fingerprints), added=len(fingerprints), rebuilt=True)
        stats = UpdateStats(**{**stats.__dict__, "seconds": time.perf_counter() - start})
        return cls(state, library, Path(index_dir), notice, stats)

    def update(self, library: Library, progress: Progress | None = None) -> UpdateStats:
        """Re-index what changed in `library` (one file changed → one document re-indexed). Searches keep
        answering from the previous commit meanwhile."""
        start = time.perf_counter()
        with self._write_lock:
            fingerprints, candidates = self._fingerprints(library)
            state, stats, problem = _apply_changes(
                self._state, library, fingerprints, progress, background=True, candidates=candidates
            )
            self._state, self._library = state, library
            self._concepts = synonyms.load(library.packs)
            if problem:
                self.notice = problem
        self.last_update = UpdateStats(**{**stats.__dict__, "seconds": time.perf_counter() - start})
        return self.last_update

    def _fingerprints(self, library: Library) -> tuple[dict[str, str], list[Resource]]:
        """Fingerprints of `library`, and the resources that may have changed: only objects not seen before
        are compared or hashed (one pass: at 100k resources every extra pass costs tens of milliseconds)."""
        seen = self._seen
        fingerprints = {}
        candidates = []
        for resource in library.resources:
            known = seen.get(resource.id)
            if known is not None and known[0] is resource:
                fingerprints[resource.id] = known[1]
                continue
            value = known[1] if known is not None and known[0] == resource else fingerprint(resource)
            fingerprints[resource.id] = value
            seen[resource.id] = (resource, value)
            candidates.append(resource)
        if len(seen) != len(fingerprints):
            for gone in [rid for rid in seen if rid not in fingerprints]:
                del seen[gone]
        return fingerprints, candidates

    def close(self) -> None:
        """Let segment merges started by `update` finish (the app calls this when it quits)."""
        if self._state.home is not None:
            _finish_merges(self._state.home)

    def warm(self) -> None:
        """Load the "did you mean" vocabulary now (it loads on the first unknown word otherwise: ~0.1 s per
        10k resources) and the completions of short word starts. For a background thread right after opening."""
        state = self._state
        state.speller.prepare()
        state.completions.prepare()
        lexicon.prepare()

    @property
    def location(self) -> Path | None:
        """The index folder, or None when this session searches a temporary in-memory index."""
        return self._state.home

    @property
    def document_count(self) -> int:
        return self._state.searcher.num_docs

    # ---- searching

    def search(
        self,
        query: str,
        *,
        kind: str | None = None,
        audience: str | None = None,
        language: str | None = None,
        limit: int = 10,
    ) -> SearchResults:
        start = time.perf_counter()
        shown = _printable(query)
        try:
            limit = max(0, min(int(limit), MAX_LIMIT))
        except (TypeError, ValueError):
            limit = 10
        filters = {"kind": kind, "audience": audience, "language": language}
        filters = {k: v for k, v in filters.items() if isinstance(v, str) and v}
        parsed = parse(shown)
        if not parsed.positive:
            took = (time.perf_counter() - start) * 1000
            return SearchResults(shown, [], None, 0, took, parsed.notice or "Type a word to search.")
        for attempt in range(2):
            try:
                hits, suggestion, total = self._run(self._state, parsed, filters, limit)
                took = (time.perf_counter() - start) * 1000
                return SearchResults(shown, hits, suggestion, total, took, parsed.notice or self.notice)
            except BaseException as exc:
                if is_fatal(exc):
                    raise
                if attempt == 0:
                    self._recover(exc)
        took = (time.perf_counter() - start) * 1000
        return SearchResults(shown, [], None, 0, took, "Search is not available right now.")

    def _run(self, state: _State, parsed: Parsed, filters: dict, limit: int) -> tuple[list[Hit], str | None, int]:
        planner = Planner(
            state.schema, state.searcher, state.speller, state.languages, self._concepts, state.completions, state.idf
        )
        plan = planner.plan(parsed, filters)
        if plan.query is None:
            return [], plan.suggestion, 0
        result = state.searcher.search(plan.query, max(limit, 1), count=True)
        hits = [] if limit == 0 else _hits(state, plan, result.hits[:limit])
        return hits, plan.suggestion, result.count

    def _recover(self, exc: BaseException) -> None:
        """The index failed under a query (damage tantivy found only now): search a fresh in-memory copy."""
        with self._write_lock:
            fingerprints = {r.id: fingerprint(r) for r in self._library.resources}
            self._state = _build(None, self._library.resources, fingerprints, None)
            self.notice = (
                f"The search index failed ({type(exc).__name__}); this session searches a temporary copy. "
                "Run 'kit index --rebuild' to repair it."
            )


# ---- building blocks (module level: they hold no state of their own)


def _roots(library: Library) -> list[Path]:
    """The folders the packs live in: a pack added to one of them is indexed as new files, not a new index."""
    return sorted({p.path.parent for p in library.packs})


def _open_existing(home: Path) -> _State:
    if not home.is_dir():
        raise IndexDamaged("it was missing")
    docs = storage.read_manifest(home)
    storage.check_files(home)
    try:
        index = tantivy.Index.open(str(home))
        register_tokenizers(index)
        state = _State.create(index, docs, home)
    except BaseException as exc:
        if is_fatal(exc):
            raise
        raise IndexDamaged(f"it could not be opened ({type(exc).__name__})") from None
    if state.searcher.num_docs != len(docs):
        raise IndexDamaged("it was out of step with its manifest")
    return state


def _build(path: Path | None, resources: Sequence[Resource], fingerprints: dict[str, str], progress) -> _State:
    schema = build_schema()
    index = tantivy.Index(schema, path=str(path) if path else None, reuse=False)
    register_tokenizers(index)
    threads = 1 if len(resources) < 5_000 else min(4, os.cpu_count() or 1)
    writer = index.writer(heap_size=max(30_000_000, 60_000_000 * threads), num_threads=threads)
    total = len(resources)
    step = max(1, total // 100)
    for done, resource in enumerate(resources, 1):
        writer.add_document(make_document(resource))
        if progress and (done % step == 0 or done == total):
            progress(done, total)
    writer.commit()
    writer.wait_merging_threads()
    if progress and not total:
        progress(0, 0)
    return _State.create(index, dict(fingerprints), path)


def _rebuild(home: Path, library: Library, fingerprints: dict[str, str], progress) -> tuple[_State, str | None]:
    """Build next to the old index and swap it in; where the disk refuses, build in memory and say so."""
    _finish_merges(home)
    try:
        built = storage.fresh_dir(home)
    except OSError as exc:
        return _in_memory(library, fingerprints, progress, f"{home.parent} cannot be written ({exc.strerror})")
    try:
        built_state = _build(built, library.resources, fingerprints, progress)
        storage.write_manifest(built, fingerprints)
        del built_state  # reopened below from where it ends up, so later writers use the right folder
        final = storage.move_into_place(built, home)
        storage.trust_files(final)
        index = tantivy.Index.open(str(final))
        register_tokenizers(index)
        return _State.create(index, dict(fingerprints), final), None
    except BaseException as exc:
        if is_fatal(exc):
            raise
        # The half-built copy goes at once (a full disk keeps nothing of it); the old index, if any, is untouched.
        shutil.rmtree(built, ignore_errors=True)
        why = f"{home.parent} cannot be used ({type(exc).__name__})"
        return _in_memory(library, fingerprints, progress, why, home.parent if full_disk.is_disk_full(exc) else None)


def _in_memory(library: Library, fingerprints, progress, why: str, full: Path | None = None) -> tuple[_State, str]:
    """A temporary index for this session; `full`: the folder whose disk is full (the notice says what to free)."""
    state = _build(None, library.resources, fingerprints, progress)
    if full is not None:
        return state, full_disk.notice(full, library.resources)
    return state, f"The search index folder {why}; this session searches a temporary in-memory index."


# Segment merges that `update` left running (by index folder): tantivy merges small segments into big ones
# after a commit, which at 100k resources takes seconds. The change is searchable once committed, so the
# merge is waited for in a thread (it releases the GIL), and joined before the next writer is made.
_merges: dict[Path, threading.Thread] = {}
_merges_lock = threading.Lock()


def _finish_merges(home: Path) -> None:
    with _merges_lock:
        thread = _merges.pop(home, None)
    if thread is not None:
        thread.join()


def _merge_later(home: Path, writer: tantivy.IndexWriter) -> None:
    # Not a daemon: a thread still inside tantivy when the interpreter finalises aborts the process.
    thread = threading.Thread(target=writer.wait_merging_threads, name="kit-index-merge")
    thread.start()
    with _merges_lock:
        _merges[home] = thread


def _apply_changes(
    state: _State,
    library: Library,
    fingerprints: dict[str, str],
    progress,
    background: bool = False,
    candidates: Sequence[Resource] | None = None,
) -> tuple[_State, UpdateStats, str | None]:
    """Re-index what differs between the index and `fingerprints`. `candidates`, when given, are the only
    resources that can differ (the others are the very objects indexed last time)."""
    old = state.docs
    added, changed = [], []
    for resource in library.resources if candidates is None else candidates:
        before = old.get(resource.id)
        if before is None:
            added.append(resource)
        elif before != fingerprints[resource.id]:
            changed.append(resource)
    removed = [rid for rid in old if rid not in fingerprints] if len(old) + len(added) != len(fingerprints) else []
    stats = UpdateStats(len(fingerprints), len(added), len(changed), len(removed))
    if not (removed or added or changed):
        return state, stats, None
    if state.home is not None:
        _finish_merges(state.home)
    try:
        writer = state.index.writer(heap_size=15_000_000, num_threads=1)
    except BaseException as exc:
        if is_fatal(exc):
            raise
        locked = "LockBusy" in str(exc)
        why = "is in use by another kit" if locked else f"cannot be written ({type(exc).__name__})"
        new_state, notice = _in_memory(library, fingerprints, progress, f"{state.home} {why}")
        return new_state, stats, notice
    total = len(added) + len(changed)
    try:
        for rid in [*removed, *(r.id for r in changed)]:
            writer.delete_documents_by_term("id", rid)
        for done, resource in enumerate([*changed, *added], 1):
            writer.add_document(make_document(resource))
            if progress:
                progress(done, total)
        writer.commit()
    except BaseException as exc:  # a full disk mid-commit: the last commit on disk stays whole, searched in memory
        if is_fatal(exc):
            raise
        with contextlib.suppress(BaseException):
            writer.rollback()
        full = state.home if full_disk.is_disk_full(exc) else None
        why = f"{state.home} cannot be written ({type(exc).__name__})"
        new_state, notice = _in_memory(library, fingerprints, progress, why, full)
        return new_state, stats, notice
    if background and state.home is not None:
        _merge_later(state.home, writer)
    else:
        writer.wait_merging_threads()
    if len(added) + len(changed) <= 1_000:
        words = set()
        for resource in [*changed, *added]:
            text = extract(resource)
            words.update(plain_tokens(" ".join([resource.title, resource.summary, text.body, text.teacher])))
        state.speller.add(words)
        new_state = _State.create(state.index, fingerprints, state.home, state.speller)
    else:  # many changes: reading the vocabulary again (when first needed) beats analysing every changed text
        new_state = _State.create(state.index, fingerprints, state.home)
    if state.home is not None:
        try:
            changes = {rid: None for rid in removed} | {r.id: fingerprints[r.id] for r in [*changed, *added]}
            storage.append_manifest(state.home, changes)
        except OSError:
            pass  # the next open re-indexes these files again: slower, never wrong
    return new_state, stats, None


def _hits(state: _State, plan: Plan, found) -> list[Hit]:
    hits = []
    for score, address in found:
        doc = state.stored.get(address)
        hits.append(
            Hit(
                id=doc.id,
                title=doc.title,
                kind=doc.kind,
                audience=list(doc.audience),
                # From the stored student text only: teacher-only text is never stored, so never shown.
                snippet=make_snippet(doc.body, plan.highlight.get(doc.language, ()), doc.summary, plan.exact),
                score=round(float(score), 4),
            )
        )
    return hits


def _printable(query) -> str:
    """The query as given, made safe to print and to encode (a lone surrogate becomes U+FFFD)."""
    if not isinstance(query, str):
        query = "" if query is None else str(query)
    return _SURROGATE.sub("\ufffd", query)
