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
   forces of England and Wales) that rates per 100,000 use (``tui/model/data/population.py``).
3. ``homeoffice.parquet`` (the default): Home Office police recorded crime by force, financial
   year, quarter and offence from the single 23 Apr 2026 release (2012/13 to 2025/26 Q3), read from
   the shared Parquet copy of it; the three cells the copy turned from "N/a" into 0 are left out
   (``NOT_AVAILABLE``). ``homeoffice-2023-10.parquet``: the 19 Oct 2023 release (2012/13 to
   2023/24 Q1) from the shared tidy CSV. Each has a readable, diffable code-86 summary
   (``NAME_code86_by_force_year.csv``). A further dataset gets a ``build_NAME`` function of its own
   and a line in :func:`main`.
4. ``nspcc.parquet``: one row per distinct NSPCC figure (period, force, offence, release, count),
   with ``preferred`` marking the one figure the app shows by default; ``nspcc_sources.csv`` keeps
   every stated figure with its page and quote.
5. ``NAME.answers.json.gz`` for every bundled dataset: its file of the derived-data store
   (``tui/model/store/derived_store.py``): ``ox show FORCE`` for every force (default offence and
   all offences), the opening Forces table and every force's detail, computed ahead so the first
   question and the first frame on a fresh install need no Polars. A file is keyed by the SHA-256
   of its dataset, the reference files, ``SCHEMA_VERSION`` and the Polars version: after a change
   to what the model computes (bump ``SCHEMA_VERSION``), rebuild only these with
   ``python scripts/build_data.py --answers-only`` (``make answers``); ``make check-books``
   recomputes every shipped value and compares.
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

from build_scotland import build_scotland, council_area_rows  # noqa: E402

from tui.model.data.nspcc import HO_CITED_NATIONS, HO_CITED_RELEASE, NSPCC_OFFENCES  # noqa: E402
from tui.model.data.schema import LONG_SCHEMA  # noqa: E402

RELEASE_2026 = "2026-04-23"
RELEASE_2026_FILE = "prc-pfa_230426-release_2012-13_to_2025-26Q3.parquet"
RELEASE_2023_10 = "2023-10-19"
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
    rows.extend(council_area_rows(sources))
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


def write_homeoffice(frame: pl.DataFrame, out: Path, name: str) -> None:
    """Write one Home Office dataset (``NAME.parquet``) and its readable code-86 summary
    (``NAME_code86_by_force_year.csv``: each force's yearly sum and the quarters it covers)."""
    frame = frame.cast(LONG_SCHEMA).sort("year", "quarter", "force", "offence_code")
    frame.write_parquet(out / f"{name}.parquet", compression="zstd", compression_level=19)
    summary = (
        frame.filter(pl.col("offence_code") == "86")
        .group_by("period", "force")
        .agg(
            code86_offences=pl.col("count").sum(),
            quarters_present=pl.col("quarter").n_unique(),
        )
        .sort("period", "force")
    )
    summary.write_csv(out / f"{name}_code86_by_force_year.csv")


def homeoffice_rows(
    raw: pl.DataFrame, name: str, release: str, aliases: dict[str, str]
) -> pl.DataFrame:
    """The long schema from a frame with the columns ``financial_year, quarter, force,
    offence_code, offence_description, offence_group, offence_subgroup, count`` (text trimmed,
    force names canonical, float-artefact codes mended)."""
    names = {n: canonical(n, aliases) for n in raw.get_column("force").unique().to_list()}
    return raw.select(
        dataset=pl.lit(name),
        period=pl.col("financial_year"),
        year=pl.col("financial_year").str.slice(0, 4).cast(pl.Int16),
        quarter=pl.col("quarter").cast(pl.Int8),
        force=pl.col("force").replace_strict(names),
        offence_code=float_artefacts_mended(pl.col("offence_code").str.strip_chars()),
        offence=pl.col("offence_description").str.strip_chars(),
        offence_group=pl.col("offence_group").str.strip_chars(),
        offence_subgroup=pl.col("offence_subgroup").str.strip_chars(),
        count=pl.col("count"),
        release=pl.lit(release),
        source_url=pl.lit(HOMEOFFICE_URL),
        quote=pl.lit(None, dtype=pl.String),
        preferred=pl.lit(True),
    )


def build_homeoffice_2023_10(sources: Path, out: Path, aliases: dict[str, str]) -> None:
    """Write ``homeoffice-2023-10.parquet``: the 19 Oct 2023 release (2012/13 to 2023/24 Q1),
    from the shared tidy CSV (built from the RDS copy of that release). The tidy CSV's 2024/25
    rows come from another release and cover no territorial force, so they are left out."""
    raw = pl.read_csv(
        sources / "homeoffice-prc" / "prc_pfa_tidy.csv",
        schema_overrides={"offence_code": pl.String, "count": pl.Int64, "quarter": pl.Int64},
    )
    raw = raw.filter(pl.col("financial_year") != "2024/25")
    frame = homeoffice_rows(raw, "homeoffice-2023-10", RELEASE_2023_10, aliases)
    write_homeoffice(frame, out, "homeoffice-2023-10")


