"""The first ``ox show`` is answered from the dataset's answer book: the output of the full path,
for a force as the user types it, without Polars, and never from a book that does not match the
data, the code or itself (issue 11)."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.model import answer_book
from tui.model.answer_book_build import write_book
from tui.model.catalogue import find_dataset
from tui.model.dataset import load_dataset

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
    """The answer of the full path (no book, no answer cache)."""
    with monkeypatch.context() as m:
        m.setattr("tui.cli.quick_show.book_answer", lambda *_: None)
        m.setattr("tui.cli.quick_show.load_answer", lambda *_: None)
        m.setattr("tui.cli.quick_show.save_answer", lambda *_: None)
        return run(*argv)


def no_computing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> object:
        raise AssertionError("computed, not answered from the book")

    monkeypatch.setattr("tui.cli.lookups.load_dataset", fail)


def test_the_shipped_books_are_current() -> None:
    for name in ("homeoffice", "nspcc"):
        assert answer_book.has_valid_book(find_dataset(name)), (
            f"data/{name}.answers.json.gz does not match the data, the reference files, "
            "SCHEMA_VERSION or Polars: rebuild it with 'make answers' "
            "(python scripts/build_data.py --answers-only)"
        )


@pytest.mark.parametrize("name", ["homeoffice", "nspcc"])
def test_every_shipped_answer_is_the_one_the_model_computes(name: str, tmp_path: Path) -> None:
    """A shipped book is trusted on its key (the data, the reference files, the schema version,
    the Polars version), not on the bytes of ``tui/model``, so a comment edit needs no rebuild:
    every answer in it is computed again here and compared."""
    info = find_dataset(name)
    shipped = answer_book._read(answer_book.shipped_book(info))
    assert shipped is not None
    assert write_book(load_dataset(name), tmp_path / "book.json.gz")
    fresh = answer_book._read(tmp_path / "book.json.gz")
    assert fresh is not None and fresh["answers"]
    for part in ("forces", "totals", "offences", "has_quarters", "answers"):
        assert shipped[part] == fresh[part], (
            f"data/{name}.answers.json.gz: its {part} are not what tui/model computes now: bump "
            "SCHEMA_VERSION (tui/model/opening_cache.py) and run 'make answers'"
        )


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

    def spy(*args: object) -> object:
        answers.append(answer_book.book_answer(*args))  # type: ignore[arg-type]
        return answers[-1]

    monkeypatch.setattr("tui.cli.quick_show.book_answer", spy)
    code, _, err = run(*argv)
    assert all(a is None for a in answers) and (code == 0 or "ox: error" in err)


def _damaged_copies(tmp_path: Path) -> dict[str, Path]:
    """Copies of the shipped book, each damaged one way."""
    text = gzip.decompress(answer_book.shipped_book(find_dataset("homeoffice")).read_bytes())
    head, body = text.split(b"\n", 1)
    header = json.loads(head)
    record = json.loads(body)
    northants = record["answers"]["86"]["Northamptonshire"]
    edited = json.loads(body)
    edited["answers"]["86"]["Northamptonshire"]["points"][5]["count"] = 9999
    moved = json.loads(body)
    moved["answers"]["86"]["Northamptonshire"] = record["answers"]["86"]["Kent"]
    typed = json.loads(body)
    typed["answers"]["86"]["Northamptonshire"]["points"] = "not points"
    wrong_sha = dict(header, sha256="0" * 64)

    def rehash(rec: dict[str, object]) -> bytes:
        new_body = json.dumps(rec, separators=(",", ":")).encode()
        new_head = dict(header, body_sha256=hashlib.sha256(new_body).hexdigest())
        return json.dumps(new_head).encode() + b"\n" + new_body

    variants = {
        "edited count": head + b"\n" + json.dumps(edited).encode(),
        "another force's series": rehash(moved),
        "wrong types": rehash(typed),
        "stale dataset hash": json.dumps(wrong_sha).encode() + b"\n" + body,
        "cut short": text[: len(text) // 2],
        "not gzip": text,
    }
    assert northants["force"]["name"] == "Northamptonshire"
    out: dict[str, Path] = {}
    for name, data in variants.items():
        path = tmp_path / f"{name}.json.gz"
        path.write_bytes(data if name == "not gzip" else gzip.compress(data))
        out[name] = path
    return out


def test_a_damaged_or_stale_book_never_shows_a_wrong_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = computed("show", "northants", "-f", "csv", monkeypatch=monkeypatch)
    for what, path in _damaged_copies(tmp_path).items():
        monkeypatch.setattr(answer_book, "shipped_book", lambda _info, p=path: p)
        assert answer_book.book_answer(find_dataset("homeoffice"), "northants", None) is None, what
        assert run("show", "northants", "-f", "csv") == expected, what
        cache = Path(os.environ["OFFENCE_EXPLORER_CACHE_DIR"]) / "show-answers.json"
        cache.unlink(missing_ok=True)  # the next variant is asked afresh


def test_a_cut_short_or_corrupt_book_file_is_no_book_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The gzip file itself damaged (a copy cut short, flipped bytes, a file that unpacks to far
    more than any book): ``ox show`` crashed with EOFError or zlib.error before."""
    expected = computed("show", "northants", "-f", "csv", monkeypatch=monkeypatch)
    packed = answer_book.shipped_book(find_dataset("homeoffice")).read_bytes()
    flipped = bytearray(packed)
    for i in range(200, 260):
        flipped[i] ^= 0xFF
    variants = {
        "cut short": packed[: len(packed) // 2],
        "flipped bytes": bytes(flipped),
        "unpacks too large": gzip.compress(b" " * (answer_book.MAX_UNPACKED + 1)),
    }
    for what, data in variants.items():
        path = tmp_path / f"{what}.json.gz"
        path.write_bytes(data)
        with monkeypatch.context() as m:  # the user's book and the shipped one alike
            m.setattr(answer_book, "shipped_book", lambda _info, p=path: p)
            m.setattr(answer_book, "user_book", lambda _name, p=path: p)
            info = find_dataset("homeoffice")
            assert answer_book.book_answer(info, "northants", None) is None, what
            assert not answer_book.has_valid_book(info), what
            assert run("show", "northants", "-f", "csv") == expected, what
        cache = Path(os.environ["OFFENCE_EXPLORER_CACHE_DIR"]) / "show-answers.json"
        cache.unlink(missing_ok=True)


def test_a_book_of_other_code_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answer_book, "code_fingerprint", lambda: "other code")
    assert answer_book.book_answer(find_dataset("homeoffice"), "northants", None) is None


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


def test_import_writes_a_book_and_replace_and_remove_invalidate_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        run("import", str(_ho_csv(tmp_path / "ho.csv", (60, 61, 71, 77))), "--name", "mine")[0] == 0
    )
    book = answer_book.user_book("mine")
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
