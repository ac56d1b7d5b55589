"""Classroom Kit: an offline teaching kit you can search, read, present and print."""

__version__ = "0.1.0"
