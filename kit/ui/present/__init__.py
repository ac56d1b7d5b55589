"""Presenting a resource as slides: audience view on the projector, presenter view on the laptop."""

from kit.ui.present.session import add_present_actions, start_presentation

__all__ = ["add_present_actions", "start_presentation"]
