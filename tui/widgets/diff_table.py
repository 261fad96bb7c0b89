"""The diff view's table: every force x year whose figure differs between two datasets."""

from __future__ import annotations

from collections.abc import Mapping

from tui.formatting import fmt_change, fmt_count, safe_text
from tui.model.data.reference import Force
from tui.model.findings.diff_types import DiffRow
from tui.widgets.cells import number, plain
from tui.widgets.grid import Grid, GridColumn, GridMessage, GridRow


def row_key(force: object, year: object, offence: object, status: object = "changed") -> str:
    """The key of a row: force, year, offence and status (a revision and the codes that moved
    out of the same cell are two rows)."""
    return f"{force}\t{year}\t{offence}\t{status}"


class DiffTable(Grid):
    """Force, year, the figure in A and in B, the change (largest first), what happened, and the
    offence.

    Forces are shown by the short name every table uses (``PSNI``), never cut to a few letters
    (``North``, ``South``, ``West`` once stood for six forces); the force and the year stay in
    view when scrolling sideways, and ``/`` finds a force."""

    class CursorMoved(GridMessage):
        """The cursor is on another row (``key``): the view shows what happened to it."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(pinned=2, id=id)

    def move_cursor(self, index: int) -> None:
        """Move as every Grid does, then say so (the row's note comes first under the table)."""
        before = self.cursor
        super().move_cursor(index)
        key = self.current_key
        if self.cursor != before and key is not None:
            self.post_message(self.CursorMoved(self, key))

    def show(
        self, rows: tuple[DiffRow, ...], name_a: str, name_b: str, forces: Mapping[str, Force]
    ) -> None:
        """Fill the table with the changed cells, in the order given (``forces``: each row's
        force by its name, for its short name and what ``/`` finds it by)."""

        def shown(name: str) -> str:
            force = forces.get(name)
            return force.display_name if force is not None else safe_text(name)

        cells = [
            (
                plain(shown(r.force)),
                plain(r.year),
                # The figures and the change first: at 80 columns they are in view on opening
                # (after the What and Offence columns only A was).
                number(fmt_count(r.value_a)),
                number(fmt_count(r.value_b)),
                number(fmt_change(r.change)),
                plain(r.status),
                plain(r.offence),
            )
            for r in rows
        ]
        heads = ("Force", "Year", safe_text(name_a), safe_text(name_b), "Change", "What", "Offence")
        keys = ("force", "year", "value_a", "value_b", "change", "status", "offence")
        columns = [
            GridColumn(
                key,
                head,
                max([len(head), *(row[i].cell_len for row in cells)]),
                numeric=2 <= i <= 4,
            )
            for i, (key, head) in enumerate(zip(keys, heads))
        ]
        self.set_columns(columns)
        self.set_rows(
            [],
            [
                GridRow(
                    row_key(r.force, r.year, r.offence, r.status),
                    row,
                    find=forces[r.force].search_texts if r.force in forces else (r.force,),
                )
                for r, row in zip(rows, cells)
            ],
            keep=None,
        )
