"""The first ``ox show`` is answered from the dataset's answer book: the output of the full path,
for a force as the user types it, without Polars, and never from a book that does not match the
data, the code or itself (issue 11)."""

from __future__ import annotations

import dataclasses
import gzip
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tui.cli.main import main
from tui.model.data.catalogue import find_dataset
from tui.model.data.dataset import Dataset, load_dataset
from tui.model.figures import series as series_module
from tui.model.figures.totals import total_specs
from tui.model.store import derived_build, derived_store
from tui.model.store.derived_build import differences
from tui.model.store.derived_store import shipped_file

ROOT = Path(__file__).resolve().parents[2]
# Home Office PRC (23 Apr 2026 release, the default), Northamptonshire, code 86 (the release's
# source file; PROVENANCE.md's cross-check): 2016/17: 248; 2017/18: quarters 60 + 61 + 71 + 77 =
# 269; 2022/23: 738 (737 in the Oct 2023 release).
NORTHANTS_86 = ("248", "269", "738")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def computed(*argv: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    """The answer of the full path (not from the store)."""
    with monkeypatch.context() as m:
        m.setattr("tui.cli.quick_show.answer", lambda *_: None)
        return run(*argv)


def no_computing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> object:
        raise AssertionError("computed, not answered from the book")

    monkeypatch.setattr("tui.cli.lookups.load_dataset", fail)


BUNDLED = ("homeoffice", "homeoffice-2023-10", "nspcc", "scotland")


@pytest.mark.parametrize("name", BUNDLED)
def test_the_shipped_books_are_current(name: str) -> None:
    assert derived_store.is_current(find_dataset(name)), (
        f"data/{name}.answers.json.gz does not match the data, the reference files, "
        "SCHEMA_VERSION or Polars: rebuild it with 'make answers' "
        "(python scripts/build_data.py --answers-only)"
    )


def _sample(ds: Dataset) -> set[str]:
    """Three forces of ``ds`` (first, middle, last listed) and its first computed total."""
    totals = [spec.name for spec in total_specs(ds) if spec.members]
    return {ds.forces[0], ds.forces[len(ds.forces) // 2], ds.forces[-1], *totals[:1]}


@pytest.mark.parametrize("name", BUNDLED)
def test_a_sample_of_each_shipped_book_is_what_the_model_computes(name: str) -> None:
    """A shipped book is trusted on its key (the data, the reference files, the schema version,
    the Polars version), not on the bytes of ``tui/model``, so a comment edit needs no rebuild:
    its opening tables and a sample of its answers and details are computed again here and
    compared (every entry: ``make check-books``, run by CI)."""
    ds = load_dataset(name)
    assert differences(ds, shipped_file(ds.info), _sample(ds)) == [], (
        f"data/{name}.answers.json.gz is not what tui/model computes now: bump SCHEMA_VERSION "
        "(tui/model/store/derived_store.py) and run 'make answers'"
    )


def test_the_content_check_fails_when_a_figure_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A change to what the model computes (here: one count more) without a rebuild is found."""
    real = series_module.force_series

    def one_more(*args: Any) -> Any:
        series = real(*args)
        points = (dataclasses.replace(series.points[0], count=(series.points[0].count or 0) + 1),)
        return dataclasses.replace(series, points=points + series.points[1:])

    monkeypatch.setattr(derived_build, "force_series", one_more)
    ds = load_dataset("nspcc")
    found = differences(ds, shipped_file(ds.info), _sample(ds))
    assert found and all("answer" in line for line in found)


@pytest.mark.parametrize(
    "argv",
    [
        ("show", "northamptonshire"),
        ("show", "northants", "-f", "csv"),
        ("show", "northam", "-f", "json"),
        ("show", "E23000022", "-f", "markdown"),
        ("show", "Northamptonshire Police", "-o", "all"),
        ("show", "england & wales"),
        ("show", "met", "-o", "all offences"),
        ("show", "uk", "-d", "nspcc"),
        ("show", "northants", "-d", "nspcc", "-f", "json"),
    ],
)
def test_the_book_answers_as_the_full_path_does(
    argv: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = computed(*argv, monkeypatch=monkeypatch)
    assert expected[0] == 0
    no_computing(monkeypatch)
    assert run(*argv) == expected


def test_the_book_shows_the_source_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    no_computing(monkeypatch)
    code, out, _ = run("show", "northants", "-f", "csv")
    rows = {line.split(",")[1]: line for line in out.splitlines()[1:]}
    assert code == 0
    for year, count in zip(("2016/17", "2017/18", "2022/23"), NORTHANTS_86, strict=True):
        assert f",{count}," in rows[year]


@pytest.mark.parametrize(
    "argv",
    [
        ("show", "kentt"),  # a typo: the full path suggests Kent
        ("show", "york"),  # several forces
        ("show", "northants", "-o", "burglary"),  # an offence the book does not hold
        ("show", "northants", "--quarters"),
    ],
)
def test_what_the_book_does_not_hold_goes_the_full_path(
    argv: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: list[object] = []

    def spy(*args: Any) -> object:
        answers.append(derived_store.answer(*args))
        return answers[-1]

    monkeypatch.setattr("tui.cli.quick_show.answer", spy)
    code, _, err = run(*argv)
    assert all(a is None for a in answers) and (code == 0 or "ox: error" in err)


def test_a_damaged_book_is_no_book_and_ox_show_computes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file damaged (cut short, flipped bytes, not gzip, an entry edited: each checked in
    tests/unit/test_derived_store.py): ``ox show`` prints what the full path prints."""
    expected = computed("show", "northants", "-f", "csv", monkeypatch=monkeypatch)
    packed = shipped_file(find_dataset("homeoffice")).read_bytes()
    text = gzip.decompress(packed)
    flipped = bytearray(packed)
    for i in range(200, 260):
        flipped[i] ^= 0xFF
    variants = {
        "cut short": packed[: len(packed) // 20],  # (before the answer: an entry whole is used)
        "flipped bytes": bytes(flipped),
        "not gzip": text,
        "edited count": gzip.compress(text.replace(b'"count":269', b'"count":9999')),
    }
    for what, data in variants.items():
        path = tmp_path / f"{what}.json.gz"
        path.write_bytes(data)
        with monkeypatch.context() as m:  # the user's file and the shipped one alike
            m.setattr(derived_store, "shipped_file", lambda _info, p=path: p)
            m.setattr(derived_store, "user_file", lambda _name, p=path: p)
            assert derived_store.answer(find_dataset("homeoffice"), "northants", None) is None, what
            assert run("show", "northants", "-f", "csv") == expected, what


def test_a_computed_answer_writes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A query never writes to disk: ``ox show`` on the full path leaves the cache folder as it
    was (it kept every answer in an answer cache before)."""
    cache = Path(os.environ["OFFENCE_EXPLORER_CACHE_DIR"])
    assert computed("show", "kent", "-o", "8N", monkeypatch=monkeypatch)[0] == 0
    assert run("show", "kent", "-o", "8N")[0] == 0  # (not in the book: computed)
    assert not cache.exists() or not any(cache.rglob("*"))


HO_HEADER = (
    "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,"
    "Offence Subgroup,Offence Code,Number of Offences\n"
)


def _ho_csv(path: Path, counts: tuple[int, int, int, int]) -> Path:
    lines = [
        f"2017/18,{q},Northamptonshire,Obscene publications etc,Miscellaneous crimes,"
        f"Miscellaneous crimes,86,{n}\n"
        for q, n in enumerate(counts, start=1)
    ]
    path.write_text(HO_HEADER + "".join(lines), encoding="utf-8")
    return path


@pytest.mark.derived_files
def test_import_writes_a_book_and_replace_and_remove_invalidate_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        run("import", str(_ho_csv(tmp_path / "ho.csv", (60, 61, 71, 77))), "--name", "mine")[0] == 0
    )
    book = derived_store.user_file("mine")
    assert book.is_file()
    with monkeypatch.context() as m:
        no_computing(m)
        code, out, _ = run("show", "northants", "-d", "mine", "-f", "csv")
    assert code == 0 and ",269," in out  # 60 + 61 + 71 + 77
    stale = book.read_bytes()
    replacement = _ho_csv(tmp_path / "ho2.csv", (1, 2, 3, 4))
    assert run("import", str(replacement), "--name", "mine", "--replace")[0] == 0
    book.write_bytes(stale)  # as if writing the new book had failed: the old one is not used
    code, out, _ = run("show", "northants", "-d", "mine", "-f", "csv")
    assert code == 0 and ",10," in out and ",269," not in out
    assert run("datasets", "remove", "mine", "--yes")[0] == 0
    assert not book.exists()
    code, _, err = run("show", "northants", "-d", "mine")
    assert code == 2 and "mine" in err


def test_a_first_question_takes_no_polars(tmp_path: Path) -> None:
    script = (
        "import io, sys\n"
        "from tui.cli.main import main\n"
        "out = io.StringIO()\n"
        "assert main(['show', 'northants'], out=out) == 0\n"
        "print('polars' in sys.modules)\n"
        "print(out.getvalue())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OFFENCE_EXPLORER_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n", 1)[0] == "False"
    assert all(count in done.stdout for count in NORTHANTS_86)
    shutil.rmtree(tmp_path, ignore_errors=True)
