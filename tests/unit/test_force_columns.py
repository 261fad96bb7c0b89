"""Every column of the Forces table a user can sort by has room for its label and the sort arrow
after it (``Change ↓``): sorted by Change, the header read ``Chang…`` and the arrow was lost (the
new-user trial, 120×40)."""

from __future__ import annotations

import pytest

from tui.model.data.dataset import load_dataset
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import default_selection
from tui.widgets.force_table import layout_columns


@pytest.mark.parametrize("dataset", ["homeoffice", "nspcc", "scotland"])
def test_sortable_columns_hold_their_label_and_arrow(dataset: str) -> None:
    ds = load_dataset(dataset)
    table = force_table(ds, default_selection(ds), False)
    for spec in layout_columns(table, list(table.rows)):
        if spec.key in ("trend", "place"):  # not sorted by
            continue
        assert spec.width >= len(spec.label) + 2, spec
