"""A file with thousands of unknown force names (issue 19): an import that says "Imported" always
opens, its warnings are summarised (on screen, in the CLI and in the manifest), and the work is
linear in the file. A manifest that could not be read back never replaces a working dataset."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.importing.conftest import run, snapshot
from tui.jsonfile import MAX_BYTES
from tui.model.data.catalogue import find_dataset
from tui.model.data.dataset import load_dataset
from tui.model.importing.api import import_file, preview_file

UNKNOWN_SHOWN = 5
"""Unknown names an import names one by one (tui.model.importing.file_warnings.UNKNOWN_SHOWN)."""
MAX_WARNINGS = 20
"""Warnings an import lists (tui.model.importing.problems.MAX_WARNINGS)."""

HEADER = (
    "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,"
    "Offence Subgroup,Offence Code,Number of Offences\n"
)


def _unknown_names(path: Path, n: int) -> Path:
    """Kent, then ``n`` force names the reference does not know, one row each."""
    rows = ["2017/18,1,Kent,Obscene publications etc,Misc,Misc,86,5\n"]
    rows += [
        f"2017/18,1,Zorbo Force {i:06d},Obscene publications etc,Misc,Misc,86,{i % 50}\n"
        for i in range(n)
    ]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_six_thousand_unknown_names_import_and_open(tmp_path: Path, store: Path) -> None:
    path = _unknown_names(tmp_path / "many.csv", 6000)
    code, out, err = run("import", str(path), "--name", "many")
    assert code == 0, err
    assert "Imported 6,001 rows as dataset many" in out
    warnings = [line for line in err.splitlines() if line.startswith("ox: warning:")]
    assert len(warnings) == UNKNOWN_SHOWN + 1, err
    assert "unknown force 'Zorbo Force 000000' (Force Name, 1 row, first at row 3)" in warnings[0]
    assert warnings[-1].startswith(
        "ox: warning: 5,995 more unknown forces (Force Name, 5,995 rows, the first at row 8)"
    )
    manifest = store / "many.json"
    assert manifest.stat().st_size < 20_000  # was 1.2 MB, over the 1 MiB a manifest may be
    info = find_dataset("many")  # what the app opens by: raised when the manifest was too large
    assert "5,995 more unknown forces" in info.notes
    assert load_dataset(info).figures.height == 6001
    code, out, err = run("show", "kent", "-d", "many", "-f", "csv")
    assert code == 0, err
    assert "2017/18" in out


def test_the_preview_says_the_same_in_few_lines(tmp_path: Path) -> None:
    preview = preview_file(_unknown_names(tmp_path / "many.csv", 300))
    assert preview.ok
    assert len(preview.warnings) == UNKNOWN_SHOWN + 1
    assert preview.warnings[-1].startswith("295 more unknown forces")


def test_warnings_are_linear_in_the_file(tmp_path: Path, store: Path) -> None:
    """25,000 unknown names: seconds (9 minutes for 100,000 before, a filter and a fuzzy search per
    name; ~3 s for 25,000 now on a shared 2-core machine). The bound leaves room for a slow CI."""
    path = _unknown_names(tmp_path / "lots.csv", 25_000)
    start = time.monotonic()
    result = import_file(path, name="lots", store=store)
    elapsed = time.monotonic() - start
    assert result.rows == 25_001
    assert len(result.warnings) == UNKNOWN_SHOWN + 1
    assert elapsed < 40, f"{elapsed:.1f} s"


def test_warnings_of_every_kind_are_capped(tmp_path: Path) -> None:
    """Control characters in many columns and sheets: the first few warnings, then a count."""
    from tui.model.importing import file_warnings, problems
    from tui.model.importing.problems import summarise_warnings

    assert (file_warnings.UNKNOWN_SHOWN, problems.MAX_WARNINGS) == (UNKNOWN_SHOWN, MAX_WARNINGS)

    lines = [f"warning {i}" for i in range(MAX_WARNINGS + 7)]
    shown = summarise_warnings(lines)
    assert shown[:MAX_WARNINGS] == tuple(lines[:MAX_WARNINGS])
    assert shown[MAX_WARNINGS:] == ("7 more warnings, not listed",)
    assert summarise_warnings(["x" * 5000])[0].endswith("…")
    assert len(summarise_warnings(["x" * 5000])[0]) < 1000


def test_a_manifest_that_cannot_be_read_back_never_replaces_a_dataset(
    tmp_path: Path, existing: Path
) -> None:
    """Thousands of long-named periods make a manifest (its list of years) larger than the app
    reads: the import is refused before anything is replaced, and the dataset stays whole. (8,000
    names of 150 characters: 1.26 MB; 40,000 short ones made 1.48 MB at 0.5 s more CPU.)"""
    path = tmp_path / "periods.csv"
    padding = "." * 120
    lines = ["Area,When,Total"] + [
        f"Kent,period number {i:07d} of many {padding},{i}" for i in range(8_000)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(existing)
    code, out, err = run(
        "import", str(path), "--name", "kept", "--replace",
        "--map", "force=Area", "--map", "period=When", "--map", "count=Total",
    )  # fmt: skip
    assert code != 0, out
    assert "could not be read back" in err and "nothing was imported or replaced" in err
    assert f"{MAX_BYTES:,}" in err
    assert snapshot(existing) == before
    assert load_dataset(find_dataset("kept")).figures.height == 2


@pytest.mark.parametrize("body", ['{"title": "x"}', '{"file": "x.parquet", "rows": "many"}'])
def test_a_manifest_of_the_wrong_shape_is_called_malformed(store: Path, body: str) -> None:
    store.mkdir(parents=True)
    (store / "odd.json").write_text(body, encoding="utf-8")
    code, _out, err = run("show", "kent", "-d", "odd")
    assert code == 1
    assert "odd.json: malformed manifest" in err, err
    assert "is missing" not in err
