"""Printing from the window: Print, Print Preview, Export PDF and the class packet builder."""
