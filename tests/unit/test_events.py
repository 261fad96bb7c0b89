"""Recording events: the table's schema, and that each event is found where it applies only."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from tui.model.data.dataset import load_dataset
from tui.model.data.errors import DatasetError
from tui.model.data.events import Event, events_between, events_for, load_events
from tui.model.data.offences import (
    ALL_OFFENCES,
    OffenceInfo,
    OffenceSelection,
    select_group,
    select_subgroup,
)
from tui.model.data.population import members
from tui.model.data.reference import FRAUD_BODY, TERRITORIAL, load_reference
from tui.paths import bundled_data_dir


@pytest.fixture(scope="module")
def catalogue() -> tuple[OffenceInfo, ...]:
    return load_dataset("homeoffice").offences


def code(value: str) -> OffenceSelection:
    return OffenceSelection("code", value, f"code {value}")


def titles(events: list[Event]) -> set[str]:
    return {e.title for e in events}


GMP_SYSTEM = "Greater Manchester Police moves to a new records system (iOPS, PoliceWorks)"
DC_SYSTEM = "Devon and Cornwall Police moves to the Niche records system"
STALKING_8Q = "Stalking recorded under its own classification (8Q)"
BURGLARY_2017 = "Burglary reclassified as residential and business and community"
ACTION_FRAUD_TVP = "Action Fraud takes over fraud reporting in Thames Valley"
HMIC_2014 = "HMIC inspection 'Crime-recording: making the victim count'"


# --------------------------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------------------------


def test_table_has_at_least_eight_sourced_events_national_and_force() -> None:
    events = load_events()
    assert len(events) >= 8
    assert {e.scope for e in events} == {"national", "force"}
    assert len({e.title for e in events}) == len(events)  # no duplicates


def test_every_row_has_an_http_source_and_a_title() -> None:
    for e in load_events():
        assert re.match(r"^https?://[a-z0-9.-]+\.[a-z]{2,}/", e.source_url, re.IGNORECASE), e
        assert e.title.strip() and e.note.strip()


def test_forces_are_canonical_and_only_on_force_events() -> None:
    ref = load_reference(bundled_data_dir())
    for e in load_events():
        if e.scope == "national":
            assert e.force == ""
        else:
            assert ref.forces[e.force].kind in (TERRITORIAL, FRAUD_BODY), e.force


def test_years_lie_in_the_data_and_dates_in_their_year() -> None:
    for e in load_events():
        assert 2011 <= e.year <= 2025, e  # the bundled Home Office data: 2012/13..2025/26
        parts = [int(p) for p in e.date.split("-")]
        day = date(parts[0], parts[1] if len(parts) > 1 else 4, parts[2] if len(parts) > 2 else 1)
        assert date(e.year, 4, 1) <= day <= date(e.year + 1, 3, 31), e


def test_offence_tokens_name_real_codes_groups_and_subgroups(
    catalogue: tuple[OffenceInfo, ...],
) -> None:
    codes = {o.code for o in catalogue}
    groups = {o.group for o in catalogue}
    subgroups = {o.subgroup for o in catalogue}
    for e in load_events():
        for token in e.offences:
            if token == "all":
                assert e.offences == ("all",)
            elif token.startswith("group:"):
                assert token[6:] in groups, token
            elif token.startswith("subgroup:"):
                assert token[9:] in subgroups, token
            else:
                assert token in codes, token


# --------------------------------------------------------------------------------------------
# Where each event applies
# --------------------------------------------------------------------------------------------


def _selection_for(token: str) -> OffenceSelection:
    if token == "all":
        return ALL_OFFENCES
    if token.startswith("group:"):
        return select_group(token[6:])
    if token.startswith("subgroup:"):
        return select_subgroup(token[9:])
    return code(token)


def test_each_event_is_returned_where_it_applies(catalogue: tuple[OffenceInfo, ...]) -> None:
    for e in load_events():
        force = e.force or "Kent"
        for token in e.offences:
            found = events_for(force, _selection_for(token), [e.year], catalogue=catalogue)
            assert e in found, (e.title, token)
        assert e in events_for(force, ALL_OFFENCES, [e.year], catalogue=catalogue)
        assert e in events_for(None, None, None)


def test_force_event_only_for_its_force_and_totals_including_it() -> None:
    assert GMP_SYSTEM in titles(events_for("Greater Manchester", code("8T"), [2019]))
    assert GMP_SYSTEM not in titles(events_for("Kent", code("8T"), [2019]))
    assert GMP_SYSTEM not in titles(events_for("Greater Manchester", code("8T"), [2018]))
    england_and_wales = members("England and Wales")
    assert "Greater Manchester" in england_and_wales
    assert GMP_SYSTEM in titles(
        events_for("England and Wales", code("86"), [2019], members=england_and_wales)
    )
    assert GMP_SYSTEM not in titles(
        events_for("Wales", code("86"), [2019], members=members("Wales"))
    )
    assert DC_SYSTEM in titles(events_for("Devon & Cornwall", code("86"), [2022]))
    assert DC_SYSTEM not in titles(events_for("Dorset", code("86"), [2022]))


def test_national_event_applies_to_every_force_in_its_year() -> None:
    for force in ("Kent", "Northamptonshire", "London, City of", "Dyfed-Powys"):
        assert HMIC_2014 in titles(events_for(force, code("86"), [2014]))
        assert HMIC_2014 not in titles(events_for(force, code("86"), [2013, 2015]))


def test_code_event_applies_to_its_code_group_and_all_offences_only(
    catalogue: tuple[OffenceInfo, ...],
) -> None:
    def found(selection: OffenceSelection) -> bool:
        return STALKING_8Q in titles(events_for("Kent", selection, [2014], catalogue=catalogue))

    assert found(code("8Q")) and found(code("8L"))
    assert found(select_group("Violence against the person"))  # 8Q's group
    assert found(ALL_OFFENCES)
    assert not found(code("86"))
    assert not found(select_group("Theft offences"))
    assert not found(select_subgroup("Domestic burglary"))


def test_subgroup_event_applies_to_codes_inside_it_and_its_group(
    catalogue: tuple[OffenceInfo, ...],
) -> None:
    def found(selection: OffenceSelection) -> bool:
        return BURGLARY_2017 in titles(events_for("Kent", selection, [2017], catalogue=catalogue))

    assert found(code("28E")) and found(code("30C")) and found(code("28A"))
    assert found(select_subgroup("Domestic burglary"))
    assert found(select_group("Theft offences"))
    assert not found(code("86")) and not found(code("8Q"))
    assert not found(select_group("Violence against the person"))


def test_group_event_for_one_force(catalogue: tuple[OffenceInfo, ...]) -> None:
    def found(force: str, selection: OffenceSelection) -> bool:
        return ACTION_FRAUD_TVP in titles(events_for(force, selection, [2012], catalogue=catalogue))

    assert found("Thames Valley", code("53D"))  # a fraud code: in group Fraud offences
    assert found("Thames Valley", select_group("Fraud offences"))
    assert not found("Thames Valley", code("86"))
    assert not found("Kent", code("53D"))


def test_events_between_two_years_include_both_ends(catalogue: tuple[OffenceInfo, ...]) -> None:
    between = titles(events_between("Kent", code("28E"), 2017, 2016, catalogue=catalogue))
    assert BURGLARY_2017 in between
    assert HMIC_2014 not in between
    assert HMIC_2014 in titles(events_between("Kent", code("86"), 2014, 2015))
    assert GMP_SYSTEM in titles(events_between("Greater Manchester", code("86"), 2018, 2020))


# --------------------------------------------------------------------------------------------
# A broken table is refused with file, row and column
# --------------------------------------------------------------------------------------------

HEADER = "scope,force,year,date,offences,title,source_url,note\n"
GOOD = "national,,2014,2014-11-18,all,Title,https://example.org/x,Note\n"


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("national,,2014,2014-11-18,all,Title,ftp://example.org/x,Note\n", "source_url"),
        ("national,,2014,2014-11-18,all,Title,example.org/x,Note\n", "source_url"),
        ("national,,2014,2014-11-18,all,Title,,Note\n", "source_url"),
        (
            "force,Northants Police Dept,2014,2014-11,all,Title,https://example.org/x,Note\n",
            "force",
        ),
        ("national,Kent,2014,2014-11,all,Title,https://example.org/x,Note\n", "force"),
        ("local,,2014,2014-11,all,Title,https://example.org/x,Note\n", "scope"),
        ("national,,1990,1990-11,all,Title,https://example.org/x,Note\n", "year"),
        ("national,,2014,2015-05,all,Title,https://example.org/x,Note\n", "date"),
        ("national,,2014,2014-13,all,Title,https://example.org/x,Note\n", "date"),
        ("national,,2014,2014-11,all;86,Title,https://example.org/x,Note\n", "offences"),
        ("national,,2014,2014-11,=cmd(),Title,https://example.org/x,Note\n", "offences"),
        ("national,,2014,2014-11,all,,https://example.org/x,Note\n", "title"),
    ],
)
def test_bad_rows_are_refused_naming_row_and_column(tmp_path: Path, row: str, column: str) -> None:
    shutil.copy(bundled_data_dir() / "forces.csv", tmp_path / "forces.csv")
    (tmp_path / "events.csv").write_text(HEADER + GOOD + row, encoding="utf-8")
    with pytest.raises(DatasetError, match=rf"events\.csv, row 3, column {column}"):
        load_events(tmp_path)


def test_a_good_minimal_table_loads(tmp_path: Path) -> None:
    shutil.copy(bundled_data_dir() / "forces.csv", tmp_path / "forces.csv")
    (tmp_path / "events.csv").write_text(
        HEADER + GOOD + "force,Kent,2012,2013-03,group:Fraud offences,T2,http://a.example/,N\n",
        encoding="utf-8",
    )
    events = load_events(tmp_path)
    assert [e.year for e in events] == [2012, 2014]
    assert events[0].offences == ("group:Fraud offences",) and events[0].force == "Kent"


# --------------------------------------------------------------------------------------------
# What the notes say about the bundled figures still holds
# --------------------------------------------------------------------------------------------


def _first_quarter(force: str, offence: str, dataset: str) -> tuple[int, int]:
    from tui.model.data.offences import resolve_offence
    from tui.model.figures.series import force_quarters
    from tui.model.figures.totals import resolve_force

    ds = load_dataset(dataset)
    points = force_quarters(ds, resolve_force(ds, force), resolve_offence(ds.offences, offence))
    return next((p.year, p.quarter) for p in points if p.count is not None)


def test_gmp_note_new_codes_start_a_year_early_for_gmp() -> None:
    note = next(e.note for e in load_events() if e.title == GMP_SYSTEM)
    assert "8T, 8U" in note and "2019/20 Q2" in note and "2020/21 Q1" in note
    assert "all 0" in note and "not counted" in note
    source = pl.read_parquet(bundled_data_dir() / "homeoffice-2023-10.parquet")
    for offence in ("8T", "8U"):
        # The Oct 2023 release lists GMP a year early, with 0 in 2019/20 Q2-Q4; those rows were
        # the first quarter this test found (2019, 2) until such years became "not counted"
        # (tui/model/data/uncounted.py): now both releases count them from 2020/21 Q1.
        early = source.filter(pl.col("offence_code") == offence, pl.col("year") == 2019)
        assert set(early.get_column("force").to_list()) == {"Greater Manchester"}
        assert sorted(early.get_column("quarter").to_list()) == [2, 3, 4]
        assert early.get_column("count").abs().sum() == 0
        assert _first_quarter("Greater Manchester", offence, "homeoffice-2023-10") == (2020, 1)
        assert _first_quarter("Kent", offence, "homeoffice-2023-10") == (2020, 1)
        assert _first_quarter("Greater Manchester", offence, "homeoffice") == (2020, 1)


SOURCE_KINDS = (".gov.uk/", "gov.uk/", ".police.uk/", "parliament.uk/", "gss-data.org.uk/")


def test_a_source_that_is_not_an_official_page_is_marked_secondary() -> None:
    # Issue 21/20: primary sources (HMICFRS, Home Office, ONS, Parliament, the force) where one
    # exists; a press or copy page only where none does, and then the note says so.
    for e in load_events():
        host = e.source_url.split("//", 1)[1].lower()
        official = any(k in host.split("?")[0] for k in SOURCE_KINDS) or host.startswith(
            "domesticabusecommissioner.uk/"
        )
        assert official or "Secondary source" in e.note, e.source_url


def test_every_force_with_a_dated_action_fraud_go_live_has_its_event() -> None:
    # Dorset and the South West, Hampshire and Thames Valley went live on 3 December 2012
    # (Dorset Police's page; the audit found only Hampshire and Thames Valley).
    live = {
        e.force: e.date for e in load_events() if e.title.startswith("Action Fraud") and e.force
    }
    for force in (
        "Dorset",
        "Devon & Cornwall",
        "Avon and Somerset",
        "Gloucestershire",
        "Wiltshire",
        "Hampshire",
        "Thames Valley",
        "North Wales",
        "Gwent",
        "South Wales",
        "Dyfed-Powys",
    ):
        assert live.get(force) == "2012-12-03", force
    assert live["Merseyside"] == "2013-02-18" and live["West Yorkshire"] == "2013-03-25"


def test_no_student_blog_or_later_outline_stands_for_an_official_finding() -> None:
    urls = {e.title: e.source_url for e in load_events()}
    assert "tru.org.uk" not in " ".join(urls.values())
    gmp_2020 = next(u for t, u in urls.items() if "Greater Manchester Police failed to record" in t)
    assert gmp_2020.startswith("https://hmicfrs.justiceinspectorates.gov.uk/")
    dedesignation = next(u for t, u in urls.items() if "National Statistics designation" in t)
    assert "systemic-review-outline" not in dedesignation
