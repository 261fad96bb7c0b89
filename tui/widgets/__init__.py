"""The explorer's widgets: they format and display what the screens hand them.

The names below are loaded on first use (PEP 562): importing one widget module runs this package
first, and the start screen must not wait for every other widget (the charts bring in plotext).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.lazy_names import lazy_names

if TYPE_CHECKING:
    from tui.widgets.compare_table import CompareTableView
    from tui.widgets.force_grid import SortState
    from tui.widgets.force_table import ForceTableView
    from tui.widgets.search_bar import SearchBar
    from tui.widgets.tables import BreakdownTable, SeriesTable
    from tui.widgets.trend_chart import TrendChart

_MODULES = {
    "BreakdownTable": "tables",
    "CompareTableView": "compare_table",
    "ForceTableView": "force_table",
    "SearchBar": "search_bar",
    "SeriesTable": "tables",
    "SortState": "force_grid",
    "TrendChart": "trend_chart",
}

__all__ = [
    "BreakdownTable",
    "CompareTableView",
    "ForceTableView",
    "SearchBar",
    "SeriesTable",
    "SortState",
    "TrendChart",
]


__getattr__, __dir__ = lazy_names(__name__, _MODULES, globals())
