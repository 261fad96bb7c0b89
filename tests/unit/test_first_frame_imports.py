"""What a bare ``ox`` imports before its first frame: Textual, the app and the Forces view only.

Every module imported before the first paint is time on a blank screen (issue 11: first frame
≤ 0.5 s). The other views, the dialogs, the charts (plotext), the CLI lookups and Polars load
when they are first used, or (Polars) in the dataset worker once the first frame is shown.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from tui.cli.main import build_parser
from tui.launcher import NO_ARGUMENTS

ROOT = Path(__file__).resolve().parents[2]

LATER = {
    "polars",
    "plotext",
    "textual_plotext",
    "tui.model.data.dataset",
    "tui.model.session",
    "tui.model.results.comparison_types",
    "tui.model.results.detail_types",
    "tui.model.data.events",
    "tui.model.data.population",
    "tui.output.reports",
    "tui.model.findings.citation",
    "tui.model.findings.tilemap",
    "tui.model.findings.view_citation",
    "tui.cli.table",
    "tui.cli.peers",
    "tui.screens.cite_dialog",
    "tui.screens.compare",
    "tui.screens.detail",
    "tui.screens.dataset_picker",
    "tui.screens.diff_view",
    "tui.screens.export_dialog",
    "tui.screens.help_sections",
    "tui.screens.import_screen",
    "tui.screens.map_view",
    "tui.screens.multi_chart",
    "tui.screens.offence_picker",
    "tui.screens.picker",
    "tui.widgets.compare_table",
    "tui.widgets.diff_table",
    "tui.widgets.multi_chart",
    "tui.widgets.peers_panel",
    "tui.widgets.tables",
    "tui.widgets.tile_map",
    "tui.widgets.trend_chart",
    "aiohttp",  # ox serve's web server: never loaded by the explorer itself
    "textual_serve",
    "tui.web.server",
    "tui.web.sessions",
}
"""Modules a bare ``ox`` must not import before its first frame: each is imported where it is
first used (a function-local import), because it pays. Measured after what a bare ``ox`` imports
(``import tui.app`` and the Forces view; min-median of 3-5 fresh processes, load ~3 on 2 cores):
Polars 0.41 s, the help's sections (every view) 0.40 s, the detail view 133-178 ms, the multi-force
chart 72 ms, the compare, diff and map views 39-107 ms, the export and its dialog 30-38 ms, the
import dialog and the TSV renderer 20 ms, the Forces view's rates report 18 ms, the citations
and their dialog 9-16 ms, the pickers 7-9 ms. What costs less than 5 ms is imported with the
module that uses it (help, confirm, reproduce, the chart's MAX_FORCES, atomic writes); the first
frame is meant to take <= 0.5 s (``benchmarks/pty_bench.py``)."""

# A bare ``ox`` up to its first frame, without a terminal: the launcher's path to the app (the
# app's run replaced), then the app and its start screen built as ``App.run`` builds them.
BARE_OX = """
import sys
import tui.launcher as launcher
from tui.app import OffenceApp

built = []
OffenceApp.run = lambda self, *a, **k: built.append(self.get_default_screen())
assert launcher.main([]) == 0 and type(built[0]).__name__ == "ForcesScreen"
print("\\n".join(sorted(sys.modules)))
"""


def modules_before_first_frame(tmp_path: Path) -> set[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OFFENCE_EXPLORER_")}
    for name in ("CONFIG", "DATA", "CACHE"):  # no settings or cache of the user's
        env[f"OFFENCE_EXPLORER_{name}_DIR"] = str(tmp_path / name.lower())
    done = subprocess.run(
        [sys.executable, "-c", BARE_OX],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_a_bare_ox_imports_only_the_forces_view_before_its_first_frame(tmp_path: Path) -> None:
    mods = modules_before_first_frame(tmp_path)
    # The check can fail: it sees what the start imported.
    assert {"textual.app", "tui.app", "tui.screens.forces", "tui.widgets.force_table"} <= mods
    assert sorted(LATER & mods) == []


def test_the_packages_of_views_and_widgets_import_nothing() -> None:
    """``tui/screens/__init__.py`` and ``tui/widgets/__init__.py`` import nothing (importing one
    view or widget module runs its package first): each module is imported by its own name."""
    root = ROOT / "tui"
    for package in (root / "screens", root / "widgets", root / "model", root / "cli"):
        tree = ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
        imports = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
        assert [ast.unparse(n) for n in imports] == [], package


def test_a_bare_ox_means_what_the_parser_makes_of_no_arguments() -> None:
    assert vars(build_parser().parse_args([])) == vars(NO_ARGUMENTS)


def test_the_app_hears_the_compare_view_by_the_name_of_its_message() -> None:
    """The app handles ``CompareScreen.YearsShown`` by method name (the view loads lazily)."""
    from tui.app import OffenceApp
    from tui.screens.compare import CompareScreen

    assert callable(getattr(OffenceApp, CompareScreen.YearsShown.handler_name, None))


def test_a_compare_module_half_imported_by_the_background_thread_is_no_compare_view(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``M`` or ``m`` pressed while the background thread is still running
    ``tui.screens.compare`` (in ``sys.modules``, its class not yet defined) found no
    ``CompareScreen`` on the module and crashed the app (AttributeError, seen in tmux)."""
    from tui.navigation import shown_compare
    from tui.screens.forces import ForcesScreen

    half_done = types.ModuleType("tui.screens.compare")  # as while its imports still run
    monkeypatch.setitem(sys.modules, "tui.screens.compare", half_done)
    assert shown_compare([ForcesScreen(None)]) is None
