"""Build the bundled datasets in ``data/`` from the sources in ``../shared/data-sources/``.

Run it from the project root (it needs polars, which the app already depends on)::

    python scripts/build_data.py [--sources ../shared/data-sources]

Every file in ``data/`` that holds figures is written by this script, so anyone can see how each one
was made. ``data/README.md`` describes the results, their provenance and their licences.

What it does, in order:

1. ``forces.csv``: the reference list of forces (ONS code, nation, region, aliases) plus a ``kind``
   column, the national fraud bodies that appear in the Home Office tables, and the area labels that
   the NSPCC figures use for stated totals and combined forces.
2. ``population_series.csv``: the one consistent ONS mid-year series (mid-2012..mid-2024, 43
   forces of England and Wales) that rates per 100,000 use (``tui/model/population.py``).
3. ``homeoffice.parquet``: Home Office police recorded crime by force, financial year, quarter and
   offence from the single Oct 2023 release (2012/13 to 2023/24 Q1). The 2024/25 rows of the tidy
   source come from another release and cover no territorial force, so they are left out.
   ``homeoffice_code86_by_force_year.csv`` is a readable, diffable summary of code 86.
4. ``nspcc.parquet``: one row per distinct NSPCC figure (period, force, offence, release, count),
   with ``preferred`` marking the one figure the app shows by default; ``nspcc_sources.csv`` keeps
   every stated figure with its page and quote.
5. ``homeoffice.answers.json.gz`` and ``nspcc.answers.json.gz``: the answer books, ``ox show FORCE``
   computed ahead for every force of each dataset (default offence and all offences), so the first
   question on a fresh install needs no Polars (``tui/model/answer_book.py``). A book is keyed by
   the SHA-256 of its dataset, the reference files, ``SCHEMA_VERSION`` and the Polars version:
   after a change to what the model computes (bump ``SCHEMA_VERSION``), rebuild only these with
   ``python scripts/build_data.py --answers-only`` (``make answers``).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.model.nspcc import HO_CITED_NATIONS, HO_CITED_RELEASE, NSPCC_OFFENCES  # noqa: E402
from tui.model.schema import LONG_SCHEMA  # noqa: E402

HOMEOFFICE_RELEASE = "2023-10-19"
HOMEOFFICE_URL = "https://www.gov.uk/government/statistics/police-recorded-crime-open-data-tables"

FRAUD_BODIES = [
    # force, nation, region, aliases
    ("Action Fraud", "England and Wales", "National fraud body", "ActionFraud"),
    ("CIFAS", "United Kingdom", "National fraud body", "Cifas"),
    ("UK Finance", "United Kingdom", "National fraud body", "Financial Fraud Action UK;FFA UK"),
]

# Short forms that people type and that UK press and police use; added to the reference aliases.
COMMON_ABBREVIATIONS = {
    "Metropolitan Police": "Met;Met Police;MPS;Greater London",
    "Greater Manchester": "GMP",
    "Thames Valley": "TVP",
    "Northamptonshire": "Northants",
    "Nottinghamshire": "Notts",
    "Leicestershire": "Leics",
    "Lincolnshire": "Lincs",
    "Hertfordshire": "Herts",
    "Bedfordshire": "Beds",
    "Cambridgeshire": "Cambs",
    "Gloucestershire": "Glos",
    "Hampshire": "Hants",
    "Wiltshire": "Wilts",
    "Staffordshire": "Staffs",
    "Warwickshire": "Warks",
    "Derbyshire": "Derbys",
}

NSPCC_AREAS = [
    # force, nation, kind, aliases
    ("UK total", "United Kingdom", "stated_total", "UK;United Kingdom"),
    ("England and Wales total", "England and Wales", "stated_total", "England and Wales;E&W"),
    ("Wales total", "Wales", "stated_total", ""),
    ("Yorkshire and the Humber total", "England", "regional_total", ""),
    ("North West total", "England", "regional_total", ""),
    ("South East total", "England", "regional_total", ""),
    ("South West total", "England", "regional_total", ""),
    ("Yorkshire (as stated by Metro)", "England", "combined", ""),
    (
        "Avon and Somerset + Gloucestershire + Wiltshire (combined as stated)",
        "England",
        "combined",
        "",
    ),
    (
        "West Midlands + Staffordshire + Warwickshire + West Mercia (combined as stated)",
        "England",
        "combined",
        "",
    ),
]

FY_RE = re.compile(r"^(\d{4})/(\d{2})$")


def build_forces(sources: Path, out: Path) -> dict[str, str]:
    """Write ``forces.csv`` and return a lower-cased alias → canonical name map."""
    rows: list[dict[str, str]] = []
    with open(sources / "reference" / "forces.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            nation = row["nation"]
            kind = "non_area" if row["force"] == "British Transport Police" else "territorial"
            extra = COMMON_ABBREVIATIONS.get(row["force"])
            aliases = ";".join(a for a in (row["aliases"], extra) if a)
            rows.append({**row, "nation": nation, "kind": kind, "aliases": aliases})
    for force, nation, region, aliases in FRAUD_BODIES:
        rows.append(
            {
                "force": force,
                "ons_code": "",
                "nation": nation,
                "region": region,
                "kind": "fraud_body",
                "aliases": aliases,
            }
        )
    for force, nation, kind, aliases in NSPCC_AREAS:
        rows.append(
            {
                "force": force,
                "ons_code": "",
                "nation": nation,
                "region": "",
                "kind": kind,
                "aliases": aliases,
            }
        )
    fields = ["force", "ons_code", "nation", "region", "kind", "aliases"]
    with open(out / "forces.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row[k] for k in fields})
    aliases: dict[str, str] = {}
    for row in rows:
        names = [row["force"], *[a for a in row["aliases"].split(";") if a]]
        for name in names:
            aliases[name.lower()] = row["force"]
    return aliases


def canonical(name: str, aliases: dict[str, str]) -> str:
    """Map a force name through the aliases; fail loudly on a name we do not know."""
    try:
        return aliases[name.strip().lower()]
    except KeyError:
        raise SystemExit(
            f"build_data: unknown force name {name!r}; add it to the aliases"
        ) from None


def build_population_series(sources: Path, out: Path, aliases: dict[str, str]) -> None:
    """Write ``population_series.csv`` from ``reference/pfa_population_series.csv``.

    Names are made canonical and rows sorted by year then force, so a rebuild from the same source
    writes the same bytes. Every force in the source must be known and every (force, year) must
    appear once, with a positive whole number of people.
    """
    path = sources / "reference" / "pfa_population_series.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    seen: set[tuple[str, int]] = set()
    written: list[tuple[int, str, int, str]] = []
    for line, row in enumerate(rows, start=2):
        force = canonical(row["force"], aliases)
        year, population = int(row["year"]), int(row["population"])
        if population <= 0 or (force, year) in seen:
            raise SystemExit(f"build_data: {path}, row {line}: bad or repeated population")
        seen.add((force, year))
        written.append((year, force, population, row["source"]))
    with open(out / "population_series.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["force", "year", "population", "source"])
        for year, force, population, source in sorted(written):
            writer.writerow([force, year, population, source])


def float_artefacts_mended(code: pl.Expr) -> pl.Expr:
    """``37.200000000000003`` → ``37.2``: the source's 2012/13 rows carry a few codes that went
    through a binary float, which would split one offence's series in two. Only such long
    decimals are touched, so ``4.10`` (Corporate manslaughter) stays apart from ``4.1``."""
    return (
        pl.when(code.str.contains(r"^\d+\.\d{10,}$"))
        .then(code.cast(pl.Float64).round(6).cast(pl.String))
        .otherwise(code)
    )


def build_homeoffice(sources: Path, out: Path, aliases: dict[str, str]) -> None:
    """Write ``homeoffice.parquet`` and its code-86 summary."""
    raw = pl.read_csv(
        sources / "homeoffice-prc" / "prc_pfa_tidy.csv",
        schema_overrides={"offence_code": pl.String, "count": pl.Int64, "quarter": pl.Int64},
    )
    raw = raw.filter(pl.col("financial_year") != "2024/25")
    names = {n: canonical(n, aliases) for n in raw.get_column("force").unique().to_list()}
    frame = raw.select(
        dataset=pl.lit("homeoffice"),
        period=pl.col("financial_year"),
        year=pl.col("financial_year").str.slice(0, 4).cast(pl.Int16),
        quarter=pl.col("quarter").cast(pl.Int8),
        force=pl.col("force").replace_strict(names),
        offence_code=float_artefacts_mended(pl.col("offence_code")),
        offence=pl.col("offence_description"),
        offence_group=pl.col("offence_group"),
        offence_subgroup=pl.col("offence_subgroup"),
        count=pl.col("count"),
        release=pl.lit(HOMEOFFICE_RELEASE),
        source_url=pl.lit(HOMEOFFICE_URL),
        quote=pl.lit(None, dtype=pl.String),
        preferred=pl.lit(True),
    )
    frame = frame.cast(LONG_SCHEMA).sort("year", "quarter", "force", "offence_code")
    frame.write_parquet(out / "homeoffice.parquet", compression="zstd", compression_level=19)
    summary = (
        frame.filter(pl.col("offence_code") == "86")
        .group_by("period", "force")
        .agg(
            code86_offences=pl.col("count").sum(),
            quarters_present=pl.col("quarter").n_unique(),
        )
        .sort("period", "force")
    )
    summary.write_csv(out / "homeoffice_code86_by_force_year.csv")


def nspcc_offence_code(row: dict[str, str]) -> str:
    """The offence code for one NSPCC row.

    The 2025 release's England and Wales figures are Home Office recorded-crime counts, not FOI
    answers (see ``nspcc-foi/NOTES.md``), so they get a code of their own and never join the FOI
    series.
    """
    if row["release"] == HO_CITED_RELEASE and row["nation"] in HO_CITED_NATIONS:
        return "ho_cited"
    return row["offence"]


def build_nspcc(sources: Path, out: Path, aliases: dict[str, str]) -> None:
    """Write ``nspcc.parquet`` (one row per distinct figure) and ``nspcc_sources.csv``."""
    with open(sources / "nspcc-foi" / "nspcc_foi_by_force.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    stated: list[dict[str, object]] = []
    for row in rows:
        code = nspcc_offence_code(row)
        period = row["financial_year"].strip()
        match = FY_RE.match(period)
        stated.append(
            {
                "period": period,
                "year": int(match.group(1)) if match else None,
                "force": canonical(row["force"], aliases),
                "offence_code": code,
                "release": row["release"],
                "count": int(row["count"]),
                "source_url": row["source_url"],
                "quote": row["quote"],
            }
        )
    sources_frame = pl.DataFrame(stated)
    sources_frame.write_csv(out / "nspcc_sources.csv")

    # One figure per (period, force, offence, release, count): the same number on several pages is
    # one figure with several sources. Prefer an nspcc.org.uk page as the figure's main source.
    figures = (
        sources_frame.with_columns(
            official=pl.col("source_url").str.contains("nspcc.org.uk", literal=True),
            order=pl.int_range(pl.len()),
        )
        .sort("official", "order", descending=[True, False])
        .group_by(
            "period", "year", "force", "offence_code", "release", "count", maintain_order=True
        )
        .agg(pl.col("source_url").first(), pl.col("quote").first(), pl.col("order").min())
    )
    # The figure shown by default: the earliest NSPCC release that states one for this cell (the
    # original FOI answer). Non-NSPCC cross-checks are kept but never preferred.
    figures = figures.with_columns(
        rank_key=pl.when(pl.col("release").str.starts_with("non-NSPCC"))
        .then(pl.lit("9999"))
        .otherwise(pl.col("release"))
    ).sort("rank_key", "order")
    figures = figures.with_columns(
        preferred=pl.int_range(pl.len()).over("period", "force", "offence_code") == 0
    )
    descriptions = pl.DataFrame(
        {
            "offence_code": list(NSPCC_OFFENCES),
            "offence": [v[0] for v in NSPCC_OFFENCES.values()],
            "offence_group": [v[1] for v in NSPCC_OFFENCES.values()],
            "offence_subgroup": [v[2] for v in NSPCC_OFFENCES.values()],
        }
    )
    frame = figures.join(descriptions, on="offence_code", how="left", validate="m:1").select(
        dataset=pl.lit("nspcc"),
        period=pl.col("period"),
        year=pl.col("year"),
        quarter=pl.lit(None),
        force=pl.col("force"),
        offence_code=pl.col("offence_code"),
        offence=pl.col("offence"),
        offence_group=pl.col("offence_group"),
        offence_subgroup=pl.col("offence_subgroup"),
        count=pl.col("count"),
        release=pl.col("release"),
        source_url=pl.col("source_url"),
        quote=pl.col("quote"),
        preferred=pl.col("preferred"),
    )
    frame = frame.cast(LONG_SCHEMA).sort("force", "period", "offence_code", "release")
    frame.write_parquet(out / "nspcc.parquet", compression="zstd")


def build_answer_books(out: Path) -> int:
    """Write the answer book of every bundled dataset beside it (``ox show`` without Polars)."""
    from tui.model.answer_book import shipped_book
    from tui.model.answer_book_build import write_book
    from tui.model.dataset import load_dataset
    from tui.paths import bundled_data_dir

    if out.resolve() != bundled_data_dir().resolve():
        # A book is keyed by the reference files the app reads (those of the bundled folder).
        print(f"answer books not written: {out} is not the app's data folder")
        return 0
    for name in ("homeoffice", "nspcc"):
        ds = load_dataset(name, data_dir=out)
        if not write_book(ds, shipped_book(ds.info)):
            print(f"cannot write the answer book of {name}", file=sys.stderr)
            return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Build every bundled data file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sources",
        type=Path,
        default=ROOT.parent / "shared" / "data-sources",
        help="folder with homeoffice-prc/, nspcc-foi/ and reference/",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "data")
    parser.add_argument(
        "--answers-only",
        action="store_true",
        help="only write the answer books (after a change to tui/model)",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.answers_only:
        return build_answer_books(args.out)
    aliases = build_forces(args.sources, args.out)
    build_population_series(args.sources, args.out, aliases)
    build_homeoffice(args.sources, args.out, aliases)
    build_nspcc(args.sources, args.out, aliases)
    build_answer_books(args.out)
    for path in sorted(args.out.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
