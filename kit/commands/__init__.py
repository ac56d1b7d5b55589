"""Command-line commands that belong to one feature each; `kit.cli` finds them here."""
