"""The derived-data store: a stored table, answer or detail is shown only when its file was made
from exactly this data and code; anything stale, damaged, edited or too large is no answer, never
a wrong figure.

Home Office PRC (Oct 2023 release), Northamptonshire, code 86: 2016/17 = 248; 2017/18 quarters
60 + 61 + 71 + 77 = 269; 2022/23 = 737 (shared prc_pfa_tidy.csv)."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write_dataset
from tui.model.data.catalogue import DatasetInfo, find_dataset
from tui.model.data.dataset import load_dataset
from tui.model.figures.force_table import force_table
from tui.model.figures.selection import pick_offence
from tui.model.results.detail_types import ForceDetail
from tui.model.results.types import ForceTable
from tui.model.store import derived_build, derived_store
from tui.model.store.derived_store import entry

OCT23 = "homeoffice-2023-10"
SAMPLE = ("Northamptonshire", "Kent")
NORTHANTS = entry("answer", "86", "Northamptonshire")
DETAIL = entry("detail", "Northamptonshire")


@pytest.fixture(scope="module")
def built() -> tuple[dict[str, object], dict[str, object]]:
    """The key and the entries of the Oct 2023 release, for two forces (a sample: quick)."""
    ds = load_dataset(OCT23)
    return derived_store.current_key(ds.info), derived_build.entries(ds, SAMPLE)


@pytest.fixture(scope="module")
def packed(
    built: tuple[dict[str, object], dict[str, object]], tmp_path_factory: pytest.TempPathFactory
) -> bytes:
    """The bytes of the sample's file, as ``derived_build.write`` writes them (once: about 0.07 s
    of CPU each, mostly gzip)."""
    path = tmp_path_factory.mktemp("derived") / "store.json.gz"
    assert derived_build.write(path, *built)
    return path.read_bytes()


@pytest.fixture
def store(packed: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample's file, this test's own copy, the only one the store reads."""
    path = tmp_path / "store.json.gz"
    path.write_bytes(packed)
    monkeypatch.setattr(derived_store, "_candidates", lambda _info: [path])
    return path


def _counts(detail: ForceDetail) -> dict[str, int | None]:
    return {p.year.fy: p.count for p in detail.series.points}


def _shown(info: DatasetInfo | None = None) -> list[object]:
    """What the store answers for Northamptonshire: the opening table, the answer, the detail."""
    info = info or find_dataset(OCT23)
    return [
        derived_store.opening_table(OCT23, None, False),
        derived_store.answer(info, "northants", None),
        derived_store.stored_detail(OCT23, None, "Northamptonshire"),
    ]


def test_the_stored_figures_are_the_source_figures(store: Path) -> None:
    table, answer, stored = _shown()
    assert isinstance(table, ForceTable)
    assert isinstance(answer, derived_store.Answer)
    assert isinstance(stored, derived_store.StoredDetail)
    row = next(r for r in table.rows if r.force.name == "Northamptonshire")
    assert row.count_for(table.years, 2017) == 269
    assert stored.detail.series == answer.series
    assert stored.name == OCT23 and stored.has_sources is False
    counts = _counts(stored.detail)
    assert (counts["2016/17"], counts["2017/18"], counts["2022/23"]) == (248, 269, 737)
    assert derived_store.stored_detail(OCT23, None, "Essex") is None  # not in the sample


def test_a_question_the_file_does_not_hold_is_no_answer(store: Path) -> None:
    assert derived_store.opening_table(OCT23, "86", True) is not None  # with national bodies
    assert derived_store.opening_table(OCT23, "8N", False) is None  # another offence
    assert derived_store.stored_detail(OCT23, "8N", "Northamptonshire") is None
    assert derived_store.answer(find_dataset(OCT23), "northants", "burglary") is None
    assert derived_store.opening_table("nspcc", None, False) is None  # another dataset's key


def test_a_table_that_names_a_recording_change_round_trips() -> None:
    """Burglary 28E names its 2023/24 recording change (an ``Event``, imported on demand)."""
    ds = load_dataset("homeoffice")
    burglary = force_table(ds, pick_offence(ds, "28E"))
    assert burglary.recording_changes
    encoded = json.loads(json.dumps(derived_store.encode(burglary)))
    assert derived_store.decode(encoded) == burglary


