"""Helpers for build_installer.py: pure functions that plan a frozen, packaged Classroom Kit."""
