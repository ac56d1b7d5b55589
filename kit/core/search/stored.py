"""The stored fields of the documents a search shows, kept in memory for the next searches that show them.

Reading a document back from tantivy's store (decompress a block, convert every field to Python) and folding
its text for the snippet cost about as much per hit as the snippet itself. Typing a query shows the same
resources keystroke after keystroke, so each is read once per index commit: entries are keyed by document
address, which is only valid for one searcher, so a new commit gets a new cache (`_State.create`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import tantivy

from kit.core.search.snippets import Scanned, scan

# Text kept (characters of body + summary) before the least recently shown documents are dropped: about
# 20 MB with the folded copy, the stored text of a few thousand typical resources.
MAX_CACHED_CHARS = 8_000_000


@dataclass(frozen=True)
class Stored:
    id: str
    title: str
    kind: str
    language: str
    audience: tuple[str, ...]
    body: Scanned  # student text only: teacher text is never stored
    summary: Scanned  # shown when only the title matched

    @property
    def size(self) -> int:
        return len(self.body.text) + len(self.summary.text)


class StoredDocs:
    """Stored fields by document address for one searcher, least recently used dropped first."""

    def __init__(self, searcher: tantivy.Searcher, budget: int | None = None):
        self._searcher = searcher
        self._budget = MAX_CACHED_CHARS if budget is None else budget  # read now: a benchmark sets it to 0
        self._entries: OrderedDict[tuple[int, int], Stored] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()  # searches may run on several threads

    def get(self, address: tantivy.DocAddress) -> Stored:
        key = (address.segment_ord, address.doc)
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
        found = _read(self._searcher.doc(address))  # outside the lock: another thread may read meanwhile
        with self._lock:
            if key not in self._entries:
                self._entries[key] = found
                self._chars += found.size
                while self._chars > self._budget and self._entries:
                    _key, dropped = self._entries.popitem(last=False)
                    self._chars -= dropped.size
        return found


def _read(doc: tantivy.Document) -> Stored:
    lang = doc.get_first("language") or "en"
    return Stored(
        id=doc.get_first("id") or "",
        title=doc.get_first(f"title_{lang}") or "",
        kind=doc.get_first("kind") or "",
        language=lang,
        audience=tuple(doc.get_all("audience")),
        body=scan(doc.get_first(f"body_{lang}") or ""),
        summary=scan(doc.get_first(f"summary_{lang}") or ""),
    )
