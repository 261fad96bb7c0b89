"""The store never loses a dataset to a race, never deletes another dataset's data, and one bad
manifest (or a hostile one) never takes anything else down."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from tests.importing.conftest import GOOD, run, snapshot
from tests.importing.test_store import _dead_pid
from tui.model.data.catalogue import imported_datasets
from tui.model.data.dataset import load_dataset
from tui.model.importing import store as store_module
from tui.model.importing.api import import_file, remove_dataset
from tui.model.importing.problems import DatasetImportError

HO = GOOD / "ho_201718.csv"
TIMEOUT = 120


def ox(*argv: str, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    """``ox`` in a process of its own (a hang or an abort is then a failure, not a stuck suite)."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(os.environ),
        check=False,
    )


POLL = 0.02
"""Seconds between two looks at a file another process will create (waiting on that condition)."""


def wait_for(path: Path, proc: subprocess.Popen[str]) -> None:
    """Wait until ``path`` exists (or the process ended, which is a failure)."""
    deadline = time.monotonic() + TIMEOUT
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "timed out"
        time.sleep(POLL)


# One writer at a time ---------------------------------------------------------------------------

HOLD_AT_WRITE = """
import sys, time
POLL = 0.02
from pathlib import Path
from tui.model.importing import store
from tui.model.store import derived_build
from tui.cli.main import main
derived_build.write_file = lambda _ds, _path=None: False  # as in the tests' own process
real = store.write_parquet
def write(frame, path):
    real(frame, path)
    Path(sys.argv[1]).touch()          # writing: the other import starts now
    while not Path(sys.argv[2]).exists():  # wait for the other import's signal
        time.sleep(POLL)
store.write_parquet = write
raise SystemExit(main(["import", sys.argv[3], "--name", "twin"]))
"""


