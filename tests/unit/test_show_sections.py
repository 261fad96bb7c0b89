"""``show_report`` section by section: each pure function on its own, with figures stated by hand
(Northamptonshire code 86: 544 in 2021/22, 737 in 2022/23, 225 in 2023/24 Q1; Home Office PFA
tables, Oct 2023 release)."""

from __future__ import annotations

from tui.model.data.reference import Force
from tui.model.data.years import YearCoverage
from tui.model.results.detail_types import (
    Alternative,
    ForceSeries,
    OtherPeriod,
    QuarterPoint,
    SeriesPoint,
)
from tui.output.reports import RATE_NOTE, Column
from tui.output.show_report import (
    hide_empty_columns,
    other_periods_section,
    quarterly_report,
    year_notes,
    year_record,
)

NORTHANTS = "Northamptonshire"
Y2022 = YearCoverage(2022, (1, 2, 3, 4), 43)
Y2023 = YearCoverage(2023, (1,), 43)


def test_quarterly_report_has_a_row_per_quarter() -> None:
    quarters = [QuarterPoint(2022, 4, 180), QuarterPoint(2023, 1, 225)]
    report = quarterly_report("T", ["Dataset x"], NORTHANTS, quarters)
    assert [c.key for c in report.columns] == ["force", "year", "quarter", "count"]
    assert report.records == [
        {"force": NORTHANTS, "year": "2022/23", "quarter": 4, "count": 180},
        {"force": NORTHANTS, "year": "2023/24", "quarter": 1, "count": 225},
    ]
    assert report.notes == [] and report.subtitle == ["Dataset x"]


def test_a_full_year_has_a_rate_and_no_note() -> None:
    point = SeriesPoint(Y2022, 737, (), 193, 35.48)
    record, notes = year_record(NORTHANTS, point, has_provenance=False)
    assert record["count"] == 737 and record["change"] == 193 and record["year"] == "2022/23"
    # 737 / 792,856 people (ONS mid-2022) x 100,000 = 92.95.
    assert round(float(record["rate"]), 1) == 93.0  # type: ignore[arg-type]
    assert record["population_year"] == 2022 and notes == []
    assert "release" not in record


def test_a_partial_year_has_its_quarters_no_rate_and_a_note() -> None:
    record, notes = year_record(NORTHANTS, SeriesPoint(Y2023, 225, (), None, None), False)
    assert record["quarters"] == "Q1" and record["partial"] is True and record["rate"] is None
    assert notes == ["2023/24 is a partial year (Q1 only): its count is not compared with others."]
    short = SeriesPoint(Y2022, 500, (2, 3, 4), None, None)
    _, notes = year_record(NORTHANTS, short, False)
    assert notes == [
        f"{NORTHANTS} has 2022/23 Q2-Q4 only: its count is not compared with other years."
    ]


def test_provenance_columns_carry_release_source_and_other_statements() -> None:
    point = SeriesPoint(
        Y2022, 737, (), 193, 35.48, "Oct 2023", "https://s", (Alternative(730, "Jul 2023", "u"),)
    )
    record, _ = year_record(NORTHANTS, point, has_provenance=True)
    assert record["release"] == "Oct 2023" and record["source_url"] == "https://s"
    assert record["also_stated"] == "730 (Jul 2023)"


def test_empty_optional_columns_are_hidden_in_tables_only() -> None:
    columns = [Column("count", "Count"), Column("quarters", "Q"), Column("also_stated", "A")]
    shown = hide_empty_columns(columns, [{"count": 1, "quarters": None}])
    assert [(c.key, c.show) for c in shown] == [
        ("count", True),
        ("quarters", False),
        ("also_stated", False),
    ]
    kept = hide_empty_columns(columns, [{"count": 1, "quarters": "Q1", "also_stated": "x"}])
    assert all(c.show for c in kept)


def test_year_notes_say_how_rates_work_and_where_figures_come_from() -> None:
    shown: list[dict[str, object]] = [
        {"rate": 93.0, "also_stated": "730 (Jul 2023)", "source_url": "https://b"},
        {"rate": None, "source_url": "https://a"},
    ]
    notes = year_notes(shown, has_provenance=True)
    assert notes[0] == RATE_NOTE
    assert notes[1].startswith("Each figure is shown as first stated")
    assert notes[2:] == ["Source: https://a", "Source: https://b"]
    assert year_notes([{"rate": None}], has_provenance=False) == []


def test_other_periods_are_a_section_of_their_own() -> None:
    force = Force(NORTHANTS, "E23000022", "England", "East Midlands", "territorial")
    series = ForceSeries("nspcc", force, None, (), (), "England", ())  # type: ignore[arg-type]
    assert other_periods_section(series) is None
    other = OtherPeriod("2019", "86", 1234, "FOI 2020", "https://s", "")
    section = other_periods_section(
        ForceSeries("nspcc", force, None, (), (other,), "England", ())  # type: ignore[arg-type]
    )
    assert section is not None and section.title.startswith("Other periods")
    assert section.records == [
        {"period": "2019", "count": 1234, "release": "FOI 2020", "source_url": "https://s"}
    ]
