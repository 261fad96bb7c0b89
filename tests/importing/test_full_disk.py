"""A full disk says "not enough disk space", in the CLI and in the TUI, and changes nothing.

Polars reports a full disk while writing Parquet as a ``ComputeError`` (not an ``OSError``), so
before, the CLI printed that traceback and the TUI import screen stayed on "Importing…" for
ever. Here the Parquet file is really written to ``/dev/full``, the device that is always full,
so the error is the one Polars raises on a full disk.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from tests.importing.conftest import GOOD, run, snapshot
from tests.ui.conftest import open_import_preview, wait_for
from tui.app import make_app
from tui.model.data.dataset import load_dataset
from tui.model.importing.service import Importer

HO = GOOD / "ho_201718.csv"
_REAL_WRITE = pl.DataFrame.write_parquet


def _to_dev_full(self: pl.DataFrame, _path: object, **kwargs: object) -> None:
    _REAL_WRITE(self, "/dev/full", **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def full_disk(existing: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up after the store with dataset "kept" was written."""
    monkeypatch.setattr(pl.DataFrame, "write_parquet", _to_dev_full)


def test_polars_really_fails_on_dev_full() -> None:
    with pytest.raises(pl.exceptions.ComputeError, match=r"No space left on device"):
        _to_dev_full(pl.DataFrame({"a": list(range(100_000))}), "ignored")


@pytest.mark.usefixtures("full_disk")
def test_the_cli_says_not_enough_disk_space(existing: Path) -> None:
    before = snapshot(existing)
    code, _out, err = run("import", str(HO), "--name", "new")
    assert code == 1
    assert f"ox: error: not enough disk space to write the dataset in {existing}" in err
    assert "nothing was changed" in err and "Traceback" not in err and "ComputeError" not in err
    assert snapshot(existing) == before


@pytest.mark.usefixtures("full_disk")
def test_replacing_on_a_full_disk_keeps_the_old_dataset(existing: Path) -> None:
    before = snapshot(existing)
    code, _out, err = run("import", str(HO), "--name", "kept", "--replace")
    assert code == 1 and "not enough disk space" in err
    assert snapshot(existing) == before
    assert load_dataset("kept").figures.get_column("count").to_list() == [5, 7]


@pytest.mark.usefixtures("full_disk")
async def test_the_tui_import_screen_says_what_happened(
    existing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk, then (tried again on the same screen) any other failure in the import
    worker: the screen says each instead of waiting, and stays open."""
    before = snapshot(existing)
    app = make_app(settings_file=tmp_path / "settings.json")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import_preview(pilot, HO)
        assert screen._preview is not None and screen._preview.ok
        await pilot.press("enter")
        box = screen.query_one("#import-summary")
        await wait_for(pilot, lambda: "Not imported" in str(box.render()), "the failure")
        summary = str(box.render())
        report = str(screen.query_one("#import-report").render())
        assert "Importing" not in summary and "Not imported" in summary
        assert f"not enough disk space to write the dataset in {existing}" in report
        assert app.screen is screen  # still open, to try again or cancel

        def broken(*_args: object, **_kwargs: object) -> None:
            raise RuntimeError("something unexpected")

        monkeypatch.setattr(Importer, "import_file", broken)
        await pilot.press("enter")  # again: now something else goes wrong
        await wait_for(
            pilot,
            lambda: "RuntimeError" in str(screen.query_one("#import-report").render()),
            "the other failure",
        )
        assert "Not imported" in str(box.render()), "the other failure's summary"
        report = str(screen.query_one("#import-report").render())
        assert "the import failed (RuntimeError: something unexpected)" in report
        assert app.screen is screen
    assert snapshot(existing) == before
