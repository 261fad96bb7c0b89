"""``ox events``: the recording events with their sources, in every format."""

from __future__ import annotations

import csv
import io
import json

from tests.conftest import run_cli as run

KEYS = {"scope", "force", "year", "date", "offences", "title", "source_url"}


def test_json_rows_carry_the_documented_keys() -> None:
    code, out, err = run("events", "-f", "json")
    rows = json.loads(out)
    assert code == 0 and err == ""
    assert len(rows) >= 8
    for row in rows:
        assert KEYS <= row.keys()
        assert isinstance(row["year"], int)
        assert row["source_url"].startswith(("https://", "http://"))
        assert (row["force"] is None) == (row["scope"] == "national")
        assert not isinstance(row["offences"], (list, dict))  # flat, like every ox JSON


def test_force_lists_national_events_and_its_own_only() -> None:
    code, out, _ = run("events", "GMP", "-f", "json")
    rows = json.loads(out)
    assert code == 0
    forces = {r["force"] for r in rows}
    assert forces == {None, "Greater Manchester"}
    gmp = [r for r in rows if r["force"] == "Greater Manchester"]
    assert any(r["year"] == 2019 and "iOPS" in r["title"] for r in gmp)
    code, out, _ = run("events", "devon and cornwall", "-f", "json")
    assert "Devon & Cornwall" in {r["force"] for r in json.loads(out)}
    assert "Greater Manchester" not in {r["force"] for r in json.loads(out)}


def test_a_total_includes_its_forces_events() -> None:
    code, out, _ = run("events", "england and wales", "-f", "json")
    forces = {r["force"] for r in json.loads(out)}
    assert code == 0 and {"Greater Manchester", "Devon & Cornwall"} <= forces


def test_offence_filter_uses_the_dataset_catalogue() -> None:
    code, out, _ = run("events", "kent", "-o", "28E", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    titles = {r["title"] for r in rows}
    assert "Burglary reclassified as residential and business and community" in titles
    assert not any("Stalking" in t for t in titles)
    assert all(r["offences"] != "" for r in rows)


def test_table_and_markdown_name_the_source() -> None:
    code, out, _ = run("events", "devon & cornwall")
    assert code == 0 and "Niche" in out and "theregister.com" in out.replace("\n", "")
    code, out, _ = run("events", "gmp", "-f", "markdown")
    assert code == 0 and out.startswith("**Recording events: Greater Manchester**")
    assert "| 2019/20 | Greater Manchester |" in out


def test_unknown_force_is_a_one_line_usage_error() -> None:
    code, out, err = run("events", "atlantis constabulary")
    assert code == 2 and out == ""
    assert err.startswith("ox: error: unknown force") and err.count("\n") == 1