def test_two_imports_of_one_name_at_once_one_is_refused(store: Path, tmp_path: Path) -> None:
    """One import in a process of its own holds the lock while it writes; another, started then
    (here, in the tests' process), is refused naming that process."""
    writing, go = tmp_path / "writing", tmp_path / "go"
    first = subprocess.Popen(
        [sys.executable, "-c", HOLD_AT_WRITE, str(writing), str(go), str(HO)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    try:
        wait_for(writing, first)
        # The second import in this process: the lock it meets is the other process's.
        code, second_out, second_err = run("import", str(HO), "--name", "twin")
    finally:
        go.touch()
        out, err = first.communicate(timeout=TIMEOUT)
    assert code == 1, second_out
    assert "Imported" not in second_out
    assert second_err == (
        f"ox: error: another import is running (pid {first.pid}) in the data folder {store}; "
        "try again when it finishes\n"
    )
    assert first.returncode == 0, err
    assert "Imported 716 rows as dataset twin" in out
    manifest = json.loads((store / "twin.json").read_text(encoding="utf-8"))
    # Exactly the one dataset, whole: no stray data file, no lock left behind.
    assert sorted(p.name for p in store.iterdir()) == sorted(["twin.json", manifest["file"]])
    assert load_dataset("twin").figures.height == 716
    code, _out, again = run("import", str(HO), "--name", "twin")
    assert code == 2 and "a dataset called 'twin' already exists" in again


def test_the_name_is_checked_again_under_the_lock(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import that checked the name before another one committed it never overwrites it."""
    raced: list[DatasetImportError] = []
    real = store_module.write_parquet

    def write_while_another_starts(frame: pl.DataFrame, path: Path) -> None:
        real(frame, path)
        if not raced:
            with pytest.raises(DatasetImportError) as caught:
                import_file(HO, name="twin")
            raced.append(caught.value)

    monkeypatch.setattr(store_module, "write_parquet", write_while_another_starts)
    first = import_file(GOOD / "nspcc_slice.csv", name="twin")
    assert raced[0].kind == "store"
    assert str(raced[0]) == (
        f"another import is running (pid {os.getpid()}) in the data folder {store}; "
        "try again when it finishes"
    )
    assert sorted(p.name for p in store.iterdir()) == sorted(["twin.json", Path(first.path).name])
    twin = load_dataset("twin")
    assert twin.figures.height + twin.alternates.height == first.rows == 58


def test_a_lock_left_by_a_dead_process_blocks_nothing(existing: Path) -> None:
    (existing / ".lock").write_text(f"{_dead_pid()}\n", encoding="utf-8")
    assert import_file(HO, name="after").rows == 716
    assert remove_dataset("after").name == "after"
    assert not (existing / ".lock").exists()


def test_a_removal_while_an_import_writes_is_refused(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store_module.write_parquet
    refused: list[str] = []

    def write(frame: pl.DataFrame, path: Path) -> None:
        real(frame, path)
        with pytest.raises(DatasetImportError) as caught:
            remove_dataset("kept")
        refused.append(str(caught.value))

    monkeypatch.setattr(store_module, "write_parquet", write)
    import_file(HO, name="new")
    assert refused and refused[0].startswith("another import is running")
    assert load_dataset("kept").figures.get_column("count").to_list() == [5, 7]


# Never another dataset's data -------------------------------------------------------------------


def _claim(store: Path, name: str, file: str) -> None:
    """A hand-edited manifest whose "file" is not its own."""
    manifest = {"name": name, "file": file, "title": f"claims {file}"}
    (store / f"{name}.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_remove_never_deletes_the_data_of_another_dataset(existing: Path) -> None:
    _claim(existing, "thief", "kept.parquet")
    code, out, err = run("datasets", "remove", "thief", "--yes")
    assert code == 0, err
    assert out == "Removed dataset thief (thief.json)\n"
    assert (existing / "kept.parquet").exists()
    assert load_dataset("kept").figures.get_column("count").to_list() == [5, 7]


def test_replace_never_deletes_the_data_of_another_dataset(existing: Path) -> None:
    _claim(existing, "thief", "kept.parquet")
    import_file(HO, name="thief", replace=True)
    assert load_dataset("kept").figures.get_column("count").to_list() == [5, 7]
    assert load_dataset("thief").figures.height == 716


@pytest.mark.parametrize("file", ["../outside.parquet", "/tmp/outside.parquet", "sub/x.parquet"])
def test_a_manifest_naming_a_file_outside_the_store_is_damaged(existing: Path, file: str) -> None:
    outside = existing.parent / "outside.parquet"
    outside.write_bytes((existing / "kept.parquet").read_bytes())
    _claim(existing, "away", file)
    infos, problems = imported_datasets()
    assert [i.name for i in infos] == ["kept"]
    assert [(p.path.name, p.reason) for p in problems] == [
        (
            "away.json",
            f'its "file" ({file!r}) is not the name of a .parquet file in the data folder',
        )
    ]
    code, _out, err = run("datasets", "remove", "away", "--yes")
    assert code == 0, err
    assert outside.exists() and not (existing / "away.json").exists()


# Names: a full match ----------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["evil\n", "evil\r\n", "ok\x00", "a\nb"])
def test_a_name_with_a_trailing_newline_is_refused(bad: str, existing: Path) -> None:
    before = snapshot(existing)
    code, out, err = run("import", str(HO), "--name", bad)
    assert code == 2 and out == ""
    assert err.startswith(
        f"ox: error: {safe(repr(bad))} is not a valid dataset name; use lowercase"
    )
    assert snapshot(existing) == before


def safe(text: str) -> str:
    from tui.formatting import safe_text

    return safe_text(text)


# One bad manifest never takes anything else down ------------------------------------------------

DEEP = "[" * 200_000 + "]" * 200_000


def _hostile_manifest(store: Path, kind: str, name: str = "bad") -> Path:
    path = store / f"{name}.json"
    if kind == "deep":
        path.write_text(DEEP, encoding="utf-8")
    elif kind == "deep-object":
        path.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    elif kind == "urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "huge":
        path.write_text('{"title": "' + "x" * (2 << 20) + '"}', encoding="utf-8")
    return path


HOSTILE_KINDS = ("deep", "deep-object", "fifo", "zero", "urandom", "huge")


def test_hostile_manifests_are_listed_as_damaged_and_removable(existing: Path) -> None:
    """Six hostile manifests side by side (one of each kind, named for it): none takes anything
    else down, each is named as damaged, refused and removable (each check names its kind)."""
    paths = {
        kind: _hostile_manifest(existing, kind, "bad-" + kind.replace("-", ""))
        for kind in HOSTILE_KINDS
    }
    # In a process of its own first: on a FIFO or /dev/urandom a regression hangs, not the suite.
    shown = ox("show", "kent", "--format", "csv")  # the bundled data, untouched by the store
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("force,year,count,")
    code, out, err = run("show", "kent", "-d", "kept", "--format", "csv")
    assert code == 0, err
    assert "Kent,2017/18,5," in out
    code, out, err = run("datasets")
    assert code == 0, err
    for kind, path in paths.items():
        assert f"ox: warning: dataset {path.stem!r} is damaged and skipped ({path}: " in err, kind
    for kind, path in paths.items():
        code, out, err = run("show", "kent", "-d", path.stem)
        assert code == 1 and f"the manifest of the imported dataset {path.stem!r}" in err, kind
        code, out, err = run("datasets", "remove", path.stem, "--yes")
        assert code == 0, (kind, err)
        assert not os.path.lexists(path), kind
    assert load_dataset("kept").figures.get_column("count").to_list() == [5, 7]


def test_hostile_manifest_reasons(existing: Path) -> None:
    reasons = {}
    for kind in ("deep", "fifo", "zero"):
        path = _hostile_manifest(existing, kind)
        reasons[kind] = imported_datasets()[1][0].reason
        path.unlink()
    assert reasons == {
        "deep": "not valid JSON: nested too deeply to read",
        "fifo": "not a regular file (a named pipe); refusing to read it",
        "zero": "not a regular file (a character device); refusing to read it",
    }


# A read-only store names the permission problem ------------------------------------------------


def test_a_read_only_store_names_the_permission_problem_and_the_folder(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Polars raises PermissionError without an errno: it was reported as "check the folder"."""

    def refuse(self: pl.DataFrame, path: Path, **_kwargs: object) -> None:
        raise PermissionError(f"Permission denied (os error 13): {path}")

    monkeypatch.setattr(pl.DataFrame, "write_parquet", refuse)
    code, _out, err = run("import", str(HO), "--name", "new")
    assert code == 1
    assert err.startswith(
        f"ox: error: cannot write to the data folder {existing} (Permission denied (os error 13): "
    )
    assert "check the folder's permissions" in err
    assert "check the folder and try again" not in err


def test_a_full_disk_reported_by_polars_says_so(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: pl.DataFrame, path: Path, **_kwargs: object) -> None:
        raise pl.exceptions.ComputeError(f"No space left on device (os error {errno.ENOSPC})")

    monkeypatch.setattr(pl.DataFrame, "write_parquet", full)
    before = snapshot(existing)
    code, _out, err = run("import", str(HO), "--name", "new")
    assert code == 1
    assert err.startswith(f"ox: error: not enough disk space to write the dataset in {existing}")
    assert snapshot(existing) == before


ODD_DATA_FILES = {"oddfifo": "a named pipe", "oddzero": "a character device"}
"""Datasets whose data file is a FIFO and a link to /dev/zero, and what each is called."""


def test_a_data_file_that_is_not_a_regular_file_is_never_read(existing: Path) -> None:
    """A FIFO as the data file blocked 'ox datasets' (which opens every dataset) forever. A FIFO
    and a link to /dev/zero side by side in one store: one ``ox datasets`` in a process of its own
    lists both (a hang is a failure, not a stuck suite); each is then refused and removed."""
    for name in ODD_DATA_FILES:
        data = existing / f"{name}.parquet"
        if name == "oddfifo":
            os.mkfifo(data)
        else:
            data.symlink_to("/dev/zero")
        _claim(existing, name, data.name)
    listed = ox("datasets", timeout=60)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    for name in ODD_DATA_FILES:
        assert any(name in line and "unreadable: data file" in line for line in lines), (
            name,
            listed.stdout,
        )
    assert "kept" in listed.stdout
    for name, what in ODD_DATA_FILES.items():
        data = existing / f"{name}.parquet"
        code, _out, err = run("show", "kent", "-d", name)
        assert code == 1, name
        assert err == f"ox: error: data file {data} is not a regular file ({what}); not read\n"
        code, _out, err = run("datasets", "remove", name, "--yes")
        assert code == 0, err
        assert not os.path.lexists(data), name
    assert os.path.exists("/dev/zero")


@pytest.mark.parametrize("sources", ["/etc/passwd", "../x.csv", "x.parquet"])
def test_a_manifest_naming_sources_outside_the_store_is_damaged(
    existing: Path, sources: str
) -> None:
    manifest = json.loads((existing / "kept.json").read_text(encoding="utf-8"))
    manifest["sources_file"] = sources
    (existing / "kept.json").write_text(json.dumps(manifest), encoding="utf-8")
    _infos, problems = imported_datasets()
    assert [p.reason for p in problems] == [
        f'its "sources_file" ({sources!r}) is not a file in the folder'
    ]
