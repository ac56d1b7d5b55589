"""Rendering resources: Markdown to safe HTML, links, limits, plain text, slides and the reading page."""
