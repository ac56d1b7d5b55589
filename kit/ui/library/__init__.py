"""Finding resources: the library panel, the search panel and the search service behind it."""
