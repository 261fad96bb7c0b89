"""The Forces table's "latest change" is between years some force has both figures of (issue 20):
for an NSPCC breakdown code (possession of indecent images: Derbyshire 264, Gwent 20, ... all in
2017/18, the only year the press copies break the total down) it was "change 2022/23 → 2023/24"
over a table of "—"."""

from __future__ import annotations

from tui.model.data.dataset import load_dataset
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import default_selection, pick_offence
from tui.widgets.forces_status import forces_context


def test_no_change_is_named_where_no_force_has_two_years() -> None:
    ds = load_dataset("nspcc")
    table = force_table(ds, pick_offence(ds, "possession"), False)
    assert table.change_from is None and table.change_to is None
    assert all(r.change is None for r in table.rows)
    derby = next(r for r in table.rows if r.force.name == "Derbyshire")
    assert derby.count_for(table.years, 2017) == 264  # as quoted (Matlock Mercury, NSPCC FOI)
    text = forces_context(table, "nspcc", "", measure="count", ascii_only=False).plain
    assert "no change: no force has figures in two consecutive full years" in text
    assert "change 2022/23" not in text


def test_the_total_keeps_its_pair() -> None:
    """The stated totals: UK 18,522 (2016/17) → 22,724 (2017/18), as the NSPCC published."""
    ds = load_dataset("nspcc")
    table = force_table(ds, default_selection(ds), False)
    assert table.change_from is not None and table.change_to is not None
    uk = table.totals[0]
    assert uk.force.name == "UK total"
    assert uk.count_for(table.years, 2016) == 18522 and uk.count_for(table.years, 2017) == 22724
