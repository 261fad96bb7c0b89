"""Argument checks and messages (issue 19): ``--dataset ""`` is refused like ``--offence ""``;
``ox map`` takes ``-f table`` and ``-f markdown`` as README says every lookup does; a name of
100,000 characters is not echoed whole; Ctrl+C during an import says what it did."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importing.conftest import GOOD, run
from tui.model.importing import store as store_module

LONG = "z" * 100_000


@pytest.mark.parametrize(
    "argv",
    [
        ("show", "kent", "--dataset", ""),
        ("compare", "2016/17", "2017/18", "-d", " "),
        ("map", "-d", ""),
    ],
)
def test_an_empty_dataset_is_refused(argv: tuple[str, ...]) -> None:
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    assert "--dataset is empty" in err


def test_the_explorer_refuses_an_empty_dataset_too(capsys: pytest.CaptureFixture[str]) -> None:
    from tui import launcher

    assert launcher.main(["--dataset", ""]) == 2
    assert "--dataset is empty" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_map_takes_table_and_markdown(fmt: str) -> None:
    code, out, err = run("map", "-m", "change", "--years", "2021/22", "2022/23", "-f", fmt)
    assert code == 0, err
    assert "Northamptonshire" in out and "Within chance" in out
    if fmt == "markdown":
        assert "| Force | Tile | Value |" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("show", LONG),
        ("show", "kent", "-o", LONG),
        ("show", "kent", "-d", LONG),
        ("offences", LONG),
        ("forces", LONG),
        ("compare", "2016/17", "2017/18", "-o", LONG),
    ],
)
def test_a_long_name_is_not_echoed_whole(argv: tuple[str, ...]) -> None:
    code, out, err = run(*argv)
    assert code == 2
    assert len(out) + len(err) < 2_000, (out + err)[:300]
    assert "(100,000 characters)" in err


@pytest.mark.parametrize("when", ["before", "after"])
def test_ctrl_c_during_an_import_says_what_it_did(
    store: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    real = store_module.write_dataset

    def interrupted(*args: object, **kwargs: object) -> object:
        if when == "after":
            real(*args, **kwargs)  # type: ignore[arg-type]
        raise KeyboardInterrupt

    monkeypatch.setattr(store_module, "write_dataset", interrupted)
    code, _out, err = run("import", str(GOOD / "ho_201718.csv"), "--name", "fresh")
    assert code == 130
    assert "whole or not at all" not in err
    if when == "before":
        assert "nothing was changed" in err and not (store / "fresh.json").exists()
    else:
        assert "dataset fresh is whole" in err and (store / "fresh.json").exists()
