"""Shared fixtures: every test runs with its own empty user data and config folders."""

from __future__ import annotations

import argparse
import functools
import gc
import io
import json
import re
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import polars as pl
import pytest
import textual.constants
from textual.screen import Screen

import tui.cli.main
from tests import harness
from tui.model.data.schema import LONG_SCHEMA

harness.install()  # Pilot's waits by looking, not by sleeping; CSS parsed once (tests/harness.py)

GC_THRESHOLDS = (10_000, 10, 10)
"""Python's cyclic garbage collector in the test process: a young collection every 10,000
allocations instead of 700. Each test builds and drops an app of many thousands of objects, and
at the default the collector ran thousands of young collections and a full one (about 0.1 s
with everything pytest has loaded) every test or two: about a fifth of the CPU of the Pilot tests
(tests/ui/test_every_key.py: 58 s to 49 s of CPU). Garbage is still collected, later and in
larger batches (a test process grows by about 40 MB)."""
gc.set_threshold(*GC_THRESHOLDS)


@pytest.fixture
def tmp_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pytest's ``tmp_path`` (a new folder under the run's base folder, named for the test), made
    by ``tempfile.mkdtemp``: pytest's numbers each one after listing every folder made before it
    in the run, about 1.3 s of CPU over the 1,234 non-UI tests (every test has one: its user
    folders are in it). Kept as pytest keeps its own (the last three runs' base folders)."""
    name = re.sub(r"\W", "_", request.node.name)[:30]
    return Path(tempfile.mkdtemp(prefix=name, dir=tmp_path_factory.getbasetemp()))


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the imported-datasets store and the settings at a temporary folder."""
    data = tmp_path / "user-data"
    config = tmp_path / "user-config"
    monkeypatch.setenv("OFFENCE_EXPLORER_DATA_DIR", str(data))
    monkeypatch.setenv("OFFENCE_EXPLORER_CONFIG_DIR", str(config))
    monkeypatch.setenv("OFFENCE_EXPLORER_CACHE_DIR", str(tmp_path / "user-cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield tmp_path


@pytest.fixture(autouse=True)
def no_derived_files_unless_asked(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loader and an import write no file of the derived-data store, unless the test is marked
    ``derived_files`` (the tests of that writing and what reads it back).

    Writing one computes every answer of the dataset (about 1-2 s of CPU for an import or a test
    dataset, each time: every test has its own cache folder), and it can only cost speed: any
    failure is swallowed (``derived_build.keep``), and without the file the questions compute
    what it holds. What it holds is checked against the model elsewhere
    (``tests/cli/test_answer_book.py``, ``tests/unit/test_derived_store.py``)."""
    if request.node.get_closest_marker("derived_files") is None:
        from tui.model.store import derived_build

        monkeypatch.setattr(derived_build, "write_file", lambda _ds, _path=None: False)


def write_dataset(
    store: Path, name: str, rows: Sequence[Mapping[str, object]], **meta: object
) -> Path:
    """Write a small dataset in the canonical schema straight into an imported-datasets store."""
    store.mkdir(parents=True, exist_ok=True)
    defaults = {
        "dataset": name,
        "quarter": None,
        "offence_group": "Group",
        "offence_subgroup": "Subgroup",
        "release": "test",
        "source_url": None,
        "quote": None,
        "preferred": True,
    }
    full = []
    for row in rows:
        rec = {**defaults, **row}
        if "period" not in rec:
            y = int(rec["year"])  # type: ignore[call-overload]
            rec["period"] = f"{y}/{(y + 1) % 100:02d}"
        full.append(rec)
    frame = pl.DataFrame(full, schema=LONG_SCHEMA)
    frame.write_parquet(store / f"{name}.parquet")
    manifest = {"name": name, "file": f"{name}.parquet", "title": f"Test dataset {name}"} | meta
    (store / f"{name}.json").write_text(json.dumps(manifest), encoding="utf-8")
    return store / f"{name}.parquet"


@pytest.fixture
def store(isolated_user_dirs: Path) -> Path:
    """The (empty) imported-datasets folder of this test."""
    return isolated_user_dirs / "user-data" / "datasets"


_build_parser = tui.cli.main.build_parser


@functools.cache
def parser_once() -> argparse.ArgumentParser:
    """``ox``'s parser (:func:`tui.cli.main.build_parser`), built once in the test process.

    ``ox`` builds it once a run, of all its commands (4.8 ms of CPU); the tests run ``ox``
    in-process about 620 times (3 s of CPU). Parsing changes nothing in a parser (each run's
    values go to a namespace of its own), and nothing in it depends on the run: the commands,
    options and defaults are fixed, and help is laid out for the terminal when it is printed."""
    return _build_parser()


tui.cli.main.build_parser = parser_once


def run_cli(*argv: str) -> tuple[int, str, str]:
    """``ox ARGV`` in-process: (exit code, stdout, stderr); a usage error gives its exit code."""
    from tui.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    try:
        code = main(list(argv), out=out, err=err)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def refresh_unpainted(screen: Screen[object]) -> None:
    """``Screen._compositor_refresh`` without drawing the frame: the regions to draw are dropped
    (a dialog's screen below still asks the top screen to redraw them, as Textual does)."""
    app = screen.app
    dirty = screen._compositor._dirty_regions
    if screen is not app.screen and screen in app._background_screens and dirty:
        app.screen.refresh(*dirty)
    dirty.clear()
    screen._dirty_widgets.clear()
    app._update_mouse_over(screen)


@pytest.fixture(autouse=True)
def paint_only_what_is_read(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A headless app draws no frame unless a test reads the screen, except in tests marked
    ``paints`` (the key sweeps, the monkey, the crash classes, what a first frame shows).

    Under a test the frames go nowhere (the headless driver drops them), yet drawing them was
    about a sixth of the Pilot tests' CPU. Layout, messages, workers and every widget's state run
    as before; what a test reads it still draws then, through Textual's own renderer
    (``terminal_text``, ``export_screenshot``, snapshots), so a widget that cannot draw what it
    holds still fails that test. A crash while drawing a frame nobody reads is the business of
    the ``paints`` tests and of the soak (``make soak``), which paint every frame."""
    if request.node.get_closest_marker("paints") is None:
        monkeypatch.setattr(Screen, "_compositor_refresh", refresh_unpainted)
    else:  # and animated, as on a terminal (tests/harness.py turns animations off elsewhere)
        monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", harness.ANIMATIONS)


KEPT_IN_TESTS = 200
"""More than a test process reads: the bundled datasets, their variants, and every test's own
(small: a few rows each; the largest process of a run peaked at the same 0.42 GB as at 6)."""


@pytest.fixture(autouse=True, scope="module")
def more_recent_datasets(request: pytest.FixtureRequest) -> Iterator[None]:
    """The loader keeps more datasets at once in the test process (not for
    ``test_dataset_reuse``, whose subject it is).

    It keeps the last ``RECENT_DATASETS`` (2) datasets it read and gives them again while their
    file has the same SHA-256 (``tui/model/data/dataset.py``). ``ox datasets`` loads every
    dataset, and the tests switch between the four bundled ones all the time, so at 2 each load
    pushed out the one the next test wanted: the Home Office releases (0.3-0.4 s of CPU each)
    were read again hundreds of times, about 15 s of the non-UI tests' 107 s of CPU. The key is
    the same (a replaced or edited file is read again; ``tests/unit/test_dataset_reuse.py``
    checks that, and that only the last few are kept, at the loader's own number).

    Set for a whole module, before its own module-scoped fixtures load a dataset: set per test,
    a module fixture's load ran at the loader's 2 and pushed out all but two. At 6, the small
    datasets of the import tests (a few each) still pushed out the bundled ones: the Home Office
    releases were read 17 times in a run of the non-UI tests, now 4 (the first of each, and
    again after ``test_dataset_reuse``)."""
    if request.module.__name__.endswith("test_dataset_reuse"):
        yield
        return
    from tui.model.data import dataset

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dataset, "RECENT_DATASETS", KEPT_IN_TESTS)
        yield


LONGEST_FIRST = (
    "test_monkey",
    "test_every_key",
    "test_crash_classes",
    "test_detail_whole_figures",
    "test_chart_event_labels",
    "test_early_detail",
    "test_whole_figures",
    "test_journeys",
    "test_keys_in_order",
    "test_detail_cuts",
    "test_snapshots",
)
"""The test files with the longest tests (``make test`` lists the slowest), started first."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest tests first, then the rest of those that drive the app, then the quick ones:
    xdist's workers take tests in this order and share out what is left, so a run ends on quick
    tests with both cores busy, not with one core idle while the other finishes a long sweep."""

    def rank(item: pytest.Item) -> tuple[int, int]:
        name = item.path.stem
        if name in LONGEST_FIRST:
            return (0, LONGEST_FIRST.index(name))
        return (1 if item.path.parent.name == "ui" else 2, 0)

    items.sort(key=rank)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What importing and collecting left behind is moved out of the collector's sight
    (``gc.freeze``): the full collections a growing test process runs every so often no longer
    walk the modules and tests of the whole suite (about 4 % of the CPU of a run of Pilot and
    CLI tests, six runs alternated: 24.2 against 22.5 CPU-s)."""
    gc.collect()
    gc.freeze()
