"""The teacher's own data in the window: bookmarks, notes, lessons, own material and packs."""
