"""What the help screen lists: every key of every view, by where it works."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from tui.screens.cite_dialog import CiteDialog
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.screens.diff_view import DiffScreen
from tui.screens.forces import ForcesScreen
from tui.screens.map_view import MapScreen
from tui.screens.multi_chart import MultiChartScreen


def help_sections(app_bindings: list[BindingType]) -> list[tuple[str, list[BindingType]]]:
    """The help screen's sections: the app's keys (everywhere), then each view's."""
    return [
        ("Everywhere but the search box", app_bindings),
        ("Forces view", [*ForcesScreen.BINDINGS]),
        (
            "Search box",
            [
                Binding("escape", "", "Clear the search (again: go to the table)"),
                Binding("enter", "", "Open the highlighted force (the best match)"),
                Binding("down", "", "Go to the table"),
            ],
        ),
        (
            "Force detail",
            [Binding("enter", "", "(from a table) open a force"), *ForceDetailScreen.BINDINGS],
        ),
        ("Compare view", [*CompareScreen.BINDINGS]),
        ("Release diff", [*DiffScreen.BINDINGS]),
        ("Cite dialog", [*CiteDialog.BINDINGS]),
        ("Multi-force chart", [*MultiChartScreen.BINDINGS]),
        ("Map", [*MapScreen.BINDINGS]),
    ]
