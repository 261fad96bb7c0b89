"""Peers ordered by the chosen offence's rate when an offence is chosen (issue 20): in
``ox peers F --offence X`` and in the detail view's peers panel; who is near still comes from all
offences."""

from __future__ import annotations

import json

from tests.cli.test_cli_honest import run, shared_population
from tui.model.data.dataset import load_dataset
from tui.model.figures.selection import pick_offence
from tui.model.findings.peer_figures import peers_for, with_offence
from tui.widgets.peers_panel import peer_lines, peers_heading

# Code 86, 2022/23, in prc_pfa_tidy.csv (Oct 2023 release).
COUNTS_2022 = {"Northamptonshire": 737, "Suffolk": 719, "Staffordshire": 744}


def test_ox_peers_with_an_offence_lists_them_by_its_rate() -> None:
    code, out, err = run(
        "peers", "northants", "--offence", "86", "-d", "homeoffice-2023-10", "-f", "json"
    )
    assert code == 0, err
    rows = json.loads(out)
    rates = [r["offence_per_100k"] for r in rows]
    assert rates == sorted(rates, reverse=True) and len(rows) == 8
    assert [r["place"] for r in rows] == list(range(1, 9))
    got = {r["peer"]: r for r in rows}
    # Northamptonshire itself in its place (it was only in the heading): 2nd of 8.
    itself = got.pop("Northamptonshire")
    assert itself["place"] == 2 and itself["rank"] is None and itself["distance"] is None
    assert itself["offence_count"] == COUNTS_2022["Northamptonshire"]
    for force in ("Suffolk", "Staffordshire"):
        assert got[force]["offence_count"] == COUNTS_2022[force]
        expected = COUNTS_2022[force] / shared_population(force, 2022) * 1e5
        assert got[force]["offence_per_100k"] == round(expected, 2)
    # The same peers as without an offence (nearness is from all offences).
    _code, plain, _ = run("peers", "northants", "-d", "homeoffice-2023-10", "-f", "json")
    assert {r["peer"] for r in json.loads(plain)} == set(got)
    _code, table, _ = run("peers", "northants", "--offence", "86", "-d", "homeoffice-2023-10")
    assert "93.0 per 100,000" in table  # 737 / 792,856 × 100,000
    assert "2 of 8" in table


def test_the_peers_panel_orders_by_the_offence_shown() -> None:
    ds = load_dataset("homeoffice-2023-10")
    group = with_offence(ds, peers_for(ds, "northants"), pick_offence(ds, "86"))
    lines = peer_lines(group, 60, ascii_only=True).plain.splitlines()[1:]
    names = [line[3:].strip(" >").split("  ")[0].strip() for line in lines]
    by_rate = [f.force for f in group.ordered()]
    assert len(names) == 8 and [n[:6] for n in names] == [short[:6] for short in by_rate]
    assert names[0].startswith("Suffolk")  # 719 / 768,812 × 100,000 = 93.5, the highest
    assert "code 86" in peers_heading(group).plain
