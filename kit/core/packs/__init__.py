"""Packs on disk: the .kitpack format, importing, installed packs, exporting, the teacher's own pack."""
