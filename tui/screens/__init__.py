"""The explorer's views and dialogs.

The names below are loaded on first use (PEP 562): the start screen (``tui.screens.forces``) is
imported on its own, and every other view or dialog when it is first opened (or asked for here).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.lazy_names import lazy_names

if TYPE_CHECKING:
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

_MODULES = {
    "Choice": "picker",
    "CiteDialog": "cite_dialog",
    "CompareScreen": "compare",
    "DiffScreen": "diff_view",
    "ExplorerScreen": "base",
    "ExportDialog": "export_dialog",
    "ForceChosen": "base",
    "ForceDetailScreen": "detail",
    "ForcesScreen": "forces",
    "HelpScreen": "help",
    "MapScreen": "map_view",
    "MultiChartScreen": "multi_chart",
    "Picker": "picker",
    "ViewContext": "base",
}

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


__getattr__, __dir__ = lazy_names(__name__, _MODULES, globals())
