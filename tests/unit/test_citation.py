"""Citations (tui.model.findings.citation and ``ox cite``): the real source and licence of each
dataset."""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path

import pytest

from tests.conftest import write_dataset
from tui.cli.main import main
from tui.model.data.catalogue import bundled_datasets, find_dataset
from tui.model.findings.citation import cite, to_bibtex, to_json, to_text
from tui.model.importing.api import import_file

ROOT = Path(__file__).resolve().parents[2]
DATA_README = " ".join((ROOT / "data" / "README.md").read_text(encoding="utf-8").split())
FIXTURE_201718 = ROOT / "tests" / "fixtures" / "import" / "ho_201718.csv"
OGL = "Contains public sector information licensed under the Open Government Licence v3.0."


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        code = main(list(argv), out=out, err=err)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("dataset", "release", "file", "said", "repository", "commit"),
    [
        (
            "homeoffice",
            "2026-04-23",
            "prc-pfa-mar2013-onwards-tables-230426.ods",
            "one release (23 Apr 2026)",
            "robertmaszkiewski/uk-crime-analysis",
            "486c31f7194618daece6780d090a346333bd99eb",
        ),
        (
            "homeoffice-2023-10",
            "2023-10-19",
            "prc-pfa-mar2013-onwards-tables-191023.ods",
            "one release (19 Oct 2023)",
            "sxl634/posit-cloud-test",
            "26dec49f5e1cef58c5b76a5ba9f72a94eb125ad8",
        ),
    ],
)
def test_homeoffice_citation_names_the_source_route_and_licence_of_data_readme(
    dataset: str, release: str, file: str, said: str, repository: str, commit: str
) -> None:
    c = cite(find_dataset(dataset), "code 86: Obscene publications etc", years=["2017/18"])
    # data/README.md: "the Home Office *Police recorded crime open data Police Force Area tables*,
    # `<file>`, **one release (<date>)**", read from a third-party copy (repository and commit
    # as in shared homeoffice-prc/PROVENANCE.md), the OGL v3.0 sentence, its licence URL and the
    # source URL.
    assert (c.publisher, c.title) == (
        "Home Office",
        "Police recorded crime open data Police Force Area tables",
    )
    assert f"the {c.publisher} *{c.title}*" in DATA_README
    assert c.source_file == file and c.release == release
    assert c.source_file in DATA_README and said in DATA_README
    assert repository in c.route and commit in c.route and "third-party copy" in c.route
    assert repository in DATA_README and commit in DATA_README
    assert c.url in DATA_README and c.licence_url in DATA_README
    assert c.attribution == OGL
    assert OGL.rstrip(".") in re.sub(r"\[([^]]+)\]\([^)]+\)", r"\1", DATA_README)  # link text
    text = to_text(c)
    assert text.startswith(
        f"Home Office ({release}). Police recorded crime open data Police Force Area tables "
        f"[{file}]. "
        "https://www.gov.uk/government/statistics/police-recorded-crime-open-data-tables\n"
    )
    assert "Selection: code 86: Obscene publications etc; forces: all forces shown; " in text
    assert f"Route: {c.route}." in text
    assert "data built 2026-12-07" in text and OGL in text
    bib = to_bibtex(c)
    assert "figures read from a third-party copy of the file" in bib  # howpublished
    assert "Route: Read from a third-party copy" in bib and commit in bib  # note


def test_nspcc_citation_states_no_open_licence_and_points_to_each_figures_page() -> None:
    c = cite(find_dataset("nspcc"), "all", forces=["Kent"])
    assert c.publisher == "NSPCC" and c.release == "2016-09 to 2025-02"
    assert "(releases 2016-09 to 2025-02)" in DATA_README
    assert c.title.lower() in DATA_README.lower()
    assert (
        c.licence
        == "Figures quoted from public NSPCC releases and press coverage, each with its source"
    )
    assert c.attribution == "" and "Open Government" not in to_text(c)
    assert any("source_url" in n for n in c.notes)


def test_import_citation_has_file_checksum_and_import_date_from_the_manifest(store: Path) -> None:
    import_file(FIXTURE_201718, name="earlier")
    manifest = json.loads((store / "earlier.json").read_text(encoding="utf-8"))
    c = cite(find_dataset("earlier"), "code 86", catalogue=bundled_datasets())
    digest = hashlib.sha256(FIXTURE_201718.read_bytes()).hexdigest()
    assert c.checksum == f"sha256:{digest}"
    assert c.source_file == "ho_201718.csv"
    assert c.data_date == manifest["imported_at"] and c.data_date_kind == "imported"
    # The Home Office layout: credited to the Home Office tables, with a note to check.
    assert c.publisher == "Home Office" and c.attribution == OGL
    assert any("check them against the file" in n for n in c.notes)
    text = to_text(c)
    assert "(release date not recorded)" in text
    assert f"from ho_201718.csv, sha256:{digest}" in text


def test_bibtex_escapes_special_characters_and_json_has_every_field() -> None:
    c = cite(find_dataset("homeoffice"), "code 86", forces=["Devon & Cornwall"], years=["2017/18"])
    bib = to_bibtex(c)
    assert bib.startswith("@misc{homeoffice_2026_code_86,\n")
    assert "forces: Devon \\& Cornwall" in bib and "year = {2026}" in bib
    assert "author = {{Home Office}}" in bib
    assert bib.count("{") == bib.count("}")
    data = json.loads(to_json(c))
    assert data["forces"] == ["Devon & Cornwall"] and data["attribution"] == OGL
    assert {"publisher", "title", "release", "url", "licence", "offence", "years"} <= data.keys()


def test_ox_cite_resolves_forces_years_and_offence_as_typed() -> None:
    code, out, err = run(
        "cite", "--force", "northants", "--years", "2023/24..2025/26", "-o", "86", "-f", "json"
    )
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["forces"] == ["Northamptonshire"]
    assert data["years"] == ["2023/24", "2024/25", "2025/26 Q1-Q3"]  # the partial year labelled
    assert data["offence"] == "code 86: Obscene publications etc"
    code, _, err = run("cite", "--years", "2030")
    assert code == 2 and "2030/31 is not in dataset 'homeoffice'" in err
    code, _, err = run("cite", "--years", "2020..2018")
    assert code == 2 and "runs backwards" in err
    code, out, _ = run("cite", "-d", "nspcc", "-f", "bibtex")
    assert code == 0 and re.search(r"year = \{2016--2025\}", out)


def test_ox_cite_prints_file_names_literally(store: Path) -> None:
    row = {"year": 2017, "force": "Kent", "offence_code": "86", "offence": "x", "count": 5}
    write_dataset(
        store, "odd", [row], source_file="/tmp/odd\x1b[31mred.csv", imported_at="2026-11-30"
    )
    code, out, _ = run("cite", "-d", "odd")
    assert code == 0 and "\x1b" not in out and "odd\\x1b[31mred.csv" in out
