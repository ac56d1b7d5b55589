"""Limits for reading zip files we did not make (.kitpack files, Word/PowerPoint/OpenDocument documents).

Declared sizes are never trusted: readers count the bytes they really decompress against these.
"""

MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 300_000_000
MAX_RATIO = 100  # real bytes out per byte of archive; text zips at 3-10, a bomb at 1000+
RATIO_FLOOR_BYTES = 2_000_000  # below this a high ratio is harmless (a page of repeated lines)
CHUNK = 64 * 1024
