"""The caches that versions before the derived-data store wrote are removed from the user's cache
folder by the loader's step, safely: only regular files of the names those versions wrote, never
through a link, never a user's own file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tui.model.data.dataset import load_dataset
from tui.model.store import derived_build
from tui.model.store.derived_store import shipped_file, user_file

HEX = "0123456789abcdef" * 2  # a detail cache file's name (32 hex digits)


def test_the_loader_removes_the_old_caches_and_nothing_else(tmp_path: Path) -> None:
    cache = Path(os.environ["OFFENCE_EXPLORER_CACHE_DIR"])
    outside = tmp_path / "outside"
    (outside / "books").mkdir(parents=True)
    target = outside / "precious.json"
    target.write_text("the user's")
    (outside / "books" / "homeoffice.json.gz").write_text("elsewhere")
    (cache / "details").mkdir(parents=True)
    old = [
        cache / "opening-table.json",
        cache / ".show-answers.json.4242.0a1b2c3d.tmp",  # a killed write's temporary file
        cache / "details" / f"{HEX}.json",
        cache / "details" / f".{HEX}.json.77.deadbeef.tmp",
    ]
    for path in old:
        path.write_text("{}")
    (cache / "show-answers.json").symlink_to(target)  # an old name, but a link: left alone
    (cache / "answers").symlink_to(outside / "books", target_is_directory=True)
    kept = [
        cache / "notes.json",
        cache / "details" / "mine.txt",
        cache / "details" / f"{HEX}.json.bak",
        cache / "opening-table.json.orig",
    ]
    for path in kept:
        path.write_text("mine")
    (cache / "opening-table.json.d").mkdir()  # a folder: never removed

    assert derived_build.keep(load_dataset("nspcc"))

    assert [p for p in old if os.path.lexists(p)] == []
    assert all(p.read_text() == "mine" for p in kept)
    assert (cache / "details").is_dir()  # a file of the user's keeps its folder
    assert (cache / "show-answers.json").is_symlink()
    assert (cache / "answers").is_symlink()
    assert target.read_text() == "the user's"
    assert (outside / "books" / "homeoffice.json.gz").read_text() == "elsewhere"
    assert (cache / "opening-table.json.d").is_dir()


@pytest.mark.derived_files  # keep() as the loader runs it; the store's own file stays
def test_an_emptied_old_folder_goes_and_the_store_stays() -> None:
    cache = Path(os.environ["OFFENCE_EXPLORER_CACHE_DIR"])
    (cache / "answers").mkdir(parents=True)
    (cache / "answers" / "homeoffice.json.gz").write_bytes(b"old book")
    ds = load_dataset("nspcc")
    # The store's own file, in derived/ (the shipped one copied there: the same name and key as
    # the loader's write, which tests/unit/test_derived_store.py checks, without computing it).
    user_file(ds.name).parent.mkdir(parents=True)
    shutil.copyfile(shipped_file(ds.info), user_file(ds.name))
    mine = sorted(p.relative_to(cache) for p in cache.rglob("*") if p.is_file())
    assert derived_build.keep(ds)
    assert not (cache / "answers").exists()
    left = sorted(p.relative_to(cache) for p in cache.rglob("*") if p.is_file())
    assert left == [p for p in mine if p.parts[0] != "answers"] == [Path("derived/nspcc.json.gz")]