NOT_AVAILABLE = (
    # (financial year, quarter, force, offence code): cells that were "N/a" in the Home Office
    # file and were read as 0 by the third-party copy (see data/README.md, "Cells that were N/a").
    ("2025/26", 3, "Action Fraud", "AF"),
    ("2025/26", 3, "CIFAS", "CIFAS"),
    ("2025/26", 3, "UK Finance", "UK Finance"),
)
"""The copy turned 3 "N/a" cells into 0 without saying which. These three are the only zeros
that follow a quarter in the hundreds of thousands (the fraud bodies' figures for the release's
last quarter, October to December 2025, not yet supplied); they are left out, so the app shows
those bodies' 2025/26 as Q1-Q2 only instead of a count of 0."""


def build_homeoffice(sources: Path, out: Path, aliases: dict[str, str]) -> None:
    """Write ``homeoffice.parquet`` (the default dataset): the 23 Apr 2026 release, 2012/13 to
    2024/25 complete and 2025/26 Q1-Q3, from the shared Parquet copy of that release."""
    path = sources / "homeoffice-prc" / RELEASE_2026_FILE
    raw = pl.read_parquet(path)
    counts = raw.get_column("n")
    if counts.is_null().any() or (counts != counts.round()).any():
        raise SystemExit(f"build_data: {path}: column n holds a missing or fractional count")
    raw = raw.select(
        financial_year=pl.col("FY"),
        quarter=pl.col("Financial Quarter").cast(pl.Int64, strict=True),
        force=pl.col("Force"),
        offence_code=pl.col("Offence Code"),
        offence_description=pl.col("Offence Description"),
        offence_group=pl.col("Group"),
        offence_subgroup=pl.col("Offence Subgroup"),
        count=pl.col("n").cast(pl.Int64, strict=True),
    )
    frame = homeoffice_rows(raw, "homeoffice", RELEASE_2026, aliases)
    dropped = pl.DataFrame(
        NOT_AVAILABLE, schema=["period", "quarter", "force", "offence_code"], orient="row"
    ).cast({"quarter": pl.Int8})
    found = frame.join(dropped, on=["period", "quarter", "force", "offence_code"], how="semi")
    if found.height != len(NOT_AVAILABLE) or (found.get_column("count") != 0).any():
        raise SystemExit(f"build_data: {path}: the cells read from 'N/a' are not the expected 0s")
    frame = frame.join(dropped, on=["period", "quarter", "force", "offence_code"], how="anti")
    write_homeoffice(frame, out, "homeoffice")


def nspcc_offence_code(row: dict[str, str]) -> str:
    """The offence code for one NSPCC row.

    The 2025 release's England and Wales figures are Home Office recorded-crime counts, not FOI
    answers (see ``nspcc-foi/NOTES.md``), so they get a code of their own and never join the FOI
    series.
    """
    if row["release"] == HO_CITED_RELEASE and row["nation"] in HO_CITED_NATIONS:
        return "ho_cited"
    return row["offence"]


def source_kind(url: str) -> str:
    """``primary`` for the NSPCC's own pages, ``secondary`` for press reports of a release (no
    NSPCC page was found for most figures; see data/README.md)."""
    host = re.sub(r"^https?://", "", url.strip().lower()).split("/", 1)[0]
    return "primary" if host == "nspcc.org.uk" or host.endswith(".nspcc.org.uk") else "secondary"


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
                "source_kind": source_kind(row["source_url"]),
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
    """Write the derived-data store's file of every bundled dataset beside it."""
    from tui.model.data.catalogue import bundled_datasets
    from tui.model.data.dataset import load_dataset
    from tui.model.store.derived_build import write_file
    from tui.model.store.derived_store import shipped_file
    from tui.paths import bundled_data_dir

    if out.resolve() != bundled_data_dir().resolve():
        # A book is keyed by the reference files the app reads (those of the bundled folder).
        print(f"answer books not written: {out} is not the app's data folder")
        return 0
    for info in bundled_datasets(out):
        ds = load_dataset(info.name, data_dir=out)
        if not write_file(ds, shipped_file(ds.info)):
            print(f"cannot write the answer book of {info.name}", file=sys.stderr)
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
        help="only write the answer books (after SCHEMA_VERSION is bumped)",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.answers_only:
        return build_answer_books(args.out)
    aliases = build_forces(args.sources, args.out)
    build_population_series(args.sources, args.out, aliases)
    build_homeoffice(args.sources, args.out, aliases)
    build_homeoffice_2023_10(args.sources, args.out, aliases)
    build_nspcc(args.sources, args.out, aliases)
    build_scotland(args.sources, args.out)
    build_answer_books(args.out)
    for path in sorted(args.out.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
