"""Helpers for the import tests: fixture paths, a store snapshot, and one existing dataset."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import write_dataset
from tui.cli.main import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOOD = FIXTURES / "import"
BROKEN = FIXTURES / "broken"
MIXED = FIXTURES / "mixed"
"""Workbooks with one bad sheet among good ones (imported with that sheet skipped)."""


def _writer() -> ModuleType:
    """The fixture script, for its small XLSX/ODS writer."""
    path = Path(__file__).resolve().parents[2] / "scripts" / "build_import_fixtures.py"
    spec = importlib.util.spec_from_file_location("build_import_fixtures", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WRITER = _writer()
"""``write_xlsx(path, [(sheet, rows)])`` and ``write_ods``: numbers in rows are number cells."""


def _hostile() -> ModuleType:
    """The hostile-fixture script (``_with_part``, ``COVER_SHEET``...), which imports the other."""
    scripts = str(Path(__file__).resolve().parents[2] / "scripts")
    sys.modules.setdefault("build_import_fixtures", WRITER)
    path = Path(scripts) / "build_hostile_fixtures.py"
    spec = importlib.util.spec_from_file_location("build_hostile_fixtures", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOSTILE = _hostile()
"""Helpers of ``scripts/build_hostile_fixtures.py``: ``_with_part``, ``COVER_SHEET``."""


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) with its bytes."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def run(*argv: str) -> tuple[int, str, str]:
    """Run ``ox`` in process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        code = main(list(argv), out=out, err=err)
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def existing(store: Path) -> Path:
    """A store that already holds one imported dataset ("kept"), written without the importer."""
    write_dataset(
        store,
        "kept",
        [
            {
                "year": 2017,
                "force": "Kent",
                "offence_code": "86",
                "offence": "Obscene publications etc",
                "count": 5,
            },
            {
                "year": 2018,
                "force": "Kent",
                "offence_code": "86",
                "offence": "Obscene publications etc",
                "count": 7,
            },
        ],
    )
    return store


MEMORY_CAP = 4 << 30
"""Address space a subprocess of :func:`run_ox` may use: a reader that asks for more aborts (or
raises MemoryError) quickly, instead of taking the machine's memory."""


def _cap_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


OX_WITHOUT_DERIVED_FILES = """
import sys
from tui.model.store import derived_build
derived_build.write_file = lambda _ds, _path=None: False
from tui.launcher import main
raise SystemExit(main(sys.argv[1:]))
"""
"""``python -m tui`` (``tui/__main__.py`` calls the same ``main``), except that an import that
succeeds writes no file of the derived-data store, as in the tests' own process
(``tests/conftest.py``, ``no_derived_files_unless_asked``): that file computes every answer of
the dataset, about 1 s of CPU the tests here do not check."""


def run_ox(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``ox`` in a process of its own, with its memory capped and a time limit.

    A hang fails the test (``TimeoutExpired``) instead of blocking the suite; an abort is seen
    as its exit status. The store is the test's own (the environment is inherited).
    """
    return subprocess.run(
        [sys.executable, "-c", OX_WITHOUT_DERIVED_FILES, *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_cap_memory,
        stdin=subprocess.DEVNULL,
        check=False,
    )


OX_BATCH = """
import io, json, os, sys
from tui.model.store import derived_build
derived_build.write_file = lambda _ds, _path=None: False
from tui.cli.main import main
for line in sys.stdin:
    data, argv = json.loads(line)
    os.environ["OFFENCE_EXPLORER_DATA_DIR"] = data
    out, err = io.StringIO(), io.StringIO()
    try:
        code = main(argv, out=out, err=err)
    except SystemExit as exc:
        code = int(exc.code or 0)
    print(json.dumps([code, out.getvalue(), err.getvalue()]), flush=True)
"""
"""Several ``ox`` commands, one after another, in one process (as :data:`OX_WITHOUT_DERIVED_FILES`
runs one): each with its own data folder; one line of JSON (status, stdout, stderr) per command."""


def run_ox_batch(
    commands: Mapping[str, tuple[Path, Sequence[str]]], folder: Path, timeout: float = 120
) -> dict[str, subprocess.CompletedProcess[str]]:
    """Run each command (name -> (its data folder, ARGV)) in one process of its own, its memory
    capped and a time limit, as :func:`run_ox` runs one: a process per command cost about 0.3 s
    of CPU each to start (Python, Polars). A command that aborts the process (or raises) ends the
    batch: it and every later one get the process's exit status and its stderr (the traceback),
    so their tests fail. ``folder`` holds the cache and settings folders of the batch."""
    env = {
        **os.environ,
        "OFFENCE_EXPLORER_CACHE_DIR": str(folder / "user-cache"),
        "OFFENCE_EXPLORER_CONFIG_DIR": str(folder / "user-config"),
    }
    env.pop("NO_COLOR", None)
    lines = "".join(json.dumps([str(data), list(argv)]) + "\n" for data, argv in commands.values())
    done = subprocess.run(
        [sys.executable, "-c", OX_BATCH],
        input=lines,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_cap_memory,
        env=env,
        check=False,
    )
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    results = {}
    for i, (name, (_data, argv)) in enumerate(commands.items()):
        if i < len(answers):
            code, out, err = answers[i]
            results[name] = subprocess.CompletedProcess(list(argv), code, out, err)
        else:  # the batch ended before this command answered
            results[name] = subprocess.CompletedProcess(
                list(argv), done.returncode, "", done.stderr
            )
    return results
