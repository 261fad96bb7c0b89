"""What the help screen (and the palette's key entries) list: every binding of every view, dialog
and table, read from the classes that bind them, by where they work.

:data:`SECTIONS` names every class with keys of its own; a test checks that no class with
``BINDINGS`` is left out, so a new key shows in the help the day it is bound.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from tui.screens.cite_dialog import CiteDialog
from tui.screens.compare import CompareScreen
from tui.screens.confirm import ConfirmDialog, QuitDialog
from tui.screens.dataset_picker import DatasetPicker
from tui.screens.detail import ForceDetailScreen
from tui.screens.diff_view import DiffScreen
from tui.screens.export_dialog import ExportDialog
from tui.screens.forces import ForcesScreen
from tui.screens.help import HelpScreen
from tui.screens.import_screen import ImportScreen
from tui.screens.map_view import MapScreen
from tui.screens.multi_chart import MultiChartScreen
from tui.screens.picker import Picker, PickerInput
from tui.widgets.facts_view import FactsScroll
from tui.widgets.force_finder import FinderInput
from tui.widgets.force_table import ForceTableView
from tui.widgets.grid import Grid
from tui.widgets.jump_bar import JumpInput
from tui.widgets.path_input import PathInput
from tui.widgets.row_names import worded
from tui.widgets.search_bar import SearchInput
from tui.widgets.tables import VimTable

TEXTUAL_KEYS = (
    (App, {"ctrl+q": "Quit at once (from a text box too)"}),
    (Screen, {"tab": "Next panel (a force's detail: its series, then the facts, recording events "
              "and peers, then the offence breakdown)", "shift+tab": "Previous panel"}),
    (Input, {"ctrl+u": "Delete everything before the cursor", "ctrl+w": "Delete the word "
             "before the cursor", "ctrl+k": "Delete everything after the cursor"}),
)  # fmt: skip
"""Keys Textual binds itself that the views rely on, described for this app."""

SECTIONS: tuple[tuple[str, tuple[type, ...]], ...] = (
    ("Forces view", (ForcesScreen,)),
    ("Search box (Forces)", (SearchInput,)),
    ("Every table (Forces, Compare, release diff, multi-force chart)", (Grid, VimTable)),
    ("Forces table", (ForceTableView,)),
    ("The / box of a table view (Compare, release diff, multi-force chart)", (JumpInput,)),
    ("Force detail", (ForceDetailScreen, FactsScroll)),
    ("The / box of a force's detail", (FinderInput,)),
    ("Compare view", (CompareScreen,)),
    ("Release diff", (DiffScreen,)),
    ("Multi-force chart", (MultiChartScreen,)),
    ("Map", (MapScreen,)),
    ("Dataset list (d)", (DatasetPicker,)),
    ("Lists: offences, datasets, years", (Picker, PickerInput)),
    ("Cite dialog (K, R)", (CiteDialog,)),
    ("Export and import dialogs", (ExportDialog, ImportScreen, PathInput)),
    ("Questions (quit, remove)", (QuitDialog, ConfirmDialog)),
    ("Help", (HelpScreen,)),
)
"""Every class that binds keys of its own, by where its keys work."""


def own_bindings(cls: type) -> list[Binding]:
    """The bindings ``cls`` itself declares (not those it inherits)."""
    return [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]


def textual_bindings() -> list[Binding]:
    """Textual's own keys the views rely on (Tab between panels, Ctrl+U in a box), described."""
    found = [Binding("ctrl+p", "command_palette", "Command palette: any force, offence, dataset, "
                     "pair of years, view or key", id="textual-ctrl+p")]  # fmt: skip
    for cls, described in TEXTUAL_KEYS:
        for binding in own_bindings(cls):
            for key in binding.key.split(","):
                if key in described:
                    found.append(Binding(key, binding.action, described[key], id=f"textual-{key}"))
    return found


def help_sections(
    app_bindings: list[BindingType], row_word: str = "force"
) -> list[tuple[str, list[BindingType]]]:
    """The help screen's sections: the app's keys (everywhere), Textual's, then each view's;
    a key that names a row names it as the dataset shown does (``row_word``: "Find a council
    area" for Recorded Crime in Scotland, as the key bar says)."""
    sections: list[tuple[str, list[BindingType]]] = [
        ("Everywhere but a text box", app_bindings),
        ("Textual's keys", [*textual_bindings()]),
    ]
    for title, classes in SECTIONS:
        # Once each: the export and the import dialog both bind "Esc Cancel".
        rows: dict[tuple[str, str], Binding] = {}
        for binding in (worded(b, row_word) for cls in classes for b in own_bindings(cls)):
            rows.setdefault((binding.key, binding.description), binding)
        sections.append((title, list(rows.values())))
    return sections
