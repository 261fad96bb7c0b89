"""The offence picker (``o``): any code, group, subgroup, or all offences, searchable."""

from __future__ import annotations

from collections.abc import Sequence

from tui.model.data.offence_terms import matching_terms
from tui.model.data.offences import OffenceInfo, search_offences
from tui.screens.picker import Choice, Picker
from tui.widgets.cells import highlighted


def offence_picker(offences: Sequence[OffenceInfo], current: str | None) -> Picker[str]:
    """A picker over ``offences`` that returns the chosen selection's key (``current`` ticked)."""

    def search(query: str) -> list[Choice[str]]:
        return [
            Choice(
                highlighted(c.selection.label, c.positions, "bold underline"),
                c.selection.key,
                f'for "{c.term}"' if c.term else "",
            )
            for c in search_offences(tuple(offences), query)
        ]

    return Picker(
        "Offence",
        search(""),
        search=search,
        current=current,
        placeholder="code, description, group or subgroup",
        picker_id="pick-offence",
        remark=term_remark,
    )


def term_remark(query: str) -> str:
    """What the words typed are, when they are no offence code ("domestic abuse": a flag)."""
    notes = [f'"{t.term}": {t.note}' for t in matching_terms(query) if not t.offence]
    return " ".join(notes)
