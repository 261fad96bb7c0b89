"""Snapshots of the cite dialog and the release diff view (NO_COLOR, ASCII, 80×24: see
tests/ui/test_snapshots.py; regenerate with --snapshot-update, and look at each SVG)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.ui.test_snapshots import SIZE, Snap, snapshot_app, steps
from tui.model.importing.api import import_file

FIXTURE_201718 = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "ho_201718.csv"


def test_cite_dialog_text(snap_compare: Snap, tmp_path: Path) -> None:
    """K on the Forces view: the Home Office release, the selection and the OGL attribution."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("down", "K"))


def test_cite_dialog_bibtex(snap_compare: Snap, tmp_path: Path) -> None:
    """f switches the format: the same citation as a BibTeX entry."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("down", "K", "f"))


def test_reproduce_compare(snap_compare: Snap, tmp_path: Path) -> None:
    """R on the Compare view: the ox compare command, and the ox cite command."""
    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("down", "v", "R"))


def test_release_diff(snap_compare: Snap, store: Path, tmp_path: Path) -> None:
    """The 2017/18 release against the bundled one: changed cells largest first, the counts."""
    import_file(FIXTURE_201718, name="prc201718")

    async def open_diff(pilot: Pilot[None]) -> None:
        pilot.app.open_diff("prc201718", "homeoffice")  # type: ignore[attr-defined]

    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(after=open_diff))


def test_release_diff_refused(snap_compare: Snap, tmp_path: Path) -> None:
    """NSPCC figures against Home Office recorded crime: refused, with the reason."""

    async def open_diff(pilot: Pilot[None]) -> None:
        pilot.app.open_diff("nspcc", "homeoffice")  # type: ignore[attr-defined]

    app = snapshot_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(after=open_diff))
