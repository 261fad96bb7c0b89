"""What a dataset's rows are called where the user reads it outside the tables: the find boxes'
placeholders and the name of their key (``/ Find a council area``) say "council area" for
Recorded Crime in Scotland, not "force" (issue 20: the search box said "type to find a force"
above a table of council areas). The tables' headers say it through :func:`area_words`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, Protocol, runtime_checkable

from textual.screen import Screen

from tui.model.data.reference import Force, area_words

FIND_KEYS = frozenset({"grid-jump", "detail-find"})
"""The ids of the bindings that open a box to find a row: named "Find a force" in the class."""


@runtime_checkable
class NamesRows(Protocol):
    """A widget whose text names the rows (a find box's placeholder)."""

    def name_rows(self, word: str) -> None:
        """Say ``word`` ("force", "council area") for a row."""
        ...


def row_word(forces: Iterable[Force]) -> str:
    """What one row is called, in running text: "force" or "council area"."""
    return area_words(forces)[0].lower()


def name_rows(screen: Screen[Any], forces: Iterable[Force]) -> None:
    """Name the rows of ``screen``'s dataset (``forces``) in its find boxes and in the key bar's
    and the help's name of the ``/`` key that opens them."""
    word = row_word(forces)
    description = f"Find a {word}"
    for node in (screen, *screen.walk_children()):
        if isinstance(node, NamesRows):
            node.name_rows(word)
        # Each node's bindings are its own copy of the class's map, but the lists in it are
        # shared with the class: each list is replaced, never changed in place.
        keys = node._bindings.key_to_bindings
        for key, bindings in list(keys.items()):
            if any(b.id in FIND_KEYS and b.description != description for b in bindings):
                keys[key] = [
                    replace(b, description=description) if b.id in FIND_KEYS else b
                    for b in bindings
                ]
    screen.refresh_bindings()


__all__ = ["FIND_KEYS", "NamesRows", "name_rows", "row_word"]
