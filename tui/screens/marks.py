"""Forces marked in the Forces view for the multi-force chart (``space`` marks, ``g`` charts)."""

from __future__ import annotations

from tui.model.results.multi_series import MAX_FORCES

MARK_UNICODE = "●"
MARK_ASCII = "*"
"""The marker glyph shown before a marked force's name (a glyph, so it reads without colour)."""


def mark_glyph(ascii_only: bool) -> str:
    """The marker of a marked row."""
    return MARK_ASCII if ascii_only else MARK_UNICODE


class Marks:
    """An ordered set of force names, at most :data:`MAX_FORCES` (the chart's order is this)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    @property
    def as_set(self) -> frozenset[str]:
        """The marked names, for the table."""
        return frozenset(self.names)

    def toggle(self, name: str) -> str:
        """Mark ``name``, or unmark it when marked; returns why not when it cannot be marked
        (``""`` otherwise)."""
        if name in self.names:
            self.names.remove(name)
        elif len(self.names) >= MAX_FORCES:
            return f"At most {MAX_FORCES} forces fit one chart: unmark one first"
        else:
            self.names.append(name)
        return ""

    def clear(self) -> None:
        """Unmark every force."""
        self.names.clear()

    def status(self) -> str:
        """The status-line part: how many are marked, and the key that charts them."""
        return f"{len(self.names)} marked (g: chart)" if self.names else ""
