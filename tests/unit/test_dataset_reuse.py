"""A dataset loaded again is given again while its file is the same, and read again once the file
or its sources change (switching datasets back and forth with ``d`` is then instant)."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from tests.conftest import write_dataset
from tui.model.data import schema as S
from tui.model.data.dataset import RECENT_DATASETS, load_dataset


def kent(count: int) -> list[dict[str, object]]:
    return [
        {"force": "Kent", "offence_code": "1", "offence": "Murder", "year": 2020, "count": count}
    ]


def kent_count(name: str) -> int:
    figures = load_dataset(name).figures
    return int(figures.filter(pl.col(S.FORCE) == "Kent").get_column(S.COUNT).sum())


def test_the_same_file_gives_the_same_dataset(store: Path) -> None:
    write_dataset(store, "tiny", kent(3))
    assert load_dataset("tiny") is load_dataset("tiny")


def test_a_replaced_file_is_read_again(store: Path) -> None:
    write_dataset(store, "tiny", kent(3))
    assert kent_count("tiny") == 3
    write_dataset(store, "tiny", kent(5))  # an import replacing it
    assert kent_count("tiny") == 5


def test_an_edited_sources_file_is_read_again(store: Path) -> None:
    write_dataset(store, "tiny", kent(3), sources_file="tiny_sources.csv")
    sources = store / "tiny_sources.csv"
    sources.write_text("force,year,count\nKent,2020,3\n", encoding="utf-8")
    first = load_dataset("tiny")
    sources.write_text("force,year,count\nKent,2020,3\nKent,2021,4\n", encoding="utf-8")
    second = load_dataset("tiny")
    assert second is not first
    assert second.sources is not None and second.sources.height == 2


def test_only_the_last_few_are_kept(store: Path) -> None:
    names = [f"d{i}" for i in range(RECENT_DATASETS + 1)]
    for i, name in enumerate(names):
        write_dataset(store, name, kent(i))
    first = load_dataset(names[0])
    for name in names[1:]:
        load_dataset(name)
    assert load_dataset(names[0]) is not first  # pushed out by the later ones
