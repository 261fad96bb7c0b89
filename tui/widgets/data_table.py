"""Textual's ``DataTable``, whose clicks handled after it was refilled do nothing.

A click names a cell by its row and column as drawn when the mouse was released. A table
refilled before the click is handled (a force's detail switching years and quarters, its
columns fitted again at a new width, the import preview replaced as the path is typed) may have
fewer columns: Textual's click handler indexed them with the column clicked (``IndexError`` in
``DataTable._on_click`` on a header), or moved the cursor to another row than the one clicked.
The class of :class:`~tui.widgets.option_list.ClicksWhatWasDrawn` (the lists of options).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual._time import get_time
from textual.widgets import DataTable
from textual.widgets._data_table import CellType
from typing_extensions import Self


class SafeDataTable(DataTable[CellType]):
    """A ``DataTable`` that acts on a click only if it was not refilled after it."""

    _refilled_at = float("-inf")

    def clear(self, columns: bool = False) -> Self:
        self._refilled_at = get_time()
        return super().clear(columns)

    async def _on_click(self, event: events.Click) -> None:
        # Runs before Textual's own handler, which reads the cell from the click's place.
        meta: dict[str, Any] = event.style.meta
        if "row" in meta and event.time <= self._refilled_at:
            event.prevent_default()
