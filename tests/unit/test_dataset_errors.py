"""A missing, unreadable or malformed data file gives one clear error that names it."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from tui.model.data.catalogue import imported_datasets, list_datasets
from tui.model.data.dataset import load_dataset
from tui.model.data.errors import DatasetError, UnknownDatasetError


def manifest(store: Path, name: str, file: str) -> None:
    store.mkdir(parents=True, exist_ok=True)
    (store / f"{name}.json").write_text(json.dumps({"name": name, "file": file}), encoding="utf-8")


def test_unknown_dataset_suggests_names() -> None:
    with pytest.raises(UnknownDatasetError) as info:
        load_dataset("homeofice")
    assert "homeoffice" in info.value.suggestions


def test_missing_file(store: Path) -> None:
    manifest(store, "gone", "gone.parquet")
    with pytest.raises(DatasetError, match="gone.parquet is missing"):
        load_dataset("gone", store=store)


def test_junk_file(store: Path) -> None:
    manifest(store, "junk", "junk.parquet")
    (store / "junk.parquet").write_bytes(b"\x00\x01 not parquet at all")
    with pytest.raises(DatasetError, match="cannot read data file .*junk.parquet"):
        load_dataset("junk", store=store)


def test_missing_column(store: Path) -> None:
    manifest(store, "thin", "thin.parquet")
    pl.DataFrame({"force": ["Kent"], "count": [1]}).write_parquet(store / "thin.parquet")
    with pytest.raises(DatasetError, match="lacks column"):
        load_dataset("thin", store=store)


def test_text_in_count_column(store: Path) -> None:
    manifest(store, "texty", "texty.parquet")
    pl.DataFrame(
        {
            "period": ["2017/18"],
            "year": [2017],
            "force": ["Kent"],
            "offence_code": ["86"],
            "offence": ["x"],
            "count": ["twelve"],
        }
    ).write_parquet(store / "texty.parquet")
    with pytest.raises(DatasetError, match="wrong type"):
        load_dataset("texty", store=store)


def test_corrupt_manifest_is_reported_not_fatal(store: Path) -> None:
    store.mkdir(parents=True)
    (store / "broken.json").write_text("{not json", encoding="utf-8")
    infos, problems = imported_datasets(store)
    assert infos == [] and problems and problems[0].path.name == "broken.json"
    assert [d.name for d in list_datasets(store=store)] == [
        "homeoffice",
        "homeoffice-2023-10",
        "nspcc",
        "scotland",
    ]
