"""The data layer and the CLI lookups never import Textual (the CLI must start fast over SSH)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from tui.cli import subparsers
from tui.cli.main import HANDLERS, build_parser, handler
from tui.model.findings import citation, tilemap
from tui.model.results import ordering
from tui.output import render

ROOT = Path(__file__).resolve().parents[2]


def modules_after(code: str) -> set[str]:
    script = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(done.stdout.split())


def test_model_does_not_import_textual() -> None:
    every = sorted(
        "tui.model." + ".".join(p.relative_to(ROOT / "tui" / "model").with_suffix("").parts)
        for p in (ROOT / "tui" / "model").rglob("*.py")
        if p.name != "__init__.py"
    )
    mods = modules_after("import tui.paths\n" + "\n".join(f"import {m}" for m in every))
    assert "polars" in mods  # the check can fail: it sees what was imported
    assert not {m for m in mods if m == "textual" or m.startswith("textual.")}
    assert "textual_plotext" not in mods and "plotext" not in mods


def test_the_app_and_its_views_import_no_polars_before_the_first_frame() -> None:
    """Polars takes ~0.3 s to import: the app loads it in the dataset worker, after painting."""
    mods = modules_after("import tui.app, tui.screens, tui.widgets, tui.commands, tui.messages")
    assert "textual" in mods  # the check can fail: it sees what was imported
    assert "polars" not in mods
    assert "tui.model.data.dataset" not in mods


def test_cli_lookups_do_not_import_textual() -> None:
    code = (
        "import io\nfrom tui.cli.main import main\n"
        "out = io.StringIO()\n"
        "assert main(['show', 'kent', '-f', 'json'], out=out) == 0\n"
        "assert main(['compare', '2016', '2017', '-f', 'csv'], out=out) == 0\n"
        "assert main(['datasets'], out=out) == 0\n"
    )
    mods = modules_after(code)
    assert "tui.output.reports" in mods
    assert not {m for m in mods if m == "textual" or m.startswith("textual.")}


def test_no_pl_col_outside_the_model() -> None:
    offenders = []
    for path in (ROOT / "tui").rglob("*.py"):
        if "model" in path.relative_to(ROOT / "tui").parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "pl.col(" in text or "import polars" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_parser_imports_no_command_module() -> None:
    """Building the parser (``ox --help``, and every command before it runs) imports no command's
    module: those import Polars and rich, and are imported when their command runs, in one place
    (``tui.cli.main.handler``)."""
    mods = modules_after("from tui.cli.main import build_parser\nbuild_parser().format_help()")
    assert "tui.cli.subparsers" in mods  # the check can fail: it sees what was imported
    modules = {"tui.cli." + name.split(".")[0] for name in HANDLERS.values()}
    assert sorted(modules & mods) == []
    light = {"polars", "rich.console", "tui.output.render", "importlib.metadata"}
    assert not light & mods and not [m for m in mods if m.startswith("tui.model.findings.")]


def test_every_command_runs_a_function_that_exists() -> None:
    commands = next(
        a.choices for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)
    )
    assert sorted(commands) == sorted(HANDLERS)
    extra = ["quick_show.show_stored", "imports.remove_dataset"]
    assert all(callable(handler(name)) for name in [*HANDLERS.values(), *extra])
    assert subparsers.TABLE_FORMATS == render.FORMATS
    assert subparsers.CITATION_FORMATS == citation.FORMATS
    assert subparsers.MAP_MEASURES == tilemap.MEASURES
    assert subparsers.FORCE_SORT_KEYS == ordering.FORCE_SORT_KEYS
