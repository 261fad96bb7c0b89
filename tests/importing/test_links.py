"""Never through a link, never over anything but a regular file (issue 19): the import's lock,
its data file and manifest, the caches and the settings. A ``.lock`` symlink in the datasets
folder made the import write its pid into a file outside the app's folders."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.importing.conftest import GOOD, run, snapshot
from tui.config import Settings, save_settings

OUTSIDE = "not the app's: keep me\n"


def _outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    target = folder / "precious.txt"
    target.write_text(OUTSIDE, encoding="utf-8")
    return target


@pytest.mark.parametrize("dangling", [False, True], ids=["to a file", "dangling"])
def test_a_lock_link_is_never_followed(tmp_path: Path, store: Path, dangling: bool) -> None:
    target = _outside(tmp_path)
    if dangling:
        target = target.with_name("made-by-the-lock")
    store.mkdir(parents=True)
    (store / ".lock").symlink_to(target)
    code, _out, err = run("import", str(GOOD / "ho_201718.csv"), "--name", "fresh")
    assert code == 1, err
    assert "the lock file .lock in the data folder is a symbolic link" in err
    assert "nothing was changed" in err
    assert (store / ".lock").is_symlink()
    if dangling:
        assert not target.exists()
    else:
        assert target.read_text(encoding="utf-8") == OUTSIDE
    assert sorted(p.name for p in store.iterdir()) == [".lock"]
    (store / ".lock").unlink()  # once it is gone, the import goes ahead
    code, _out, err = run("import", str(GOOD / "ho_201718.csv"), "--name", "fresh")
    assert code == 0, err


def test_the_data_file_is_never_written_through_a_link(
    tmp_path: Path, existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data file's name is made at random; a link planted at that very name (here by fixing
    the random part) is not followed: the write stops, and the dataset stays as it was."""
    target = _outside(tmp_path)
    monkeypatch.setattr("tui.model.importing.store.secrets.token_hex", lambda _n: "0badf00d")
    (existing / f"kept.{os.getpid()}.0badf00d.parquet").symlink_to(target)
    before = snapshot(existing)
    code, _out, err = run("import", str(GOOD / "ho_201718.csv"), "--name", "kept", "--replace")
    assert code == 1, err
    assert target.read_text(encoding="utf-8") == OUTSIDE
    assert snapshot(existing) == before


@pytest.mark.parametrize("dangling", [False, True], ids=["to a file", "dangling"])
def test_a_manifest_link_is_never_replaced(tmp_path: Path, store: Path, dangling: bool) -> None:
    target = _outside(tmp_path)
    if dangling:
        target = target.with_name("made-by-the-manifest")
    store.mkdir(parents=True)
    (store / "linked.json").symlink_to(target)
    code, _out, err = run("import", str(GOOD / "ho_201718.csv"), "--name", "linked", "--replace")
    assert code == 1, err
    assert "linked.json in the data folder" in err and "is a symbolic link" in err
    assert (store / "linked.json").is_symlink()
    assert target.read_text(encoding="utf-8") == OUTSIDE if not dangling else not target.exists()
    assert sorted(p.name for p in store.iterdir()) == ["linked.json"]


@pytest.mark.derived_files
def test_caches_are_never_written_through_a_link(tmp_path: Path, existing: Path) -> None:
    """An import writes its file of the derived-data store: never through a link (the import
    drops the old file of its name, a link there included, before it writes the new one), and
    ``ox show`` writes nothing at all."""
    from tui.model.store.derived_store import user_file

    target = _outside(tmp_path)
    cache = user_file("fresh")
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.symlink_to(target)
    code, _out, err = run("import", str(_kent_201718(tmp_path)), "--name", "fresh")
    assert code == 0, err
    assert cache.is_file() and not cache.is_symlink()  # written anew, beside the link's target
    code, out, err = run("show", "kent", "-d", "fresh", "-f", "csv")
    assert code == 0 and "2017/18" in out, err
    assert target.read_text(encoding="utf-8") == OUTSIDE


