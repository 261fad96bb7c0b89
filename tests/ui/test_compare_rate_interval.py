"""Compare by rates says which measure each figure under the table is (issue 20): the row read
Cleveland −6.0%~ (the rate's change) and the line under it "Cleveland -4.4% (95% interval of the
counts …)" (the counts' change), as if one figure. At 60×20 the line is cut at a word, with "…".
The figures are checked against ``ox compare``'s."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import settle, terminal_text
from tests.ui.test_journeys import cli_json, row_cells
from tui.app import make_app
from tui.formatting import fmt_pct
from tui.widgets.compare_notes import interval_text
from tui.widgets.compare_table import CompareTableView

SIZES = [(60, 20), (80, 24), (120, 40)]


async def test_the_line_under_rates_names_each_measure(tmp_path: Path) -> None:
    """One app, Compare in rates with the cursor on Cleveland, resized through 60×20, 80×24 and
    120×40, in Unicode then in ASCII (``A``): six cases, each named in its failure."""
    rows = {str(r["force"]): r for r in cli_json("compare", "2023/24", "2024/25")}
    counts_pct = fmt_pct(rows["Cleveland"]["pct_change"])  # type: ignore[arg-type]
    rate_pct = fmt_pct(rows["Cleveland"]["rate_pct_change"])  # type: ignore[arg-type]
    app = make_app(settings_file=tmp_path / "s.json", ascii_only=False)
    async with app.run_test(size=SIZES[0]) as pilot:
        await settle(pilot)
        app.open_compare(2023, 2024)
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        table = app.screen.query_one(CompareTableView)
        await pilot.press(*["down"] * (table.keys.index("Cleveland") - table.cursor))
        await settle(pilot)
        assert table.current_force == "Cleveland"
        assert row_cells(table, "Cleveland")["pct"].strip().rstrip("~") == rate_pct
        whole = interval_text(
            next(r for r in app.screen.comparison.rows if r.force.name == "Cleveland"),  # type: ignore[attr-defined]
            "rate",
        )
        assert whole.startswith(f"Cleveland: counts {counts_pct} (95% interval ")
        assert whole.endswith(f"); rate {rate_pct}")
        for ascii_only in (False, True):
            if ascii_only:
                await pilot.press("A")
                await settle(pilot)
                assert app.settings.ascii
            for size in SIZES:
                case = f"{size[0]}x{size[1]}, {'ASCII' if ascii_only else 'Unicode'}"
                await pilot.resize_terminal(*size)
                await settle(pilot)
                assert table.current_force == "Cleveland", case
                assert str(app.screen.query_one("#compare-interval").render()), case
                line = next(
                    (
                        t
                        for t in terminal_text(app).splitlines()
                        if t.strip().startswith("Cleveland:")
                    ),
                    None,
                )
                assert line is not None, f"{case}: no line under the table"
                shown = line.strip()
                if shown != whole:  # cut: at a word, and says so
                    cut = "..." if ascii_only else "…"
                    assert shown.endswith(cut), (case, shown)
                    head = shown[: -len(cut)].rstrip()
                    assert whole.startswith(head) and whole[len(head)] == " ", (case, shown, whole)
