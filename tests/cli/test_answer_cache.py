"""``ox show`` asked again is answered from the answer cache: the same output, without Polars, and
never from data or code that changed (issue 11)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_dataset
from tui.cli.main import main
from tui.model import answer_cache

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_answer_book(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about questions asked again: the first is computed (not read from the
    dataset's answer book, see test_answer_book.py)."""
    monkeypatch.setattr("tui.cli.quick_show.book_answer", lambda *_: None)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _entries() -> int:
    path = answer_cache.cache_file()
    if not path.is_file():
        return 0
    return len(json.loads(path.read_text(encoding="utf-8"))["entries"])


def _cached_answer_is_used(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the computing path fail loudly, so a test knows which path answered."""
    used: list[str] = []

    def fail(*_: object, **__: object) -> object:
        used.append("computed")
        raise AssertionError("computed, not cached")

    monkeypatch.setattr("tui.cli.lookups.load_dataset", fail)
    return used


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_asked_again_the_answer_is_the_same_and_not_computed(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run("show", "northamptonshire", "-f", fmt)
    assert first[0] == 0 and _entries() == 1
    _cached_answer_is_used(monkeypatch)
    assert run("show", "northamptonshire", "-f", fmt) == first
    # Home Office PRC (Oct 2023 release), Northamptonshire, code 86, 2017/18: quarters
    # 60 + 61 + 71 + 77 = 269 (shared prc_pfa_tidy.csv); 2016/17: 248.
    assert "269" in first[1] and "248" in first[1]


def test_another_offence_or_force_is_not_answered_from_the_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run("show", "northamptonshire")
    used = _cached_answer_is_used(monkeypatch)
    for argv in (("show", "northamptonshire", "-o", "all"), ("show", "kent")):
        with pytest.raises(AssertionError):
            run(*argv)
    assert used == ["computed", "computed"]


def test_a_changed_dataset_file_is_never_answered_from_the_cache(store: Path) -> None:
    write_dataset(
        store,
        "mine",
        [{"year": 2017, "force": "Kent", "offence_code": "86", "offence": "Obscene", "count": 5}],
    )
    assert "5" in run("show", "kent", "-d", "mine", "-o", "86")[1]
    write_dataset(
        store,
        "mine",
        [
            {
                "year": 2017,
                "force": "Kent",
                "offence_code": "86",
                "offence": "Obscene",
                "count": 7777,
            }
        ],
    )
    code, out, _ = run("show", "kent", "-d", "mine", "-o", "86")
    assert code == 0 and "7,777" in out


def test_a_damaged_cache_is_not_used() -> None:
    first = run("show", "northamptonshire")
    path = answer_cache.cache_file()
    record = json.loads(path.read_text(encoding="utf-8"))
    record["entries"][0]["series"]["points"][0]["count"] = "not a count"
    path.write_text(json.dumps(record)[:-40], encoding="utf-8")  # and cut short
    assert run("show", "northamptonshire") == first


@pytest.mark.parametrize("count", [99999, "not a count", None])
def test_an_edited_answer_that_still_parses_is_not_used(count: object) -> None:
    """A count changed in the cache file (by hand, or a damaged byte) was printed as if computed
    (99999), or crashed ``ox show`` (a count that is text)."""
    first = run("show", "northamptonshire", "-f", "csv")
    assert first[0] == 0 and ",269," in first[1]  # 2017/18: 60 + 61 + 71 + 77
    path = answer_cache.cache_file()
    record = json.loads(path.read_text(encoding="utf-8"))
    points = record["entries"][0]["series"]["points"]
    assert [p["count"] for p in points if p["year"]["year"] == 2017] == [269]
    for p in points:
        if p["year"]["year"] == 2017:
            p["count"] = count
    path.write_text(json.dumps(record), encoding="utf-8")
    assert run("show", "northamptonshire", "-f", "csv") == first


def test_a_cached_answer_takes_no_polars(tmp_path: Path) -> None:
    script = (
        "import io, sys\n"
        "from tui.cli.main import main\n"
        "out = io.StringIO()\n"
        # An offence the answer book does not hold: the first answer is computed.
        "assert main(['show', 'northamptonshire', '-o', '28E'], out=out) == 0\n"
        "print('polars' in sys.modules)\n"
        "print(out.getvalue())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OFFENCE_EXPLORER_CACHE_DIR": str(tmp_path)}
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
        )
        for _ in range(2)
    ]
    assert all(o.returncode == 0 for o in outputs), outputs[0].stderr + outputs[1].stderr
    first, second = (o.stdout.split("\n", 1) for o in outputs)
    assert first[0] == "True" and second[0] == "False"
    assert first[1] == second[1] and "28E" in second[1]
