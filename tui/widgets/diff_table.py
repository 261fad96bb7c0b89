"""The diff view's table: every force x year whose figure differs between two datasets."""

from __future__ import annotations

from rich.text import Text

from tui.formatting import fmt_change, fmt_count, safe_text
from tui.model.diff_types import DiffRow
from tui.widgets.cells import plain
from tui.widgets.tables import VimTable


def row_key(force: object, year: object, offence: object, status: object = "changed") -> str:
    """The key of a row: force, year, offence and status (a revision and the codes that moved
    out of the same cell are two rows)."""
    return f"{force}\t{year}\t{offence}\t{status}"


class DiffTable(VimTable):
    """Force, year, offence, the figure in A and in B, and the change (largest first)."""

    def show(self, rows: tuple[DiffRow, ...], name_a: str, name_b: str) -> None:
        """Fill the table with the changed cells, in the order given (numbers right-aligned)."""
        self.clear(columns=True)
        numbers = [(fmt_count(r.value_a), fmt_count(r.value_b), fmt_change(r.change)) for r in rows]
        heads = (safe_text(name_a), safe_text(name_b), "Change")
        widths = [max([len(h), *(len(n[i]) for n in numbers)]) for i, h in enumerate(heads)]
        self.add_column(Text("Force"), key="force")
        self.add_column(Text("Year"), key="year")
        self.add_column(Text("What"), key="status")  # before the offence: seen at 80 columns
        self.add_column(Text("Offence"), key="offence")
        for key, head, width in zip(("value_a", "value_b", "change"), heads, widths):
            self.add_column(Text(head.rjust(width)), key=key)
        for r, values in zip(rows, numbers):
            self.add_row(
                plain(r.force),
                plain(r.year),
                plain(r.status),
                plain(r.offence),
                *(Text(v.rjust(w)) for v, w in zip(values, widths)),
                key=row_key(r.force, r.year, r.offence, r.status),
            )

    @property
    def current_key(self) -> str | None:
        """The key of the row under the cursor, or ``None`` when the table is empty."""
        if not self.row_count:
            return None
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)
