"""Each view's title line names the release it shows (date, route, file): ``release_tag``."""

from __future__ import annotations

import dataclasses

from tui.model.data.catalogue import find_dataset, release_tag


def test_each_home_office_release_is_named_with_its_date_route_and_file() -> None:
    assert release_tag(find_dataset("homeoffice")) == (
        "23 Apr 2026 release, third-party copy of …230426.ods"
    )
    assert release_tag(find_dataset("homeoffice-2023-10")) == (
        "19 Oct 2023 release, third-party copy of …191023.ods"
    )


def test_no_file_no_tag_and_no_route_no_claim() -> None:
    assert release_tag(find_dataset("nspcc")) == ""  # its title and pages say where from
    direct = dataclasses.replace(find_dataset("homeoffice"), route="")
    assert release_tag(direct) == "23 Apr 2026 release, …230426.ods"
    odd = dataclasses.replace(find_dataset("homeoffice"), release="spring 2026")
    assert release_tag(odd).startswith("spring 2026 release, ")


def test_an_export_names_the_route_of_its_figures() -> None:
    from tui.model.findings.citation import cite
    from tui.model.findings.view_citation import CiteSheet
    from tui.output.export import export_meta
    from tui.output.reports import Report

    info = find_dataset("homeoffice")
    citation = cite(info, "code 86: Obscene publications etc", years=["2024/25"])
    sheet = CiteSheet((citation,), "ox show kent", ("ox cite",))
    meta = export_meta(Report("Kent", [], []), sheet, "test")
    assert "robertmaszkiewski/uk-crime-analysis" in str(meta["route"])
    assert meta["source_file"] == "prc-pfa-mar2013-onwards-tables-230426.ods"


def test_the_source_line_names_a_copy_only_where_the_route_is_one() -> None:
    from tui.widgets.detail_notes import source_text

    # The NSPCC figures are as stated on public pages: the detail once said "via a
    # third-party copy" for them, as for the Home Office file.
    nspcc = source_text(find_dataset("nspcc")).plain
    assert "third-party" not in nspcc and nspcc.startswith("Source NSPCC")
    assert ", via a third-party copy" in source_text(find_dataset("homeoffice")).plain
    scotland = find_dataset("scotland")
    assert ", via third-party copies" in source_text(scotland).plain
    assert "third-party copies of " in release_tag(scotland)
