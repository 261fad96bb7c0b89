"""The data layer and the CLI lookups never import Textual (the CLI must start fast over SSH)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

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


STAGES = """
import contextlib, io, json, sys
stages = {}
import tui.paths
%s
import tui.model.importing, tui.cli.imports
stages["model"] = sorted(sys.modules)
from tui.launcher import main as ox
from tui.cli.main import main
printed = io.StringIO()
with contextlib.redirect_stdout(printed):  # ``ox forces york`` as the console script runs it
    assert ox(["forces", "york"]) == 0
out = io.StringIO()
assert main(["show", "kent", "-f", "json"], out=out) == 0
assert main(["compare", "2016", "2017", "-f", "csv"], out=out) == 0
assert main(["datasets"], out=out) == 0
stages["lookups"] = sorted(sys.modules)
stages["printed"] = printed.getvalue()
print(json.dumps(stages))
"""
"""Every module of ``tui.model`` imported (and the importer's CLI), then the lookups run, in one
process: what was imported after each stage (``sys.modules`` only grows, so a module a later
stage imports is never seen in an earlier one). One process for what were four (0.4-1.0 s of CPU
each: Python, Polars, a bundled dataset)."""


@pytest.fixture(scope="module")
def stages() -> dict[str, Any]:
    every = sorted(
        "tui.model." + ".".join(p.relative_to(ROOT / "tui" / "model").with_suffix("").parts)
        for p in (ROOT / "tui" / "model").rglob("*.py")
        if p.name != "__init__.py"
    )
    script = STAGES % "\n".join(f"import {m}" for m in every)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def textual_modules(modules: list[str]) -> list[str]:
    return [m for m in modules if m == "textual" or m.startswith("textual.")]


def test_model_does_not_import_textual(stages: dict[str, Any]) -> None:
    mods = set(stages["model"])
    assert "polars" in mods  # the check can fail: it sees what was imported
    assert not textual_modules(stages["model"])
    assert "textual_plotext" not in mods and "plotext" not in mods
    # The importer stays headless (tests/importing), and reads no workbook library until a
    # workbook is read.
    assert "tui.cli.imports" in mods and "fastexcel" not in mods


def test_cli_lookups_do_not_import_textual(stages: dict[str, Any]) -> None:
    mods = stages["lookups"]
    assert "tui.output.reports" in mods
    assert not textual_modules(mods)
    # Nor the web server (``ox serve``, issue 23).
    assert "North Yorkshire" in stages["printed"]  # the lookup ran
    web = ("aiohttp", "textual_serve", "jinja2")
    assert [m for m in mods if m.split(".")[0] in web or m.startswith("tui.web.s")] == []


def test_the_app_and_its_views_import_no_polars_before_the_first_frame() -> None:
    """Polars takes ~0.3 s to import: the app loads it in the dataset worker, after painting."""
    mods = modules_after("import tui.app, tui.screens, tui.widgets, tui.commands, tui.messages")
    assert "textual" in mods  # the check can fail: it sees what was imported
    assert "polars" not in mods
    assert "tui.model.data.dataset" not in mods


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
