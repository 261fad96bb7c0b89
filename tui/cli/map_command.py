"""``ox map``: the tile map of the 43 forces of England and Wales, as text, JSON or CSV.

The text map prints each force's short label with the number of its bin (1 = lowest values) and a
legend of the bins' ranges, so it reads without colour. Bins are digits; a force without a figure
shows "—" (or "-" with ``--ascii``, which makes the whole output plain ASCII).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import textwrap
from typing import IO

from tui.formatting import MISSING, fmt_count, fmt_pct, fmt_rate, forces_count, safe_text
from tui.model.data.catalogue import DEFAULT_DATASET
from tui.model.data.dataset import load_dataset
from tui.model.data.years import parse_year
from tui.model.figures.selection import pick_offence
from tui.model.findings.map_measures import map_values
from tui.model.findings.tilemap import TileMap
from tui.output import render
from tui.output.reports import Column, Report

TILE_GAP = "  "
"""Between two tiles: a tile is ``LABL 3`` (6 columns), so 6 columns of tiles take 46 columns."""


def fmt_value(measure: str, value: float | None, ascii_only: bool = False) -> str:
    """A tile's value as the CLI and the TUI show it: a count, a rate or a % change."""
    if value is None:
        return "-" if ascii_only else MISSING
    if measure == "count":
        return fmt_count(int(value))
    if measure == "rate":
        return fmt_rate(value)
    return fmt_pct(value)


def render_text(tile_map: TileMap, ascii_only: bool = False) -> str:
    """The map as lines of text: a title, the grid of tiles, the legend and the notes."""
    missing = "-" if ascii_only else MISSING
    lines = [*_wrap(safe_text(tile_map.title), "  "), ""]
    for row in range(tile_map.rows):
        cells = []
        for col in range(tile_map.cols):
            tile = tile_map.at(row, col)
            if tile is None:
                cells.append(" " * 6)
            else:
                mark = missing if tile.bin is None else str(tile.bin)
                cells.append(f"{safe_text(tile.label):<4} {mark}")
        lines.append(TILE_GAP.join(cells).rstrip())
    if tile_map.no_change:
        # The years' fault, not the forces': never "no figure" for every force (issue 20).
        why = f"{missing}  no change computed: {tile_map.no_change}: use --like-for-like"
        lines += ["", *_wrap(why, "   ")]
    else:
        lines += ["", "Bins (quantiles of the forces with a figure; 1 = lowest):"]
    lows = [fmt_value(tile_map.measure, b.low, ascii_only) for b in tile_map.bins]
    highs = [fmt_value(tile_map.measure, b.high, ascii_only) for b in tile_map.bins]
    wide_low, wide_high = max(map(len, lows), default=0), max(map(len, highs), default=0)
    for b, low, high in zip(tile_map.bins, lows, highs):
        span = f"{low:>{wide_low}} to {high:>{wide_high}}"
        lines.append(f"  {b.index}  {span}  ({forces_count(b.forces)})")
    if not tile_map.bins and not tile_map.no_change:
        lines.append("  (no force has a figure)")
    if tile_map.missing and not tile_map.no_change:
        names = "; ".join(safe_text(f) for f in tile_map.missing)
        lines += _wrap(f"  {missing}  no figure: {names}", "     ")
    within = [t.label for t in tile_map.tiles if t.within_chance]
    if within:
        lines += _wrap(f"  ~  within chance variation: {', '.join(within)}", "     ")
    across = [t.label for t in tile_map.tiles if t.crosses_releases]
    if across:
        mark = "r" if ascii_only else "†"
        lines += _wrap(f"  {mark}  across releases: {', '.join(across)}", "     ")
    for note in tile_map.notes:
        note = note.replace("†", "r") if ascii_only else note
        lines += _wrap(f"Note: {safe_text(note)}", "      ")
    text = "\n".join(lines) + "\n"
    return text.encode("ascii", "replace").decode("ascii") if ascii_only else text


def _wrap(text: str, indent: str) -> list[str]:
    """Lines of at most 80 columns (the map is read in an 80-column terminal)."""
    return textwrap.wrap(text, width=80, subsequent_indent=indent, break_on_hyphens=False)


def records(tile_map: TileMap) -> list[dict[str, object]]:
    """One flat record per tile: ``force, label, row, col, value, bin, within_chance,
    crosses_releases`` (fractions to 2 places; ``within_chance`` is empty but for a % change that
    was tested)."""
    return [
        {
            "force": t.force,
            "label": t.label,
            "row": t.row,
            "col": t.col,
            "value": round(t.value, 2) if isinstance(t.value, float) else t.value,
            "bin": t.bin,
            "within_chance": t.within_chance,
            "crosses_releases": t.crosses_releases,
        }
        for t in tile_map.tiles
    ]


def tiles_report(tile_map: TileMap) -> Report:
    """The tiles as a table, one row per force in map order, with the map's notes."""

    def value(v: object) -> str:
        return MISSING if v is None else f"{v:,.2f}" if isinstance(v, float) else f"{v:,}"

    def flag(v: object) -> str:
        return "" if v is None else "yes" if v else "no"

    columns = [
        Column("force", "Force"),
        Column("label", "Tile"),
        Column("value", "Value", fmt=value, numeric=True),
        Column("bin", "Bin", fmt=value, numeric=True),
        Column("within_chance", "Within chance", fmt=flag),
        Column("crosses_releases", "Crosses releases", fmt=flag),
    ]
    report = Report(tile_map.title, columns, records(tile_map), notes=list(tile_map.notes))
    return report


def to_csv(tile_map: TileMap) -> str:
    """The tiles as CSV (cells made safe for spreadsheets); a missing value is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    rows = records(tile_map)
    keys = ["force", "label", "row", "col", "value", "bin", "within_chance", "crosses_releases"]
    writer.writerow(keys)
    for rec in rows:
        writer.writerow([_csv_cell(rec[k]) for k in keys])
    return out.getvalue()


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    text = safe_text(value)
    # A cell that starts with a formula character is kept as text by spreadsheets.
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Run ``ox map``; model errors propagate to :func:`tui.cli.main`."""
    if args.years is not None and args.measure != "change":
        err.write("ox: error: --years goes with --measure change (use --year for one year)\n")
        return 2
    if args.like_for_like and args.measure != "change":
        err.write("ox: error: --like-for-like goes with --measure change\n")
        return 2
    if args.year is not None and args.measure == "change":
        err.write("ox: error: a change needs two years: --years A B\n")
        return 2
    if not 1 <= args.bins <= 9:
        err.write("ox: error: --bins must be between 1 and 9\n")
        return 2
    ds = load_dataset(args.dataset or DEFAULT_DATASET)
    selection = pick_offence(ds, args.offence)
    year = parse_year(args.year) if args.year is not None else None
    years = (parse_year(args.years[0]), parse_year(args.years[1])) if args.years else None
    tile_map = map_values(
        ds,
        args.measure,
        selection,
        year=year,
        years=years,
        bins=args.bins,
        like_for_like=args.like_for_like,
    )
    for warning in tile_map.warnings:
        err.write(f"ox: warning: {safe_text(warning)}\n")
    ascii_only = bool(args.map_ascii or getattr(args, "ascii", False))
    if args.format == "json":
        out.write(json.dumps(records(tile_map), ensure_ascii=ascii_only, indent=2) + "\n")
    elif args.format == "csv":
        out.write(to_csv(tile_map))
    elif args.format in ("table", "markdown"):
        render.write(tiles_report(tile_map), args.format, out)
    else:
        out.write(render_text(tile_map, ascii_only))
    return 0
