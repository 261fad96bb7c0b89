"""The opening-table cache: shown only when made from the same file, code, offence and options."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tui.model import opening_cache as oc
from tui.model.catalogue import find_dataset
from tui.model.dataset import load_dataset
from tui.model.force_table import force_table
from tui.model.selection import pick_offence
from tui.model.types import ForceTable


@pytest.fixture(scope="module")
def table() -> ForceTable:
    ds = load_dataset("homeoffice")
    return force_table(ds, pick_offence(ds, "86"))


def _count(table: ForceTable, force: str, year: int) -> int | None:
    row = next(r for r in table.rows if r.force.name == force)
    return row.count_for(table.years, year)


def test_round_trip_gives_the_same_table(table: ForceTable, tmp_path: Path) -> None:
    data = find_dataset("homeoffice").path
    oc.save_opening(table, data, oc.file_sha256(data), False, tmp_path / "c.json")
    back = oc.load_opening(data, "86", False, tmp_path / "c.json")
    assert back == table
    # Home Office PRC (Oct 2023 release), Northamptonshire, code 86, 2017/18: quarters
    # 60 + 61 + 71 + 77 = 269 (shared prc_pfa_tidy.csv).
    assert back is not None and _count(back, "Northamptonshire", 2017) == 269


def test_a_table_that_names_a_recording_change_round_trips(tmp_path: Path) -> None:
    """Burglary 28E names its 2023/24 recording change; the event type is loaded on demand."""
    ds = load_dataset("homeoffice")
    burglary = force_table(ds, pick_offence(ds, "28E"))
    assert burglary.recording_changes
    data = find_dataset("homeoffice").path
    oc.save_opening(burglary, data, oc.file_sha256(data), False, tmp_path / "c.json")
    assert oc.load_opening(data, "28E", False, tmp_path / "c.json") == burglary


def test_a_changed_dataset_file_is_never_shown(table: ForceTable, tmp_path: Path) -> None:
    data = tmp_path / "homeoffice.parquet"
    shutil.copy(find_dataset("homeoffice").path, data)
    oc.save_opening(table, data, oc.file_sha256(data), False, tmp_path / "c.json")
    assert oc.load_opening(data, "86", False, tmp_path / "c.json") is not None
    with data.open("ab") as handle:  # a rebuild or re-import changes the file
        handle.write(b"\0")
    assert oc.load_opening(data, "86", False, tmp_path / "c.json") is None


def test_another_offence_options_or_code_is_not_shown(
    table: ForceTable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = find_dataset("homeoffice").path
    cache = tmp_path / "c.json"
    oc.save_opening(table, data, oc.file_sha256(data), False, cache)
    assert oc.load_opening(data, "8N", False, cache) is None
    assert oc.load_opening(data, "86", True, cache) is None
    assert oc.load_opening(find_dataset("nspcc").path, None, False, cache) is None
    monkeypatch.setattr(oc, "code_fingerprint", lambda: "other code")
    assert oc.load_opening(data, "86", False, cache) is None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[" * 100_000,
        json.dumps({"key": {}, "table": {}}).encode(),
        b"{" + b" " * (oc.MAX_BYTES + 1) + b"}",
    ],
    ids=["empty", "garbage", "deeply-nested", "wrong-shape", "too-large"],
)
def test_a_damaged_cache_is_no_cache(content: bytes, tmp_path: Path) -> None:
    cache = tmp_path / "c.json"
    cache.write_bytes(content)
    assert oc.load_opening(find_dataset("homeoffice").path, None, False, cache) is None


def test_a_tampered_type_is_refused(table: ForceTable, tmp_path: Path) -> None:
    data = find_dataset("homeoffice").path
    cache = tmp_path / "c.json"
    oc.save_opening(table, data, oc.file_sha256(data), False, cache)
    record = json.loads(cache.read_text())
    record["table"]["__type__"] = "Path"
    cache.write_text(json.dumps(record))
    assert oc.load_opening(data, "86", False, cache) is None
