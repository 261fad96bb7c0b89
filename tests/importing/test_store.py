"""The imported-datasets folder: names, replace, remove, atomic writes (never half a dataset)."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from tests.importing.conftest import BROKEN, GOOD, snapshot
from tui.model.data.catalogue import imported_datasets, list_datasets
from tui.model.data.dataset import load_dataset
from tui.model.data.errors import UnknownDatasetError
from tui.model.importing import store as store_module
from tui.model.importing.api import default_name, import_file, remove_dataset
from tui.model.importing.problems import DatasetImportError

HO = GOOD / "ho_201718.csv"


def test_manifest_has_every_key(store: Path) -> None:
    import_file(HO, name="ho")
    manifest = json.loads((store / "ho.json").read_text(encoding="utf-8"))
    assert {
        "name",
        "file",
        "title",
        "measure",
        "source",
        "source_url",
        "licence",
        "release",
        "default_offence",
        "notes",
        "imported_at",
        "source_file",
        "checksum",
        "rows",
        "years",
        "forces",
        "layout",
    } <= manifest.keys()
    assert re.fullmatch(r"ho\.\d+\.[0-9a-f]{8}\.parquet", manifest["file"])
    assert manifest["default_offence"] == "86"
    assert manifest["source_file"] == str(HO.resolve())
    import hashlib

    assert manifest["checksum"] == "sha256:" + hashlib.sha256(HO.read_bytes()).hexdigest()
    assert manifest["rows"] == pl.read_parquet(store / manifest["file"]).height
    assert manifest["years"] == ["2017/18"] and manifest["forces"] == 47
    assert manifest["layout"] == "homeoffice"
    info = next(i for i in list_datasets() if i.name == "ho")
    assert not info.bundled and info.years == ("2017/18",) and info.checksum == manifest["checksum"]


def test_default_offence_is_all_without_code_86(store: Path) -> None:
    import_file(GOOD / "nspcc_slice.csv", name="n")
    assert json.loads((store / "n.json").read_text(encoding="utf-8"))["default_offence"] == "all"


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("ho_201718.csv", "ho_201718"),
        ("PRC tables (2023).ods", "prc-tables-2023"),
        ("homeoffice.csv", "homeoffice-imported"),
        ("---.csv", "imported"),
        ("Données 2017.xlsx", "donn-es-2017"),
    ],
)
def test_default_name(path: str, name: str) -> None:
    assert default_name(path) == name


@pytest.mark.parametrize(
    "bad", ["Bad Name", "homeoffice", "nspcc", "../escape", "a" * 65, "", "-x", "UPPER"]
)
def test_names_are_checked_before_anything_is_read(bad: str, existing: Path) -> None:
    before = snapshot(existing)
    with pytest.raises(DatasetImportError) as caught:
        import_file(HO, name=bad)
    assert caught.value.kind == "name"
    assert snapshot(existing) == before


def test_valid_names(store: Path) -> None:
    for name in ("a", "my-data_2", "x" * 64):
        assert import_file(HO, name=name).name == name


def test_reimport_fails_without_replace_and_replaces_with_it(store: Path) -> None:
    import_file(GOOD / "ho_latin1_semicolon.csv", name="data")
    before = snapshot(store)
    with pytest.raises(DatasetImportError) as caught:
        import_file(HO, name="data")
    assert caught.value.kind == "name"
    assert str(caught.value) == (
        "a dataset called 'data' already exists; choose another name with --name, "
        "or replace it with --replace"
    )
    assert snapshot(store) == before
    result = import_file(HO, name="data", replace=True)
    assert result.replaced
    assert load_dataset("data").coverage[0].label == "2017/18"
    assert sorted(p.name for p in store.iterdir()) == sorted(["data.json", Path(result.path).name])


def test_remove_deletes_both_files(existing: Path) -> None:
    import_file(HO, name="gone")
    removed = remove_dataset("gone")
    names = [Path(f).name for f in removed.files]
    assert names[0] == "gone.json" and names[1].startswith("gone.")  # manifest first
    assert sorted(p.name for p in existing.iterdir()) == ["kept.json", "kept.parquet"]
    with pytest.raises(UnknownDatasetError, match="no imported dataset called 'gone'.*kept"):
        remove_dataset("gone")
    with pytest.raises(DatasetImportError, match="'homeoffice' is a bundled dataset"):
        remove_dataset("homeoffice")


def test_remove_unlists_first_even_if_the_data_file_cannot_go(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_file(HO, name="stuck")
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.name.startswith("stuck.") and self.suffix == ".parquet":
            raise PermissionError(errno.EACCES, "Permission denied")
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(DatasetImportError, match="removed from the list but its data file"):
        remove_dataset("stuck")
    assert "stuck" not in {i.name for i in imported_datasets()[0]}


# Atomic writes ----------------------------------------------------------------------------------


def full_disk(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_while_writing_the_data(existing: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(existing)
    monkeypatch.setattr(pl.DataFrame, "write_parquet", full_disk)
    with pytest.raises(DatasetImportError) as caught:
        import_file(HO, name="new")
    assert caught.value.kind == "store"
    assert "not enough disk space" in str(caught.value) and "nothing was changed" in str(
        caught.value
    )
    assert snapshot(existing) == before  # no temporary file left either


def test_full_disk_when_replacing_keeps_the_old_dataset(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(existing)
    monkeypatch.setattr(store_module, "write_parquet", full_disk)
    with pytest.raises(DatasetImportError):
        import_file(HO, name="kept", replace=True)
    assert snapshot(existing) == before
    assert load_dataset("kept").figures.get_column("count").to_list() == [5, 7]


@pytest.mark.parametrize("replace", [False, True])
def test_failure_between_the_two_renames_rolls_back(
    replace: bool, existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data file is in place but the manifest cannot be: the folder ends as it began."""
    before = snapshot(existing)
    real_replace = os.replace

    def replace_but_not_manifests(src: str | Path, dst: str | Path) -> None:
        if str(dst).endswith(".json"):
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_but_not_manifests)
    with pytest.raises(DatasetImportError) as caught:
        import_file(HO, name="kept" if replace else "fresh", replace=replace)
    assert caught.value.kind == "store"
    monkeypatch.setattr(os, "replace", real_replace)
    assert snapshot(existing) == before
    assert load_dataset("kept").figures.get_column("count").to_list() == [5, 7]


