"""An imported dataset in the Home Office layout without code 86 (issue 19): the Forces view fell
back to all offences, and every detail stopped with "unknown offence '86'" (the detail looks for
the same force in the other measure of child abuse images, by code 86). One rule: a dataset
without its measure's offence has no pair; its views and the CLI open on all offences."""

from __future__ import annotations

from pathlib import Path

from tests.importing.conftest import GOOD, run
from tui.model.data.catalogue import find_dataset
from tui.model.data.dataset import load_dataset
from tui.model.figures.detail import force_detail
from tui.model.figures.selection import default_selection, pick_offence
from tui.model.figures.side_by_side import other_measure, paired_selection


def _without_86(tmp_path: Path) -> None:
    lines = (GOOD / "ho_201718.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "no86.csv"
    path.write_text("".join(line for line in lines if ",86," not in line), encoding="utf-8")
    code, _out, err = run("import", str(path), "--name", "no86")
    assert code == 0, err


def test_a_detail_opens_without_code_86(tmp_path: Path, store: Path) -> None:
    _without_86(tmp_path)
    ds = load_dataset(find_dataset("no86"))
    selection = default_selection(ds)
    assert selection.key == pick_offence(ds, "all").key
    assert paired_selection(ds, selection) is None
    assert other_measure(ds, "Kent", selection) is None
    detail = force_detail(ds, ds.reference.force("Kent"), selection)
    assert detail.series.force.name == "Kent"


def test_the_cli_uses_the_same_rule(tmp_path: Path, store: Path) -> None:
    _without_86(tmp_path)
    code, out, err = run("show", "kent", "-d", "no86")
    assert code == 0, err
    assert "Kent: All offences" in out or "Kent: all offences" in out
    code, out, err = run("show", "kent", "-d", "no86,nspcc")
    assert "unknown offence '86'" not in err
