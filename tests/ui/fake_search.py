"""A test double of `kit.core.search` (SearchIndex.open and .search, as kit.ui.library.search_service uses them), not of any widget.

It answers with titles and summaries that contain the query, optionally slowly, so the UI's threading can be
tested without building a tantivy index.
"""

from __future__ import annotations

import html
import threading
import time
from dataclasses import dataclass, field

from kit.core.search import Hit, SearchResults  # the real result values; only the index is faked


@dataclass
class FakeSearchIndex:
    library: object
    delay_s: float = 0.0
    suggestions: dict[str, str] = field(default_factory=dict)
    calls: list[tuple[str, dict]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def opener(cls, delay_s: float = 0.0, open_delay_s: float = 0.0, steps: int = 3, **kwargs):
        """An `open(index_dir, library, progress)` with the contract's signature; keeps the index it made."""
        made: list[FakeSearchIndex] = []

        def open_index(index_dir, library, progress=None):
            for step in range(steps):
                if progress:
                    progress(step, steps)
                time.sleep(open_delay_s / max(steps, 1))
            if progress:
                progress(steps, steps)
            index = cls(library, delay_s, **kwargs)
            made.append(index)
            return index

        open_index.made = made
        return open_index

    def search(self, query, *, kind=None, audience=None, language=None, limit=10):
        with self.lock:
            self.calls.append((query, {"kind": kind, "audience": audience, "language": language}))
        time.sleep(self.delay_s)
        words = query.lower().split()
        hits = []
        for resource in self.library.resources:
            text = f"{resource.title} {resource.summary}".lower()
            if (kind and resource.kind != kind) or (audience and audience not in resource.audience):
                continue
            if language and resource.language != language:
                continue
            if words and all(w in text for w in words):
                snippet = html.escape(resource.summary)
                for word in words:
                    snippet = snippet.replace(word, f"<b>{word}</b>")
                hits.append(Hit(resource.id, resource.title, resource.kind, list(resource.audience), snippet, 1.0))
        return SearchResults(query, hits[:limit], self.suggestions.get(query), len(hits), 0.1)
