"""The explorer's views and dialogs, one module each (imported by their own names: this package
imports nothing, so the start screen, ``tui.screens.forces``, loads without the others)."""
