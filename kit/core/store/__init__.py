"""The teacher's own data in SQLite: bookmarks, notes, lessons; the files behind it."""
