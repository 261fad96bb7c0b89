"""Helpers for the import tests: fixture paths, a store snapshot, and one existing dataset."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import write_dataset
from tui.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOOD = FIXTURES / "import"
BROKEN = FIXTURES / "broken"


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