def test_a_changed_dataset_file_is_never_shown(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / f"{OCT23}.parquet"
    shutil.copy(find_dataset(OCT23).path, data)
    info = dataclasses.replace(find_dataset(OCT23), path=data)
    monkeypatch.setattr(derived_store, "find_dataset", lambda _name: info)
    assert all(_shown(info))
    with data.open("ab") as handle:  # a rebuild or re-import changes the file (its checksum)
        handle.write(b"\0")
    assert _shown(info) == [None, None, None]


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.setattr(derived_store, "SCHEMA_VERSION", derived_store.SCHEMA_VERSION + 1),
        lambda m: m.setattr(derived_store, "_polars_version", lambda: "polars-0.0.dist-info"),
    ],
    ids=["schema-bumped", "other-polars"],
)
def test_another_schema_or_polars_is_never_shown(
    store: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[pytest.MonkeyPatch], None]
) -> None:
    assert all(_shown())
    change(monkeypatch)
    derived_store.code_key.cache_clear()
    try:
        assert _shown() == [None, None, None]
    finally:
        monkeypatch.undo()
        derived_store.code_key.cache_clear()


def _lines(path: Path) -> tuple[dict[str, object], list[bytes]]:
    head, *lines = gzip.decompress(path.read_bytes()).split(b"\n")[:-1]
    return json.loads(head), lines


def _rewrite(path: Path, header: dict[str, object], lines: list[bytes], rehash: bool) -> None:
    """Write the file back; with ``rehash``, each entry's SHA-256 made to fit (a hostile edit)."""
    if rehash:
        names = [name for name, _ in header["entries"]]  # type: ignore[attr-defined]
        header = dict(
            header, entries=[[n, hashlib.sha256(b).hexdigest()] for n, b in zip(names, lines)]
        )
    data = b"\n".join([json.dumps(header).encode(), *lines]) + b"\n"
    path.write_bytes(gzip.compress(data))


def _edit(path: Path, name: str, edit: Callable[[Any], object], rehash: bool) -> None:
    header, lines = _lines(path)
    index = [n for n, _ in header["entries"]].index(name)  # type: ignore[attr-defined]
    value = json.loads(lines[index])
    lines[index] = json.dumps(edit(value)).encode()
    _rewrite(path, header, lines, rehash)


def _set_count(value: Any) -> Any:
    (value.get("series") or value)["points"][5]["count"] = 9999
    return value


def _kent(path: Path, kind: str) -> Callable[[Any], object]:
    header, lines = _lines(path)
    names = [n for n, _ in header["entries"]]  # type: ignore[attr-defined]
    kent = json.loads(
        lines[names.index(entry(kind, *(["86"] if kind == "answer" else []), "Kent"))]
    )
    return lambda _value: kent


@pytest.mark.parametrize("name", [NORTHANTS, DETAIL])
def test_an_edited_or_moved_entry_is_never_shown(store: Path, name: str) -> None:
    kind = "answer" if name == NORTHANTS else "detail"
    original = store.read_bytes()
    cases = {
        "count edited": (_set_count, False),
        "Kent's figures under Northamptonshire": (_kent(store, kind), True),
        "wrong types": (
            lambda v: {**v, "points": "not points"} if "points" in v else {**v, "series": 1},
            True,
        ),
        "a type that is not stored": (lambda v: {**v, "__type__": "Path"}, True),
        "an unknown field": (lambda v: {**v, "nonsense": 1}, True),
        "deeply nested": (lambda _v: json.loads("[" * 50 + "]" * 50), True),
    }
    for what, (edit, rehash) in cases.items():
        store.write_bytes(original)
        _edit(store, name, edit, rehash)
        shown = _shown()
        assert shown[1 if kind == "answer" else 2] is None, what
    store.write_bytes(original)
    assert all(_shown())  # the intact file is shown again


