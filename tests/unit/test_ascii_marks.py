"""In ASCII mode a mark reads the same in a legend or note (drawn through the screen's ASCII
filter, or the CLI's plain stream) as beside the figure it marks (drawn in ASCII by the view).

In the Forces view by rates the City of London row ended "#" while the legend above read
"+ City of London: tiny resident population…" (``‡`` filtered to ``+``, a sign beside a change).
"""

from __future__ import annotations

import pytest

from tui.formatting import (
    CAVEAT_LEGEND,
    CAVEAT_MARK,
    CAVEAT_MARK_ASCII,
    PARTIAL_MARK,
    PARTIAL_MARK_ASCII,
)
from tui.widgets.ascii_filter import ascii_cells
from tui.widgets.compare_cells import RELEASE_MARK, RELEASE_MARK_ASCII
from tui.widgets.measure_legend import measure_lines


@pytest.mark.parametrize(
    ("mark", "drawn"),
    [
        (CAVEAT_MARK, CAVEAT_MARK_ASCII),
        (RELEASE_MARK, RELEASE_MARK_ASCII),
        (PARTIAL_MARK, PARTIAL_MARK_ASCII),
    ],
)
def test_a_mark_through_the_filter_is_the_mark_the_views_draw(mark: str, drawn: str) -> None:
    assert ascii_cells(mark) == drawn


def test_the_rates_legend_names_the_mark_the_city_row_carries() -> None:
    legend = measure_lines("rate", caveat=True).plain.splitlines()[-1]
    assert legend == CAVEAT_LEGEND
    assert ascii_cells(legend).startswith(f"{CAVEAT_MARK_ASCII} City of London")


def test_the_help_methods_read_whole_in_ascii() -> None:
    """ "(E1… on the detail chart)" was drawn "(... on the detail chart)": in ASCII a "…" takes
    the two characters before it (it marks a cut word), here the event mark itself."""
    from tui.screens.help import METHODS
    from tui.widgets.ascii_filter import spread_ellipses

    drawn = spread_ellipses("…".join(ascii_cells(part) for part in METHODS.split("…")))
    assert "(E1, E2" in drawn and "(..." not in drawn, drawn
