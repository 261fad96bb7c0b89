"""Citing a view (tui.model.findings.view_citation): one citation per dataset shown, as ``ox cite``
prints it, and the commands that reproduce the view."""

from __future__ import annotations

import io
import json
import shlex

from tui.cli.main import main
from tui.model.data.catalogue import bundled_datasets, find_dataset
from tui.model.findings.reproduce import ViewSpec
from tui.model.findings.view_citation import ShownView, cite_sheet, render_sheet

OFFENCE = "code 86: Obscene publications etc"


def run(command: str, *extra: str) -> str:
    argv = shlex.split(command)
    out, err = io.StringIO(), io.StringIO()
    assert main([*argv[1:], *extra], out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


def test_a_compare_view_cites_its_two_years_as_ox_cite_does() -> None:
    spec = ViewSpec("compare", "homeoffice", "86", years=(2016, 2017), sort="change")
    shown = ShownView(spec, OFFENCE, ("2016/17", "2017/18"), (find_dataset("homeoffice"),))
    sheet = cite_sheet(shown, bundled_datasets())
    assert sheet.command == (
        "ox compare 2016/17 2017/18 --dataset homeoffice --offence 86 --sort change"
    )
    assert sheet.cite_commands == (
        "ox cite --dataset homeoffice --offence 86 --years 2016/17,2017/18",
    )
    for fmt in ("text", "bibtex", "json"):
        assert render_sheet(sheet, fmt) == run(sheet.cite_commands[0], "--format", fmt)
    # England and Wales, code 86, 18,837 in 2016/17 and 23,215 in 2017/18: the 23 Apr 2026
    # release's source file, summed over the 43 forces (18,834 and 23,225 in the Oct 2023 one).
    printed = json.loads(run(sheet.command, "--format", "json"))
    assert (printed[0]["count_a"], printed[0]["count_b"]) == (18_837, 23_215)


def test_a_diff_cites_both_datasets_and_json_lists_them() -> None:
    spec = ViewSpec("diff", "nspcc", "all", dataset_b="homeoffice")
    infos = (find_dataset("nspcc"), find_dataset("homeoffice"))
    sheet = cite_sheet(ShownView(spec, "all offences", (), infos), bundled_datasets())
    assert sheet.command == "ox diff nspcc homeoffice --offence all"
    assert len(sheet.cite_commands) == 2 and "--dataset nspcc" in sheet.cite_commands[0]
    records = json.loads(render_sheet(sheet, "json"))
    assert [(r["dataset"], r["publisher"]) for r in records] == [
        ("nspcc", "NSPCC"),
        ("homeoffice", "Home Office"),
    ]
    text = render_sheet(sheet, "text")
    assert text.startswith("NSPCC (2016-09 to 2025-02).")
    assert "\n\nHome Office (2026-04-23)." in text
    assert render_sheet(sheet, "bibtex").count("@misc{") == 2
