"""The Forces status line offers ``n`` for the national bodies only where there are any: a table
of Scotland's council areas has no BTP or fraud bodies to hide (it said "BTP, fraud bodies hidden
(n)" and n did nothing)."""

from __future__ import annotations

from tui.model.data.dataset import load_dataset
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import default_selection
from tui.widgets.forces_status import forces_status


def _status(dataset: str) -> str:
    ds = load_dataset(dataset)
    table = force_table(ds, default_selection(ds), False)
    return forces_status(table.rows, len(table.rows), "", sort_label="x", include_national=False)


def test_council_areas_hide_no_national_bodies() -> None:
    assert _status("scotland") == "32 rows · sorted by x (s, r)"


def test_forces_say_the_national_bodies_are_hidden() -> None:
    assert "BTP, fraud bodies hidden (n)" in _status("homeoffice")
