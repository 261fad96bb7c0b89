"""The map view: a tile map (grid cartogram) of the 43 forces of England and Wales.

Each tile is a force's short label and its bin (glyph and shade) for the current measure: the count
in the latest full year, the % change between the Compare years, or the rate per 100,000 as
``ox map`` gives them. Arrow keys move between tiles, ``Enter`` opens the force's detail, ``m``
switches the measure; the status line names the highlighted force and its value.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.widgets import Static

from tui.model.data.catalogue import release_tag
from tui.model.data.names import short_force_name
from tui.model.data.years import nearest_pair
from tui.model.findings.reproduce import ViewSpec
from tui.model.findings.tilemap import TileMap, step
from tui.output.reports import Column, Report, dataset_lines
from tui.screens.base import ExplorerScreen, Followed, ForceChosen, ViewContext
from tui.widgets.cells import line, plain
from tui.widgets.keys_bar import KeysBar
from tui.widgets.status_line import StatusLine, whole_lines
from tui.widgets.tile_map import TileMapView, bin_glyph, fmt_value, tile_value

LEGEND_WIDTH = 26
"""Columns the legend needs beside the map."""
FIXED_LINES = 4
"""Rows that are not the map: the title and release lines, the status line and the footer."""
MEASURE_NAMES = {"count": "count", "change": "% change", "rate": "rate per 100,000"}
LIKE_HINT = "press L for like-for-like"
"""What a change against a partial year needs (the map's l moves east, as h j k move)."""
MAP_MEASURES = ("count", "change", "rate")
"""The order ``m`` goes through (``tui.model.findings.tilemap.MEASURES``)."""


def bin_span(measure: str, low: float | None, high: float | None, ascii_only: bool) -> str:
    """A bin's range as the legend gives it: ``499 to 693``, or one value when both are one."""
    low_text = fmt_value(measure, low, ascii_only)
    high_text = fmt_value(measure, high, ascii_only)
    return low_text if low_text == high_text else f"{low_text} to {high_text}"


class MapScreen(ExplorerScreen):
    """The 43 forces on a tile map, coloured and marked by bin."""

    BINDINGS = [
        Binding("escape,backspace", "back", "Back", id="map-back"),
        Binding("up,k", "move(-1, 0)", "North", show=False, id="map-up"),
        Binding("down,j", "move(1, 0)", "South", show=False, id="map-down"),
        Binding("left,h", "move(0, -1)", "West", show=False, id="map-left"),
        Binding("right,l", "move(0, 1)", "East", show=False, id="map-right"),
        Binding("enter", "open", "Open force", id="map-open"),
        Binding("m", "next_measure", "Measure", id="map-measure"),
        # Compare's l (here l moves east, as h j k do): the same quarters of both years.
        Binding("L", "toggle_like_for_like", "Like-for-like", show=False, id="map-lfl"),
        Binding(
            "w",
            "whole_lines",
            "Title, legend and status lines whole, in place of the tiles (w again: the tiles)",
            show=False,
            id="map-whole-lines",
        ),
    ]

    def __init__(
        self,
        context: ViewContext,
        years: tuple[int, int] | None = None,
        *,
        like_for_like: bool = False,
    ) -> None:
        super().__init__(id="map")
        self.context = context
        self.years = years
        """The Compare years a change is computed between (``None``: the Compare default)."""
        self.like_for_like = like_for_like
        """A change between the quarters both years have (Compare's like-for-like)."""
        self.measure = "count"
        self.tile_map: TileMap | None = None
        self.current: str | None = None

    def compose(self) -> ComposeResult:
        # Each line cut at a word with "…" (the title ended "(homeof…" at 80×24, the status line
        # was cut with no mark, and the legend lost its last lines below the map).
        yield StatusLine("Loading the map…", max_lines=2, id="map-title", classes="context")
        with Horizontal(id="map-body"):
            yield TileMapView(id="map-tiles")
            yield StatusLine("", id="map-legend", wrap=True)
        yield StatusLine("", id="map-status", classes="status")
        yield KeysBar()

    def on_mount(self) -> None:
        self._load()

    def follow_dataset(self, context: ViewContext) -> Followed:
        """The same map of the other dataset (a change between the nearest years it has)."""
        if self.years is not None:
            self.years = nearest_pair(self.years, context.dataset.coverage)
        return Followed(True)

    def set_context(self, context: ViewContext) -> None:
        """The map of another offence or option."""
        super().set_context(context)
        self._load()

    def _load(self) -> None:
        assert self.context is not None
        data, selection, measure, years, like = (
            self.context.data,
            self.context.selection,
            self.measure,
            self.years,
            self.like_for_like,
        )
        change = measure == "change"
        self.run_query(
            f"build the {MEASURE_NAMES[measure]} map",
            lambda: data.tile_map(measure, selection, years if change else None, like and change),
            self._ready,
            group="tile-map",
        )

    def show_failure(self, message: str) -> None:
        self.query_one("#map-status", Static).update(line((message, "bold")))

    def _ready(self, tile_map: TileMap) -> None:
        self.tile_map = tile_map
        if self.current is None or tile_map.tile(self.current) is None:
            self.current = tile_map.tiles[0].force if tile_map.tiles else None
        info = self.context.dataset.info if self.context is not None else None
        tag = release_tag(info) if info is not None else ""
        # Why no tile has a change, first on the line under the title (before the release).
        why = f"⚠ no change: {tile_map.no_change}: {LIKE_HINT}" if tile_map.no_change else ""
        if why and self.context is not None and self.context.ascii_only:
            why = "!" + why[1:]
        under = " · ".join(t for t in (why, tag) if t)
        self.query_one("#map-title", Static).update(
            line(
                (tile_map.title, "bold"),
                ("\n" + under) if under else "",
            )
        )
        self._draw()

    # ---------------------------------------------------------------- drawing

    def _draw(self) -> None:
        if self.tile_map is None or self.context is None:
            return
        view = self.query_one(TileMapView)
        tile_map = self.tile_map
        with_values = self._room_for_values(tile_map)
        view.show(
            tile_map, self.current, ascii_only=self.context.ascii_only, with_values=with_values
        )
        self._show_legend(with_values)
        self._show_status()

    def _room_for_values(self, tile_map: TileMap) -> bool:
        """Two-line tiles (label, then value) when the screen has the rows and columns."""
        widest = max((len(tile_value(tile_map.measure, t)) for t in tile_map.tiles), default=0)
        map_width = tile_map.cols * (max(8, widest + 2) + 1)
        return (
            self.size.height >= tile_map.rows * 2 + FIXED_LINES
            and self.size.width >= map_width + LEGEND_WIDTH
        )

    def _show_legend(self, with_values: bool) -> None:
        """The legend beside the map where the columns allow; else below it, as many of its
        lines as the rows allow (the bins first); else not at all (the status line then gives
        the highlighted tile's bin and its range)."""
        assert self.tile_map is not None and self.context is not None
        tile_map, ascii_only = self.tile_map, self.context.ascii_only
        view = self.query_one(TileMapView)
        bins = max((b.index for b in tile_map.bins), default=1)
        lines = [Text("Bins (quantiles)", style="bold")]
        for b in reversed(tile_map.bins):
            entry = Text()
            entry.append(f" {bin_glyph(b.index, bins, ascii_only)} ", style=view.bin_style(b.index))
            entry.append(f" {bin_span(tile_map.measure, b.low, b.high, ascii_only)} ({b.forces})")
            lines.append(entry)
        glyph = bin_glyph(None, bins, ascii_only)
        if tile_map.no_change:
            # The years' fault, not the forces': never "no figure" for all 43 (issue 20).
            lines.append(Text(f" {glyph}  no change: {tile_map.no_change}"))
            lines.append(Text(f" {LIKE_HINT}", style="bold"))
        elif tile_map.missing:
            lines.append(Text(f" {glyph}  no figure ({len(tile_map.missing)})"))
        key_lines = len(lines)  # the title and the bins: the lines that must not wrap
        for note in tile_map.notes:
            lines.append(plain(note.replace("†", "r") if ascii_only else note, style="dim"))
        legend = self.query_one("#map-legend", StatusLine)
        hints = ("w the tiles",) if legend.whole else ("arrows move", "Enter detail", "m measure")
        lines += [plain(hint, style="dim") for hint in hints]
        map_width = tile_map.cols * (view.tile_width() + 1) + 3  # its margin and the padding
        beside = self.size.width >= map_width + max(len(entry.plain) for entry in lines[:key_lines])
        room_below = self.size.height - FIXED_LINES - tile_map.rows * (2 if with_values else 1)
        # w: every line whole, in place of the tiles (below them, it would be pushed off screen).
        view.display = not legend.whole
        beside = beside and not legend.whole
        self.query_one("#map-body").set_class(not beside, "-stacked")
        # As many lines as there is room for, the last cut at a word with "…" if need be.
        legend.max_lines = max(1, self.size.height - FIXED_LINES if beside else room_below)
        legend.display = beside or room_below >= key_lines or legend.whole
        legend.update(Text("\n").join(lines))

    def _show_status(self) -> None:
        assert self.tile_map is not None and self.context is not None
        tile = self.tile_map.tile(self.current) if self.current else None
        if tile is None:
            self.query_one("#map-status", Static).update("")
            return
        ascii_only = self.context.ascii_only
        value = tile_value(self.tile_map.measure, tile, ascii_only)
        bins = max((b.index for b in self.tile_map.bins), default=1)
        where = "no figure"
        if tile.bin is not None:
            where = f"bin {tile.bin} of {bins}"
            found = [b for b in self.tile_map.bins if b.index == tile.bin]
            if found and not self.query_one("#map-legend").display:
                span = bin_span(self.tile_map.measure, found[0].low, found[0].high, ascii_only)
                where += f" ({span})"
        if tile.within_chance:
            where += " · within chance variation"
        if tile.crosses_releases:
            where += " · across releases"
        name = short_force_name(tile.force)
        said: tuple[str | tuple[str, str], ...] = ((value, "bold"), f" · {where}")
        if self.tile_map.no_change:  # why no tile has a change, and the key that gives one
            said = (f"no change: {self.tile_map.no_change} · ", (LIKE_HINT, "bold"))
        self.query_one("#map-status", Static).update(
            line((name, "bold"), f" ({tile.label}): ", *said)
        )

    @on(Resize)
    def _resized(self) -> None:
        self._draw()

    # ---------------------------------------------------------------- actions

    def action_back(self) -> None:
        """Back to the previous view."""
        self.dismiss(None)

    def action_move(self, drow: int, dcol: int) -> None:
        """Move the highlight to the nearest tile in a direction (north is up)."""
        if self.tile_map is None or self.current is None:
            return
        found = step(self.tile_map, self.current, drow, dcol)
        if found is not None:
            self.current = found.force
            self._draw()

    def action_open(self) -> None:
        """Open the highlighted force's detail."""
        if self.current is not None:
            self.post_message(ForceChosen(self.current))

    def action_toggle_like_for_like(self) -> None:
        """A change between the quarters both years have, or between the years as they are."""
        self.like_for_like = not self.like_for_like
        if self.measure == "change":
            self._load()
        else:
            state = "on" if self.like_for_like else "off"
            self.notify(f"Like-for-like {state}: it applies to the % change (m).", timeout=4)

    def action_whole_lines(self) -> None:
        """The title, the legend and its notes and the status line whole, wrapped, in place of
        the tiles; or (again) the tiles, with each line cut at a word with "…"."""
        whole_lines(self)
        self._draw()

    def action_next_measure(self) -> None:
        """Count, then % change between the Compare years, then rate per 100,000."""
        i = MAP_MEASURES.index(self.measure)
        self.measure = MAP_MEASURES[(i + 1) % len(MAP_MEASURES)]
        self._load()

    # ---------------------------------------------------------------- export and copy

    def report(self) -> Report | None:
        """One record per tile, as ``ox map -f json``."""
        if self.tile_map is None or self.context is None:
            return None
        tile_map = self.tile_map
        records: list[dict[str, object]] = [
            {
                "force": t.force,
                "label": t.label,
                "row": t.row,
                "col": t.col,
                "value": t.value,
                "bin": t.bin,
            }
            for t in tile_map.tiles
        ]
        columns = [
            Column("force", "Force"),
            Column("label", "Label"),
            Column("row", "Row", numeric=True),
            Column("col", "Col", numeric=True),
            Column(
                "value",
                MEASURE_NAMES[tile_map.measure],
                lambda v: fmt_value(
                    tile_map.measure, float(v) if isinstance(v, (int, float)) else None
                ),
                numeric=True,
            ),
            Column("bin", "Bin", numeric=True),
        ]
        return Report(
            tile_map.title,
            columns,
            records,
            dataset_lines(self.context.dataset.info),
            list(tile_map.notes),
        )

    def export_stem(self) -> str:
        assert self.context is not None
        return f"map-{self.measure}-{self.context.dataset.name}-{self.context.selection.key}"

    def view_spec(self) -> ViewSpec | None:
        """The map as ``ox map`` prints it: the measure, its year (or two), offence and dataset."""
        if self.context is None or self.tile_map is None:
            return None
        return ViewSpec(
            "map",
            self.context.dataset.name,
            self.context.selection.key,
            years=self.tile_map.years,
            measure=self.tile_map.measure,
            like_for_like=self.tile_map.like_for_like,
        )
