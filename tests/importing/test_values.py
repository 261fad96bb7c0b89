"""Reading single cells: counts, financial years, periods and quarters as spreadsheets have them."""

from __future__ import annotations

import pytest

from tui.model.importing.values import (
    BAD,
    DASH_ZERO,
    MISSING,
    NUMBER,
    THOUSANDS,
    WHOLE_FLOAT,
    clean_text,
    mend_float_artefact,
    parse_count,
    parse_financial_year,
    parse_period,
    parse_quarter,
)


@pytest.mark.parametrize(
    ("raw", "value", "kind"),
    [
        ("63", 63, NUMBER),
        (" 63 ", 63, NUMBER),
        ("\u00a063\u00a0", 63, NUMBER),
        ("-1", -1, NUMBER),
        ("-00", 0, DASH_ZERO),
        ("-00 ", 0, DASH_ZERO),
        ("1,234", 1234, THOUSANDS),
        ("-12,345,678", -12345678, THOUSANDS),
        ("1,000,000,000", 1_000_000_000, THOUSANDS),  # the largest count accepted
        ("-1000000000", -1_000_000_000, NUMBER),
        ("63.0", 63, WHOLE_FLOAT),
        ("..", None, MISSING),
        ("N/a", None, MISSING),
        ("n/a", None, MISSING),
        ("-", None, MISSING),
        ("", None, MISSING),
        ("   ", None, MISSING),
        (None, None, MISSING),
        ("[x]", None, MISSING),
    ],
)
def test_counts(raw: str | None, value: int | None, kind: str) -> None:
    assert parse_count(raw)[:2] == (value, kind)


LIMIT = (
    "the largest accepted is 1,000,000,000 either way; all police-recorded crime in England and "
    "Wales is under 10 million a year"
)


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("twelve", "'twelve' is text, not a number"),
        ("3.5", "'3.5' is not a whole number"),
        ("1,23", "'1,23' is not a whole number"),
        ("12,34,567", "'12,34,567' is not a number"),
        ("--5", "'--5' is not a number"),
        ("5-", "'5-' is not a number"),
        ("(3)", "'(3)' is not a number"),
        ("1e5", "'1e5' is text, not a number"),
        ("9" * 25, f"'{'9' * 25}' is too large to be a count ({LIMIT})"),
        ("1000000001", f"'1000000001' is too large to be a count ({LIMIT})"),
        ("-1,000,000,001", f"'-1,000,000,001' is too large to be a count ({LIMIT})"),
        ("5000000000000000000", f"'5000000000000000000' is too large to be a count ({LIMIT})"),
        (
            "2\n3,4",
            'the cell runs over several lines (a quote (") may be missing its closing quote)',
        ),
    ],
)
def test_bad_counts(raw: str, error: str) -> None:
    assert parse_count(raw) == (None, BAD, error)


@pytest.mark.parametrize(
    ("raw", "label", "start"),
    [
        ("2017/18", "2017/18", 2017),
        ("2017-18", "2017/18", 2017),
        ("2017/2018", "2017/18", 2017),
        (" 2017 / 18 ", "2017/18", 2017),
        ("FY2017-18", "2017/18", 2017),
        ("2017–18", "2017/18", 2017),
        ("2099/00", "2099/00", 2099),
        ("1999/2000", "1999/00", 1999),
    ],
)
def test_financial_years(raw: str, label: str, start: int) -> None:
    assert parse_financial_year(raw) == (label, start, "")


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("2017/19", "'2017/19' is not a financial year (the one starting in 2017 is 2017/18)"),
        ("2017/2019", "'2017/2019' is not a financial year (the one starting in 2017 is 2017/18)"),
        (
            "2017",
            "'2017' is a single year, not a financial year: write 2017/18 for April 2017 to March "
            "2018, or 2016/17 if 2017 is the year it ends (a bare 2017 could also be a calendar "
            "year)",
        ),
        (
            "FY2020",
            "'FY2020' is a single year, not a financial year: write 2020/21 for April 2020 to "
            "March 2021, or 2019/20 if 2020 is the year it ends (a bare 2020 could also be a "
            "calendar year)",
        ),
        ("0017", "'0017' is not a financial year"),
        ("Last year", "'Last year' is not a financial year"),
        ("", "the year is empty"),
        ("0017/18", "'0017/18' is not a plausible year"),
    ],
)
def test_bad_financial_years(raw: str, error: str) -> None:
    assert parse_financial_year(raw).error == error


def test_periods_keep_other_text_with_no_year() -> None:
    assert parse_period("2017-18") == ("2017/18", 2017, "")
    assert parse_period(" 2013 (calendar year) ") == ("2013 (calendar year)", None, "")
    assert parse_period("2016/17-2020/21") == ("2016/17-2020/21", None, "")
    assert parse_period("").error == "the period is empty"


@pytest.mark.parametrize(
    ("raw", "quarter"), [("1", 1), ("4", 4), ("Q1", 1), ("q3", 3), ("Quarter 2", 2), ("2.0", 2)]
)
def test_quarters(raw: str, quarter: int) -> None:
    assert parse_quarter(raw) == (quarter, "")


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("7", "'7' is not a quarter (1 to 4)"),
        ("0", "'0' is not a quarter (1 to 4)"),
        ("Q5", "'Q5' is not a quarter (1 to 4)"),
        ("", "the quarter is empty"),
    ],
)
def test_bad_quarters(raw: str, error: str) -> None:
    assert parse_quarter(raw) == (None, error)


def test_clean_text() -> None:
    assert (
        clean_text("  Residential burglary of\u00a0unconnected  building ")
        == "Residential burglary of unconnected building"
    )
    assert clean_text(None) == ""


@pytest.mark.parametrize(
    ("raw", "mended"),
    [
        ("37.200000000000003", "37.2"),
        ("4.0999999999999996", "4.1"),
        ("4.10", "4.10"),  # a real code: trailing zero kept
        ("4.1", "4.1"),
        ("0.30000000000000004", "0.30000000000000004"),  # already the shortest form
        ("8L", "8L"),
    ],
)
def test_float_artefacts(raw: str, mended: str) -> None:
    assert mend_float_artefact(raw) == mended
