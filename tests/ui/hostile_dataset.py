"""A small imported dataset whose names are markup, formulas and escapes (the monkey types at
it beside the bundled ones)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_dataset

HOSTILE = "hostile"

HOSTILE_FORCES = (
    "Kent",
    "[@click=app.quit]Click me",
    '=HYPERLINK("http://example.invalid","x")',
    "[/]",
    "[bold]Bold[/bold] \\[x]",
    "\x1b[31mRed\x1b[0m \x9b2J",
    "Evil\u202etxt.exe",
    "Very long force name " * 8,
    "🚓 Police ✓",
)
HOSTILE_OFFENCES = (
    ("1", "[red]Murder[/red]", "[/]"),
    ("=2", "=SUM(A1:A9)", "@group"),
    ("3[", "Zero everywhere", "+plus"),
)


def hostile_rows() -> list[dict[str, object]]:
    """A small dataset whose force, offence and group names are markup, formulas and escapes;
    one offence is 0 in every force and year, one year is missing for some forces."""
    rows: list[dict[str, object]] = []
    for f, force in enumerate(HOSTILE_FORCES):
        for code, offence, group in HOSTILE_OFFENCES:
            for year in (2019, 2020, 2021):
                if f % 3 == 1 and year == 2020:
                    continue
                count = 0 if code == "3[" else (f + 1) * (year - 2017) * len(code)
                rows.append(
                    {
                        "force": force,
                        "offence_code": code,
                        "offence": offence,
                        "offence_group": group,
                        "offence_subgroup": f"{group} [sub]",
                        "year": year,
                        "count": count,
                    }
                )
    return rows


def write_hostile(store: Path) -> None:
    """(Re)write the hostile dataset into the store (a monkey may have removed it)."""
    write_dataset(store, HOSTILE, hostile_rows(), title="[@click=app.quit]CLICK.csv [/]")
