"""Loading content: packs and resource files from disk into frozen values."""
