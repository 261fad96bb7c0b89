"""The one canonical long schema that every dataset (bundled or imported) is stored and loaded in.

One row is one figure: a count of offences for a force, a period (a financial year, a quarter of it,
or, for some NSPCC figures, a calendar year or several years) and an offence.
"""

from __future__ import annotations

import polars as pl

DATASET = "dataset"
PERIOD = "period"
YEAR = "year"
QUARTER = "quarter"
FORCE = "force"
OFFENCE_CODE = "offence_code"
OFFENCE = "offence"
OFFENCE_GROUP = "offence_group"
OFFENCE_SUBGROUP = "offence_subgroup"
COUNT = "count"
RELEASE = "release"
SOURCE_URL = "source_url"
QUOTE = "quote"
PREFERRED = "preferred"

LONG_SCHEMA: dict[str, pl.DataType] = {
    DATASET: pl.String(),
    # The period as the source states it: "2017/18", "2013 (calendar year)", "2016/17+2017/18".
    PERIOD: pl.String(),
    # Start year of the financial year (2017 for 2017/18); null when the period is not one
    # financial year, so such figures can never land in a financial-year column.
    YEAR: pl.Int16(),
    # 1-4 (April-June is Q1); null where the source gives whole years only.
    QUARTER: pl.Int8(),
    FORCE: pl.String(),
    OFFENCE_CODE: pl.String(),
    OFFENCE: pl.String(),
    OFFENCE_GROUP: pl.String(),
    OFFENCE_SUBGROUP: pl.String(),
    # Negative counts are genuine Home Office adjustments and are kept.
    COUNT: pl.Int64(),
    RELEASE: pl.String(),
    SOURCE_URL: pl.String(),
    QUOTE: pl.String(),
    # Exactly one preferred row per (period, quarter, force, offence_code); the others are
    # alternative figures for the same cell (e.g. two NSPCC releases that disagree).
    PREFERRED: pl.Boolean(),
}

REQUIRED_COLUMNS = (PERIOD, YEAR, FORCE, OFFENCE_CODE, OFFENCE, COUNT)

MAX_COUNT = 10**9
"""The largest count (in absolute value) a figure may hold: refused above it, on import and on load.

All police-recorded crime in England and Wales is about 6.7 million offences a year, and the largest
single figure in the bundled data is 132,693, so a cell of a billion is already ~150 times the whole
country's crime for a year: anything larger is a data error (a phone number, two columns run
together). It also means no sum can wrap: Int64 holds 9.2e18, so a sum would need over 9 billion
figures at the bound, far more rows than any dataset loaded in memory."""
