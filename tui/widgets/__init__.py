"""The explorer's widgets: they format and display what the screens hand them."""

from __future__ import annotations

from tui.widgets.compare_table import CompareTableView
from tui.widgets.force_grid import SortState
from tui.widgets.force_table import ForceTableView
from tui.widgets.search_bar import SearchBar
from tui.widgets.tables import BreakdownTable, SeriesTable
from tui.widgets.trend_chart import TrendChart

__all__ = [
    "BreakdownTable",
    "CompareTableView",
    "ForceTableView",
    "SearchBar",
    "SeriesTable",
    "SortState",
    "TrendChart",
]
