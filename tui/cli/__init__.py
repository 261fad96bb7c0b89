"""The command line: ``ox show``, ``ox compare`` and the other lookups (never Textual). Its entry
point is ``tui.cli.main.main`` (this package imports nothing)."""