def test_a_nested_bomb_is_no_answer(store: Path) -> None:
    header, lines = _lines(store)
    names = [n for n, _ in header["entries"]]  # type: ignore[attr-defined]
    lines[names.index(NORTHANTS)] = b"[" * 100_000 + b"]" * 100_000
    _rewrite(store, header, lines, rehash=True)
    assert _shown()[1] is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda packed: b"",
        lambda packed: b"not gzip at all",
        lambda packed: gzip.decompress(packed),  # not packed
        lambda packed: packed[: len(packed) // 2],  # cut short
        lambda packed: packed[:200] + bytes(b ^ 0xFF for b in packed[200:260]) + packed[260:],
        lambda packed: gzip.compress(b"{}\n"),
        lambda packed: gzip.compress(b"[1, 2]\n"),
    ],
    ids=["empty", "garbage", "not-gzip", "cut-short", "flipped-bytes", "no-key", "wrong-shape"],
)
def test_a_damaged_file_is_no_answer_not_a_crash(
    store: Path, damage: Callable[[bytes], bytes]
) -> None:
    store.write_bytes(damage(store.read_bytes()))
    assert _shown()[1:] == [None, None]  # (an opening table read before the damage is intact)
    assert not derived_store.is_current(find_dataset(OCT23))


def test_one_size_bound(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file larger than ``MAX_BYTES`` is not read, nor what lies beyond that much unpacked (a
    bomb that unpacks to gigabytes); nor is a larger file written."""
    assert all(_shown())
    original = store.read_bytes()
    unpacked = gzip.decompress(original)
    monkeypatch.setattr(derived_store, "MAX_BYTES", unpacked.index(b"\n") + 10)
    assert _shown() == [None, None, None]  # the header fits, the entries do not
    monkeypatch.setattr(derived_store, "MAX_BYTES", len(unpacked) + 1)
    assert all(_shown())
    monkeypatch.setattr(derived_store, "MAX_BYTES", len(unpacked) - 1)
    assert _shown()[0] is not None and _shown()[2] is None  # the last entries lie beyond
    assert not derived_store.is_current(find_dataset(OCT23))
    store.write_bytes(original)
    monkeypatch.setattr(derived_store, "MAX_BYTES", len(original) - 1)
    assert _shown() == [None, None, None]
    monkeypatch.setattr(derived_build, "MAX_BYTES", 1000)
    assert not derived_build.write(store.with_name("big.json.gz"), {}, {"x": "y" * 2000})
    assert not store.with_name("big.json.gz").exists()


def test_forget_removes_the_users_file_only(tmp_path: Path) -> None:
    path = derived_store.user_file("mine")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"x")
    derived_store.forget("mine")
    assert not path.exists()
    derived_store.forget("mine")  # nothing there: nothing to do


def test_a_query_never_writes(tmp_path: Path) -> None:
    """The views' queries write nothing to disk (the Forces table and a force's detail were kept
    in caches on every build before): the store is written ahead, by the loader."""
    from tui.model.session import Session

    cache = Path(os.environ["OFFENCE_EXPLORER_CACHE_DIR"])
    session = Session(load_dataset(OCT23))
    selection = session.default_selection()
    session.force_table(selection, False)
    session.force_detail(session.find_force("Northamptonshire"), selection, None)
    assert not cache.exists() or not any(cache.rglob("*"))


@pytest.mark.derived_files
def test_the_loader_writes_the_store_once_when_none_is_current(
    isolated_user_dirs: Path,
) -> None:
    """``keep`` (the loader's step) writes the user's file only when no current one exists: not
    for a bundled dataset whose shipped file is current; once for an imported one (a small one
    here: what the file holds is checked above and in tests/cli/test_answer_book.py)."""
    nspcc = load_dataset("nspcc")
    assert derived_build.keep(nspcc)  # the shipped file is current: nothing written
    assert not derived_store.user_file("nspcc").exists()
    kent = {"force": "Kent", "offence_code": "86", "offence": "Obscene publications etc"}
    write_dataset(
        isolated_user_dirs / "user-data" / "datasets",
        "mine",
        [{**kent, "year": 2016, "count": 248}, {**kent, "year": 2017, "count": 269}],
    )
    ds = load_dataset("mine")
    assert not derived_store.is_current(ds.info)
    assert derived_build.keep(ds)
    written = derived_store.user_file("mine")
    assert written.is_file() and derived_store.is_current(ds.info)
    before = written.stat().st_mtime_ns
    assert derived_build.keep(ds)
    assert written.stat().st_mtime_ns == before  # once per dataset
    answer = derived_store.answer(ds.info, "kent", None)
    assert answer is not None
    assert [p.count for p in answer.series.points] == [248, 269]
