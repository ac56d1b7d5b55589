"""Search over the kit: tantivy-backed, typo-forgiving, English and French, never raising on what people type.

`SearchIndex.open(index_dir, library, progress)` builds, updates or repairs the on-disk index;
`index.search(query, kind=..., audience=..., language=..., limit=...)` returns `SearchResults` of `Hit`s.
"""

from kit.core.search.index import Hit, SearchIndex, SearchResults, UpdateStats

__all__ = ["Hit", "SearchIndex", "SearchResults", "UpdateStats"]
