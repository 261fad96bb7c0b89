"""Build ``data/scotland.parquet``: Recorded Crime in Scotland by council area (issue 21).

Called by ``scripts/build_data.py``; kept apart because Scotland is a different measure, built from
different files, with its own rules:

- Two files (``scotland-rcs/PROVENANCE.md``): a long copy of the statistics.gov.scot cube for
  1996/97 to 2021/22, and a wide copy of one later vintage for 2022/23. Each row's ``release`` names
  the file its figure comes from, so a change across the two vintages is marked as one.
- The 32 council areas are the rows (Police Scotland is one force since 2013; these are not its
  divisions). Scotland is their sum, computed by the app, never a row here; the 2022/23 file's own
  Scotland row is checked against that sum at build time.
- Every leaf category is an offence; the ``all-…`` group totals are left out (the app sums them
  again, by group). A category's code is its slug with the group in front
  (``crimes-group-2-indecent-photos-of-children`` → ``g2-indecent-photos-of-children``).
- A category is stored only from the first year it was recorded in (its first year with any
  figure in Scotland): the cube writes 0 for the years before it existed, and those zeros mean
  "not recorded under this category", not "no crimes", so they become "—".
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import polars as pl

from tui.model.data.schema import LONG_SCHEMA

LONG_FILE = "recorded_crimes_la_1996-97_to_2021-22.csv"
WIDE_FILE = "recorded-crime_2022-23_wide.csv"
LONG_RELEASE = "statistics.gov.scot cube to 2021/22 (copy)"
WIDE_RELEASE = "statistics.gov.scot 2022/23 vintage (copy)"
SOURCE_URL = "https://statistics.gov.scot/data/recorded-crime"
DEFAULT_OFFENCE = "g2-indecent-photos-of-children"

GROUPS = {
    "1": "Group 1: Non-sexual crimes of violence",
    "2": "Group 2: Sexual crimes",
    "3": "Group 3: Crimes of dishonesty",
    "4": "Group 4: Damage and reckless behaviour",
    "5": "Group 5: Crimes against society",
    "6": "Group 6: Antisocial offences",
    "7": "Group 7: Miscellaneous offences",
    "8": "Group 8: Road traffic offences",
}
# The 2022/23 file's headers slugged as the cube's slugs, where the two name a category differently.
WIDE_RENAMES = {
    "crimes-group-1-death-by-dangerous-driving": (
        "crimes-group-1-causing-death-by-driving-dangerously"
    ),
}
# Category names as the Scottish Government writes them (from the 2022/23 file's headers).
NAME_FIXES = {"rape-attempted-rape": "Rape and attempted rape", "urinating-etc": "Urinating etc"}


def slug(text: str) -> str:
    """``"Crimes: Group 2: Indecent photos of children"`` →
    ``crimes-group-2-indecent-photos-of-children``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def describe(code: str, labels: dict[str, str]) -> tuple[str, str, str]:
    """(offence, group, subgroup) for a leaf category slug."""
    if code == "crimes-coronavirus-restrictions":
        return "Coronavirus restrictions", "Crimes", "Coronavirus restrictions"
    match = re.match(r"^(crimes|offences)-group-(\d)-(.+)$", code)
    if not match:
        raise SystemExit(f"{LONG_FILE}: category {code!r} is not of the form crimes-group-N-…")
    kind, group, rest = match.groups()
    name = labels.get(code) or NAME_FIXES.get(rest) or rest.replace("-", " ").capitalize()
    return name, kind.capitalize(), GROUPS[group]


def short_code(category: str) -> str:
    """``crimes-group-2-indecent-photos-of-children`` → ``g2-indecent-photos-of-children``;
    ``crimes-coronavirus-restrictions`` → ``coronavirus-restrictions``."""
    return re.sub(
        r"^(?:crimes|offences)-(?:group-(\d)-)?", lambda m: f"g{m[1]}-" if m[1] else "", category
    )


def _period(ref: str) -> str:
    """``1996/1997`` → ``1996/97``."""
    start, end = ref.split("/")
    return f"{start}/{end[2:]}"


