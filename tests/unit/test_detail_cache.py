"""The detail cache: a force's detail shown before the data loads only when it was made from the
same file, code, offence and force; anything stale or damaged is no cache, never a wrong figure.

Home Office PRC (Oct 2023 release), Northamptonshire, code 86: 2016/17 = 248; 2017/18 quarters
60 + 61 + 71 + 77 = 269; 2022/23 = 737 (shared prc_pfa_tidy.csv)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from tui.model import detail_cache as dc
from tui.model.catalogue import DatasetInfo, find_dataset
from tui.model.dataset import load_dataset
from tui.model.detail import force_detail
from tui.model.detail_types import ForceDetail
from tui.model.opening_cache import file_sha256
from tui.model.selection import pick_offence
from tui.model.totals import find_force

OCT23 = "homeoffice-2023-10"
"""The Oct 2023 release (the shared prc_pfa_tidy.csv), whose rows the figures here are from."""


@pytest.fixture(scope="module")
def details() -> dict[str, ForceDetail]:
    ds = load_dataset(OCT23)
    code86 = pick_offence(ds, "86")
    return {
        name: force_detail(ds, find_force(ds, name), code86, None)
        for name in ("Northamptonshire", "Kent")
    }


def _save(detail: ForceDetail, info: DatasetInfo, folder: Path) -> None:
    dc.save_detail(detail, info.path, file_sha256(info.path), False, folder)


def _counts(detail: ForceDetail) -> dict[str, int | None]:
    return {p.year.fy: p.count for p in detail.series.points}


def test_round_trip_gives_the_same_detail(details: dict[str, ForceDetail], tmp_path: Path) -> None:
    info = find_dataset(OCT23)
    _save(details["Northamptonshire"], info, tmp_path)
    back = dc.load_detail(info, "86", "Northamptonshire", tmp_path)
    assert back is not None and back.detail == details["Northamptonshire"]
    assert back.info == info and back.name == OCT23 and back.has_sources is False
    counts = _counts(back.detail)
    assert counts["2016/17"] == 248
    assert counts["2017/18"] == 60 + 61 + 71 + 77
    assert counts["2022/23"] == 737
    assert dc.load_detail(info, "86", "Kent", tmp_path) is None  # never saved


def test_a_changed_dataset_file_is_never_shown(
    details: dict[str, ForceDetail], tmp_path: Path
) -> None:
    data = tmp_path / "homeoffice.parquet"
    shutil.copy(find_dataset(OCT23).path, data)
    info = dataclasses.replace(find_dataset(OCT23), path=data)
    _save(details["Northamptonshire"], info, tmp_path / "c")
    assert dc.load_detail(info, "86", "Northamptonshire", tmp_path / "c") is not None
    with data.open("ab") as handle:  # a rebuild or re-import changes the file (its checksum)
        handle.write(b"\0")
    assert dc.load_detail(info, "86", "Northamptonshire", tmp_path / "c") is None


def test_another_offence_dataset_or_code_is_not_shown(
    details: dict[str, ForceDetail], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = find_dataset(OCT23)
    _save(details["Northamptonshire"], info, tmp_path)
    assert dc.load_detail(info, "8N", "Northamptonshire", tmp_path) is None
    assert dc.load_detail(find_dataset("nspcc"), "86", "Northamptonshire", tmp_path) is None
    monkeypatch.setattr(dc, "code_fingerprint", lambda: "other code")
    assert dc.load_detail(info, "86", "Northamptonshire", tmp_path) is None


def _entry(tmp_path: Path) -> Path:
    (path,) = tmp_path.glob("*.json")
    return path


def test_a_damaged_entry_is_no_cache(details: dict[str, ForceDetail], tmp_path: Path) -> None:
    info = find_dataset(OCT23)
    _save(details["Northamptonshire"], info, tmp_path)
    path = _entry(tmp_path)
    text = path.read_text()
    record = json.loads(text)

    def shown_after(damaged: str) -> dc.CachedDetail | None:
        path.write_text(damaged)
        return dc.load_detail(info, "86", "Northamptonshire", tmp_path)

    assert shown_after(text[: len(text) // 2]) is None  # truncated
    assert shown_after("") is None
    assert shown_after("[1, 2]") is None
    wrong_sum = json.loads(text)
    wrong_sum["key"]["sha256"] = "0" * 64
    assert shown_after(json.dumps(wrong_sum)) is None
    wrong_type = json.loads(text)
    wrong_type["detail"]["__type__"] = "ForceTable"  # not a type a detail is made of
    assert shown_after(json.dumps(wrong_type)) is None
    as_series = json.loads(text)
    as_series["detail"] = as_series["detail"]["series"]  # decodes, but not a detail
    assert shown_after(json.dumps(as_series)) is None
    no_flag = json.loads(text)
    no_flag["has_sources"] = "no"
    assert shown_after(json.dumps(no_flag)) is None
    bad_field = json.loads(text)
    bad_field["detail"]["series"]["points"][0]["nonsense"] = 1
    assert shown_after(json.dumps(bad_field)) is None
    assert shown_after(json.dumps(record)) is not None  # the intact entry is shown again


def test_another_forces_entry_is_never_shown(
    details: dict[str, ForceDetail], tmp_path: Path
) -> None:
    info = find_dataset(OCT23)
    _save(details["Kent"], info, tmp_path)
    kent = _entry(tmp_path)
    _save(details["Northamptonshire"], info, tmp_path / "n")
    # Kent's entry under Northamptonshire's file name (its key says Kent): not shown.
    shutil.copy(kent, _entry(tmp_path / "n"))
    assert dc.load_detail(info, "86", "Northamptonshire", tmp_path / "n") is None
    # Even with Northamptonshire's key, the figures are Kent's: not shown.
    record = json.loads(kent.read_text())
    record["key"]["force"] = "Northamptonshire"
    _entry(tmp_path / "n").write_text(json.dumps(record))
    assert dc.load_detail(info, "86", "Northamptonshire", tmp_path / "n") is None


def test_the_cache_is_bounded(
    details: dict[str, ForceDetail], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dc, "MAX_ENTRIES", 1)
    info = find_dataset(OCT23)
    _save(details["Kent"], info, tmp_path)
    _save(details["Northamptonshire"], info, tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == 1
    assert dc.load_detail(info, "86", "Northamptonshire", tmp_path) is not None