def _kent_201718(tmp_path: Path) -> Path:
    """Kent's four quarters of 2017/18, code 86, in the Home Office layout (one force: the
    store's file of every answer is made in a moment; what it holds is not the point here)."""
    path = tmp_path / "kent.csv"
    lines = [
        "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,"
        "Offence Subgroup,Offence Code,Number of Offences",
        *(
            f"2017/18,{q},Kent,Obscene publications etc,Miscellaneous crimes,"
            f"Miscellaneous crimes,86,{n}"
            for q, n in enumerate((60, 61, 71, 77), start=1)
        ),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_settings_are_never_saved_through_a_link(tmp_path: Path) -> None:
    target = _outside(tmp_path)
    target.write_text("{}", encoding="utf-8")  # good settings: the save itself meets the link
    link = tmp_path / "settings.json"
    link.symlink_to(target)
    message = save_settings(Settings(), link)
    assert message is not None and "is a symbolic link, not a regular file; not replaced" in message
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "{}"


def _dead_pid() -> int:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(child.stdout)


def _killed_import(store: Path, tmp_path: Path) -> dict[str, Path]:
    """What an import killed mid-write leaves: its lock file, a 0-byte data file, a temporary
    manifest; and things of the same names that are not its files."""
    pid = _dead_pid()
    store.mkdir(parents=True, exist_ok=True)
    left = {
        "lock": store / ".lock",
        "data": store / f"fresh.{pid}.a1b2c3d4.parquet",
        "temp": store / f".fresh.{pid}.a1b2c3d4.json.tmp",
    }
    left["lock"].write_text(f"{pid}\n", encoding="utf-8")
    left["data"].write_bytes(b"")
    left["temp"].write_bytes(b"{")
    return left


def test_a_killed_import_is_tidied_when_ox_starts(tmp_path: Path, existing: Path) -> None:
    left = _killed_import(existing, tmp_path)
    pid = left["data"].name.split(".")[1]
    target = _outside(tmp_path)
    link = existing / f"other.{pid}.00000000.parquet"  # a link of a leftover's name: not ours
    link.symlink_to(target)
    folder = existing / f"other.{pid}.11111111.parquet"
    folder.mkdir()
    (existing / "broken.json").write_text("{", encoding="utf-8")  # may name its data: kept
    kept_data = existing / f"broken.{pid}.22222222.parquet"
    kept_data.write_bytes(b"PAR1")
    before = snapshot(existing)
    code, _out, err = run("datasets")
    assert code == 0, err
    for path in left.values():
        assert not path.exists(), path.name
    assert link.is_symlink() and folder.is_dir() and kept_data.exists()
    assert target.read_text(encoding="utf-8") == OUTSIDE
    assert {k: v for k, v in before.items() if k not in {p.name for p in left.values()}} == (
        snapshot(existing)
    )


def test_the_explorer_tidies_as_it_starts(
    tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.app
    from tui import launcher

    left = _killed_import(store, tmp_path)

    class _App:
        return_code = 0

        def run(self) -> None:
            pass

    monkeypatch.setattr(tui.app, "make_app", lambda **_kw: _App())
    assert launcher.main([]) == 0
    assert not any(path.exists() for path in left.values())


def test_a_running_import_is_never_tidied(tmp_path: Path, store: Path) -> None:
    """Its lock is held: nothing is removed, not even files of dead processes (it will)."""
    from tui.model.importing.leftovers import tidy_store
    from tui.model.importing.store_lock import store_lock

    left = _killed_import(store, tmp_path)
    left["lock"].unlink()
    with store_lock(store):
        assert tidy_store(store) == []
        assert left["data"].exists() and left["temp"].exists()
    assert sorted(p.name for p in tidy_store(store)) == sorted(
        p.name for k, p in left.items() if k != "lock"
    )


def test_the_cli_never_blocks_on_a_lock_fifo(tmp_path: Path, store: Path) -> None:
    store.mkdir(parents=True)
    os.mkfifo(store / ".lock")
    err = io.StringIO()
    code, _out, err_text = run("import", str(GOOD / "ho_201718.csv"), "--name", "fresh")
    assert code == 1
    assert "the lock file .lock in the data folder is a named pipe" in err_text + err.getvalue()
