"""The command line: ``ox show``, ``ox compare`` and the other lookups (never Textual)."""

from __future__ import annotations

from tui.cli.main import main

__all__ = ["main"]
