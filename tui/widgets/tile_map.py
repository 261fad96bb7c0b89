"""The tile map (grid cartogram) of the 43 forces: one tile per force, its bin as glyph and shade.

Each tile shows the force's short label and its bin's glyph (``▁▂▃▅▇``, or the digits ``1``–``9`` in
ASCII), so the map reads without colour; with colour the tile is also shaded from the theme's
background to its primary colour. The highlighted tile is bracketed (``[KENT ▃]``) as well as
styled. Where there is room (120×40), each tile carries its value on a second line.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from tui.formatting import MISSING, fmt_count, fmt_pct, fmt_rate, safe_text
from tui.model.findings.tilemap import Tile, TileMap
from tui.widgets.theme_colours import theme_colour

UNICODE_GLYPHS = "▁▂▃▅▇"
"""Bin glyphs, lowest first (five bins; more bins fall back to digits)."""
GAP = 1
"""Blank columns between two tiles."""


def bin_glyph(bin_index: int | None, bins: int, ascii_only: bool) -> str:
    """The glyph of a bin (1 = lowest): a block height, or its digit in ASCII or beyond 5 bins."""
    if bin_index is None:
        return "-" if ascii_only else MISSING
    if ascii_only or bins > len(UNICODE_GLYPHS):
        return str(bin_index)
    return UNICODE_GLYPHS[bin_index - 1]


def fmt_value(measure: str, value: float | None, ascii_only: bool = False) -> str:
    """A tile's value as ``ox map`` prints it: a count, a rate or a % change."""
    if value is None:
        return "-" if ascii_only else MISSING
    if measure == "count":
        return fmt_count(int(value))
    if measure == "rate":
        return fmt_rate(value)
    return fmt_pct(value)


def tile_marks(tile: Tile, ascii_only: bool = False) -> str:
    """``~`` for a % change within chance variation and ``†`` (``r`` in ASCII) for one across
    releases, as Compare marks them."""
    return ("~" if tile.within_chance else "") + (
        ("r" if ascii_only else "†") if tile.crosses_releases else ""
    )


def tile_value(measure: str, tile: Tile, ascii_only: bool = False) -> str:
    """A tile's value with its marks (:func:`tile_marks`)."""
    return fmt_value(measure, tile.value, ascii_only) + tile_marks(tile, ascii_only)


def tile_label(tile: Tile, glyph: str, ascii_only: bool, marked: bool) -> str:
    """A tile's first line: its label, then (when ``marked``) its marks, then its bin's glyph:
    ``"KENT ▅"``, ``"CITY~▅"`` (six columns while the marks fit in the gap)."""
    marks = tile_marks(tile, ascii_only) if marked else ""
    return f"{safe_text(tile.label):<4}{marks or ' '}{glyph}"


class TileMapView(Widget):
    """Draws a :class:`TileMap` with one highlighted tile (the screen moves the highlight)."""

    DEFAULT_CSS = """
    TileMapView { width: auto; height: auto; text-wrap: nowrap; text-overflow: clip; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.tile_map: TileMap | None = None
        self.current: str | None = None
        self.ascii_only = False
        self.with_values = False

    def show(
        self, tile_map: TileMap, current: str | None, *, ascii_only: bool, with_values: bool
    ) -> None:
        """Draw ``tile_map`` with ``current`` (a force name) highlighted."""
        self.tile_map, self.current = tile_map, current
        self.ascii_only, self.with_values = ascii_only, with_values
        self.refresh(layout=True)

    def tile_width(self) -> int:
        """Columns of one tile: label, glyph, brackets (and the widest value, when shown)."""
        if self.tile_map is None:
            return 8
        widest = max(
            (len(tile_label(t, "x", self.ascii_only, True)) for t in self.tile_map.tiles),
            default=0,
        )
        if self.with_values:
            widest = max(
                widest,
                *(len(tile_value(self.tile_map.measure, t)) for t in self.tile_map.tiles),
            )
        return max(8, widest + 2)

    def get_content_width(self, container: object, viewport: object) -> int:
        if self.tile_map is None:
            return 1
        return self.tile_map.cols * (self.tile_width() + GAP) - GAP

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        if self.tile_map is None:
            return 1
        return self.tile_map.rows * (2 if self.with_values else 1)

    def bin_style(self, bin_index: int | None) -> Style:
        """A bin's colours: background blended from the surface towards primary by bin (the
        highest bin is primary itself), with contrasting text; muted text for no figure."""
        variables = self.app.theme_variables
        base = theme_colour(variables, "surface", "#1e1e1e")
        if bin_index is None or self.tile_map is None:
            return Style(color=theme_colour(variables, "foreground-muted", "#808080").rich_color)
        top = theme_colour(variables, "primary", "#0178d4")
        bins = max((b.index for b in self.tile_map.bins), default=1)
        background = base.blend(top, bin_index / bins)
        return Style(
            bgcolor=background.rich_color, color=background.get_contrast_text(1.0).rich_color
        )

    def render(self) -> Text:
        tile_map = self.tile_map
        if tile_map is None:
            return Text("")
        width = self.tile_width()
        bins = max((b.index for b in tile_map.bins), default=1)
        out = Text(no_wrap=True, overflow="crop")
        for row in range(tile_map.rows):
            for sub in range(2 if self.with_values else 1):
                for col in range(tile_map.cols):
                    if col:
                        out.append(" " * GAP)
                    tile = tile_map.at(row, col)
                    if tile is None:
                        out.append(" " * width)
                        continue
                    here = tile.force == self.current
                    if sub == 0:
                        glyph = bin_glyph(tile.bin, bins, self.ascii_only)
                        marked = not self.with_values  # else the value line carries them
                        label = tile_label(tile, glyph, self.ascii_only, marked)
                        inner = label.center(width - 2)
                    else:
                        value = tile_value(tile_map.measure, tile, self.ascii_only)
                        inner = value.rjust(width - 2)
                    left, right = ("[", "]") if here else (" ", " ")
                    style = self.bin_style(tile.bin)
                    if here:
                        style += Style(bold=True, underline=True, reverse=True)
                    out.append(f"{left}{inner}{right}", style=style)
                out.append("\n")
        out.right_crop(1)  # the last newline
        return out
