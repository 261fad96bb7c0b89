"""What a dataset's rows are called where the user reads it outside the tables: the find boxes'
placeholders and the name of their key (``/ Find a council area``) say "council area" for
Recorded Crime in Scotland, not "force" (issue 20: the search box said "type to find a force"
above a table of council areas). The tables' headers say it through :func:`area_words`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, Protocol, runtime_checkable

from textual.binding import Binding
from textual.screen import Screen

from tui.model.data.reference import Force, area_words

ROW_WORDED = {
    "grid-jump": "Find a {}",
    "detail-find": "Find a {}",
    "finder-open": "Open the {} found",
}
"""The ids of the bindings whose description names a row ("Find a force" in the class), and
their description with the word for a row in place of ``{}``."""
FIND_KEYS = frozenset(ROW_WORDED)


@runtime_checkable
class NamesRows(Protocol):
    """A widget whose text names the rows (a find box's placeholder)."""

    def name_rows(self, word: str) -> None:
        """Say ``word`` ("force", "council area") for a row."""
        ...


def row_word(forces: Iterable[Force]) -> str:
    """What one row is called, in running text: "force" or "council area"."""
    return area_words(forces)[0].lower()


def worded(binding: Binding, word: str) -> Binding:
    """``binding`` as it is described for a dataset whose row is a ``word``: "Find a council
    area" for the ``/`` key of a Scottish table (unchanged if its description names no row)."""
    template = ROW_WORDED.get(binding.id or "")
    if template is None or binding.description == template.format(word):
        return binding
    return replace(binding, description=template.format(word))


def name_rows(screen: Screen[Any], forces: Iterable[Force]) -> None:
    """Name the rows of ``screen``'s dataset (``forces``) in its find boxes and in the key bar's
    and the help's name of the ``/`` key that opens them."""
    word = row_word(forces)
    for node in (screen, *screen.walk_children()):
        if isinstance(node, NamesRows):
            node.name_rows(word)
        # Each node's bindings are its own copy of the class's map, but the lists in it are
        # shared with the class: each list is replaced, never changed in place.
        keys = node._bindings.key_to_bindings
        for key, bindings in list(keys.items()):
            named = [worded(b, word) for b in bindings]
            if any(new is not old for new, old in zip(named, bindings)):
                keys[key] = named
    screen.refresh_bindings()


__all__ = ["FIND_KEYS", "ROW_WORDED", "NamesRows", "name_rows", "row_word", "worded"]
