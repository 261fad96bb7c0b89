"""The explorer's views and dialogs."""

from __future__ import annotations

from tui.screens.base import ExplorerScreen, ForceChosen, ViewContext
from tui.screens.cite_dialog import CiteDialog
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.screens.diff_view import DiffScreen
from tui.screens.export_dialog import ExportDialog
from tui.screens.forces import ForcesScreen
from tui.screens.help import HelpScreen
from tui.screens.map_view import MapScreen
from tui.screens.multi_chart import MultiChartScreen
from tui.screens.picker import Choice, Picker

__all__ = [
    "Choice",
    "CiteDialog",
    "CompareScreen",
    "DiffScreen",
    "ExplorerScreen",
    "ExportDialog",
    "ForceChosen",
    "ForceDetailScreen",
    "ForcesScreen",
    "HelpScreen",
    "MapScreen",
    "MultiChartScreen",
    "Picker",
    "ViewContext",
]
