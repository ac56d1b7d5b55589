"""Presenting a resource as slides: audience view on the projector, presenter view on the laptop."""
