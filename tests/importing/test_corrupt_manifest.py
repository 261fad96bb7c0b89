"""A dataset whose manifest (NAME.json) is not valid JSON: named as such, removable, replaceable."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.importing.conftest import GOOD, run
from tests.importing.test_cli import FakeTerminal
from tests.importing.test_store import _dead_pid
from tui.model.data.catalogue import imported_datasets
from tui.model.data.dataset import load_dataset
from tui.model.data.errors import DatasetError
from tui.model.importing.api import import_file, remove_dataset

HO = str(GOOD / "ho_201718.csv")
BAD_JSON = '{"name": "broken", "file": "broken.1.ab.parquet",'  # cut short


@pytest.fixture
def broken(existing: Path) -> Path:
    """The store with "kept" and "broken", an import whose manifest was then damaged."""
    result = import_file(HO, name="broken")
    Path(result.manifest).write_text(BAD_JSON, encoding="utf-8")
    return Path(result.path)


def _reason() -> str:
    try:
        json.loads(BAD_JSON)
    except ValueError as exc:
        return str(exc)
    raise AssertionError("BAD_JSON is valid")


def test_using_it_says_the_manifest_is_unreadable_and_how_to_fix_it(
    broken: Path, store: Path
) -> None:
    code, out, err = run("show", "kent", "-d", "broken")
    assert code == 1 and out == ""
    assert err == (
        f"ox: error: the manifest of the imported dataset 'broken' cannot be read "
        f"({store / 'broken.json'}: {_reason()}); remove the dataset with "
        "'ox datasets remove broken', or import its file again with "
        "'ox import FILE --name broken --replace'\n"
    )
    with pytest.raises(DatasetError, match="manifest of the imported dataset 'broken'"):
        load_dataset("BROKEN")


def test_an_unknown_name_is_still_unknown(broken: Path) -> None:
    code, _out, err = run("show", "kent", "-d", "brokn")
    assert code == 2 and err.startswith("ox: error: unknown dataset 'brokn'")


def test_remove_deletes_its_manifest_and_data_files(broken: Path, store: Path) -> None:
    dead = _dead_pid()
    orphan = store / f"broken.{dead}.0a1b2c3d.parquet"  # a replaced import's file, never cleaned
    orphan.write_bytes(b"PAR1")
    plain = store / "broken.parquet"
    plain.write_bytes(b"PAR1")
    # A file named like broken's but listed by another manifest is not broken's to delete.
    shared = store / f"broken.{dead}.99.parquet"
    shared.write_bytes(b"PAR1")
    other = json.loads((store / "kept.json").read_text(encoding="utf-8"))
    (store / "other.json").write_text(
        json.dumps({**other, "name": "other", "file": shared.name}), encoding="utf-8"
    )
    code, out, err = run("datasets", "remove", "broken", "--yes")
    assert code == 0, err
    assert err == ""
    assert out.startswith("Removed dataset broken (broken.json, ")
    for path in (store / "broken.json", broken, orphan, plain):
        assert not path.exists(), path
    assert shared.exists() and (store / "kept.parquet").exists()
    assert sorted(i.name for i in imported_datasets()[0]) == ["kept", "other"]


def test_remove_leaves_a_file_another_running_import_is_writing(broken: Path, store: Path) -> None:
    # The parent of this test process is alive: its file may be an import still writing.
    busy = store / f"broken.{os.getppid()}.0a1b2c3d.parquet"
    busy.write_bytes(b"PAR1")
    removed = remove_dataset("broken")
    assert [Path(f).name for f in removed.files] == ["broken.json", broken.name]
    assert busy.exists()


def test_remove_asks_naming_the_damage(broken: Path) -> None:
    import argparse
    import io

    from tui.cli.imports import remove_dataset as remove_command

    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(name="broken", yes=False)
    code = remove_command(args, out, err, stdin=FakeTerminal("n\n"))
    assert code == 1
    assert out.getvalue() == (
        "Remove the imported dataset 'broken' (its manifest broken.json cannot be read)? [y/N] "
        "Nothing was removed.\n"
    )


def test_replace_over_it_works_and_leaves_no_orphan(broken: Path, store: Path) -> None:
    code, _out, err = run("import", HO, "--name", "broken")
    assert code == 2 and "a dataset called 'broken' already exists" in err
    code, out, err = run("import", HO, "--name", "broken", "--replace")
    assert code == 0, err
    assert "Replaced 716 rows as dataset broken" in out
    assert not broken.exists()
    files = sorted(p.name for p in store.iterdir() if p.name.startswith("broken."))
    assert len(files) == 2 and "broken.json" in files
    assert load_dataset("broken").figures.height == 716