def _really_read_only(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return True
    probe.unlink()
    return False


def test_read_only_data_folder(existing: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(existing)
    existing.chmod(0o555)
    try:
        if not _really_read_only(existing):
            # Running as root: permissions do not stop writes, so refuse them the way a read-only
            # mount would, at every call that creates or renames a file in the folder.
            def refuse(*args: object, **_kwargs: object) -> None:
                raise OSError(errno.EROFS, "Read-only file system")

            real_open = os.open

            def open_(path: str | Path, flags: int, *args: object, **kwargs: object) -> int:
                if flags & os.O_CREAT and Path(path).parent == existing:
                    refuse()
                return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

            monkeypatch.setattr(pl.DataFrame, "write_parquet", refuse)
            monkeypatch.setattr(os, "open", open_)
            monkeypatch.setattr(os, "replace", refuse)
            monkeypatch.setattr(os, "link", refuse)
            monkeypatch.setattr(Path, "unlink", refuse)
        with pytest.raises(DatasetImportError) as caught:
            import_file(HO, name="new")
        assert caught.value.kind == "store"
        assert f"cannot write to the data folder {existing}" in str(caught.value)
        with pytest.raises(DatasetImportError) as caught:
            import_file(HO, name="kept", replace=True)
        assert caught.value.kind == "store"
        with pytest.raises(DatasetImportError):
            remove_dataset("kept")
    finally:
        existing.chmod(0o755)
    assert snapshot(existing) == before


def test_cli_exit_status_for_a_folder_that_cannot_be_written(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.importing.conftest import run

    monkeypatch.setattr(pl.DataFrame, "write_parquet", full_disk)
    code, _out, err = run("import", str(HO), "--name", "new")
    assert code == 1
    assert "ox: error: not enough disk space to write the dataset in" in err


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def test_leftover_temporary_files_are_ignored_then_cleaned(existing: Path) -> None:
    dead = _dead_pid()
    leftovers = [
        existing / f".crashed.{dead}.0a1b2c3d.parquet.tmp",
        existing / f".crashed.{dead}.0a1b2c3d.json.tmp",
        existing / f".kept.{dead}.0a1b2c3d.bak.tmp",
    ]
    (existing / f".crashed.{dead}.0a1b2c3d.json.tmp").write_text(
        '{"name": "crashed"}', encoding="utf-8"
    )
    leftovers[0].write_bytes(b"PAR1 half a file")
    leftovers[2].write_bytes(b"old data")
    running = existing / f".busy.{os.getpid()}.0a1b2c3d.parquet.tmp"  # an import still writing
    running.write_bytes(b"")
    assert [i.name for i in imported_datasets()[0]] == ["kept"]
    assert [p.reason for p in imported_datasets()[1]] == []
    import_file(HO, name="next")
    assert not any(p.exists() for p in leftovers)
    assert running.exists()
    assert sorted(i.name for i in imported_datasets()[0]) == ["kept", "next"]


def test_broken_file_with_replace_leaves_the_old_dataset(existing: Path) -> None:
    before = snapshot(existing)
    with pytest.raises(DatasetImportError):
        import_file(BROKEN / "text_in_count.csv", name="kept", replace=True)
    assert snapshot(existing) == before


KILL_AT_COMMIT = """
import os, sys
print(os.getpid(), flush=True)
from pathlib import Path
from tui.model.importing.api import import_file
real_replace = os.replace
def replace(src, dst):
    if str(dst).endswith("kept.json"):
        os._exit(9)  # killed at the worst moment: the new data is written, the manifest not yet
    real_replace(src, dst)
os.replace = replace
import_file(Path(sys.argv[1]), name="kept", replace=True)
"""


def test_a_kill_just_before_the_commit_leaves_the_old_dataset_whole(existing: Path) -> None:
    """The old manifest must still describe the old data, then the orphan goes next time."""
    before = snapshot(existing)
    env = dict(os.environ)  # the test's user folders (set by the autouse fixture)
    done = subprocess.run(
        [sys.executable, "-c", KILL_AT_COMMIT, str(HO)],
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 9
    orphans = sorted(set(snapshot(existing)) - set(before) - {".lock"})
    assert len(orphans) == 2  # the new data, named by nobody, and the manifest not yet in place
    # Its lock file stays, naming the dead process; the OS lock itself died with it.
    assert (existing / ".lock").read_text() == f"{done_pid(done)}\n"
    assert orphans[0].startswith(".kept.") and orphans[0].endswith(".json.tmp")
    assert orphans[1].startswith("kept.") and orphans[1].endswith(".parquet")
    assert {k: v for k, v in snapshot(existing).items() if k in before} == before
    assert load_dataset("kept").figures.get_column("count").to_list() == [5, 7]
    import_file(GOOD / "nspcc_slice.csv", name="other")  # never blocked by the dead one's lock
    assert not any((existing / orphan).exists() for orphan in orphans + [".lock"])
    assert load_dataset("kept").figures.get_column("count").to_list() == [5, 7]


def done_pid(done: subprocess.CompletedProcess[str]) -> int:
    """The process id a KILL_AT_COMMIT run printed first."""
    return int(done.stdout.split()[0])