def read_long(path: Path) -> list[dict[str, object]]:
    """The cube's leaf-category rows."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out: list[dict[str, object]] = []
    for number, row in enumerate(rows, start=2):
        code = row["crime_or_offence"]
        if code.startswith("all-"):
            continue
        if row["measure_type"] != "count" or row["area_type"] != "Local Authority":
            raise SystemExit(f"{path.name} row {number}: not a council-area count: {row}")
        period = _period(row["ref_period"])
        out.append(
            {
                "period": period,
                "force": row["area_name"],
                "offence_code": code,
                "count": int(row["value"]),
                "release": LONG_RELEASE,
            }
        )
    return out


def read_wide(path: Path) -> tuple[list[dict[str, object]], dict[str, str]]:
    """The 2022/23 file's leaf-category rows (council areas only), and its category labels."""
    with open(path, newline="", encoding="utf-8") as fh:
        table = [r for r in csv.reader(fh)]
    header = table[0]
    labels: dict[str, str] = {}
    columns: dict[int, str] = {}
    for i, name in enumerate(header[1:], start=1):
        if not name.strip():
            continue
        code = WIDE_RENAMES.get(slug(name), slug(name))
        if code.startswith("all-"):
            continue
        columns[i] = code
        labels[code] = name.split(":")[-1].strip()
    out: list[dict[str, object]] = []
    scotland: dict[str, int] = {}
    for row in table[1:]:
        area = row[0].strip()
        for i, code in columns.items():
            value = int(row[i])
            if area == "Scotland":
                scotland[code] = value
                continue
            out.append(
                {
                    "period": "2022/23",
                    "force": area,
                    "offence_code": code,
                    "count": value,
                    "release": WIDE_RELEASE,
                }
            )
    sums: dict[str, int] = {}
    for r in out:
        sums[str(r["offence_code"])] = sums.get(str(r["offence_code"]), 0) + int(str(r["count"]))
    wrong = {c: (scotland[c], sums.get(c)) for c in scotland if scotland[c] != sums.get(c)}
    if wrong:
        raise SystemExit(f"{path.name}: the Scotland row is not the sum of the areas: {wrong}")
    return out, labels


def build_scotland(sources: Path, out: Path) -> list[str]:
    """Write ``scotland.parquet``; return the council areas (for the reference list)."""
    folder = sources / "scotland-rcs"
    wide, labels = read_wide(folder / WIDE_FILE)
    rows = read_long(folder / LONG_FILE) + wide
    frame = pl.DataFrame(rows)
    # Drop each category's years before it was first recorded anywhere in Scotland.
    first = (
        frame.group_by("offence_code", "period")
        .agg(pl.col("count").sum())
        .filter(pl.col("count") != 0)
        .group_by("offence_code")
        .agg(first=pl.col("period").min())
    )
    frame = frame.join(first, on="offence_code", how="inner").filter(
        pl.col("period") >= pl.col("first")
    )
    slugs = sorted(frame.get_column("offence_code").unique().to_list())
    described = {c: describe(c, labels) for c in slugs}
    frame = frame.with_columns(
        code=pl.col("offence_code").replace_strict({c: short_code(c) for c in slugs})
    )
    frame = frame.select(
        dataset=pl.lit("scotland"),
        period=pl.col("period"),
        year=pl.col("period").str.slice(0, 4).cast(pl.Int16),
        quarter=pl.lit(None),
        force=pl.col("force"),
        offence_code=pl.col("code"),
        offence=pl.col("offence_code").replace_strict({c: d[0] for c, d in described.items()}),
        offence_group=pl.col("offence_code").replace_strict(
            {c: d[1] for c, d in described.items()}
        ),
        offence_subgroup=pl.col("offence_code").replace_strict(
            {c: d[2] for c, d in described.items()}
        ),
        count=pl.col("count"),
        release=pl.col("release"),
        source_url=pl.lit(SOURCE_URL),
        quote=pl.lit(None, dtype=pl.String),
        preferred=pl.lit(True),
    )
    frame = frame.cast(LONG_SCHEMA).sort("year", "force", "offence_code")
    frame.write_parquet(out / "scotland.parquet", compression="zstd", compression_level=19)
    return sorted(frame.get_column("force").unique().to_list())


# Names people use for a council area, beside the one the Scottish Government's tables use.
COUNCIL_AREA_ALIASES = {
    "Aberdeen City": "Aberdeen",
    "City of Edinburgh": "Edinburgh",
    "Dundee City": "Dundee",
    "Glasgow City": "Glasgow",
    "Na h-Eileanan Siar": "Western Isles;Eilean Siar;Comhairle nan Eilean Siar",
    "Orkney Islands": "Orkney",
    "Shetland Islands": "Shetland",
    "Scottish Borders": "Borders",
}


def council_area_rows(sources: Path) -> list[dict[str, str]]:
    """The 32 council areas as rows of ``forces.csv`` (territorial, region "Council area")."""
    with open(sources / "scotland-rcs" / LONG_FILE, newline="", encoding="utf-8") as fh:
        areas = sorted({row["area_name"] for row in csv.DictReader(fh)})
    return [
        {
            "force": area,
            "ons_code": "",
            "nation": "Scotland",
            "region": "Council area",
            "kind": "territorial",
            "aliases": COUNCIL_AREA_ALIASES.get(area, ""),
        }
        for area in areas
    ]
