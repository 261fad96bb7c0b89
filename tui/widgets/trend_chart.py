"""A plotext chart of one force's series, by year or by quarter, with the national trend for scale.

Plots through the widget's own ``plt`` (never the global plotext module, whose figure is shared),
and replots when the theme changes so its colours follow the theme.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from textual_plotext import PlotextPlot

from tui.widgets.event_marks import place_marks

NationalMode = Literal["off", "index", "overlay"]
NATIONAL_MODES: tuple[NationalMode, ...] = ("off", "index", "overlay")


@dataclass(frozen=True)
class ChartSeries:
    """What to draw: labels along the x axis, the force's values and the national values."""

    labels: tuple[str, ...]
    values: tuple[float | None, ...]
    name: str
    national: tuple[float | None, ...] = ()
    national_name: str = ""
    y_label: str = ""
    index_base: str = "first year"
    """With ``y_label`` "index": the point that is 100 ("first quarter (2012/13 Q1)")."""
    marks: tuple[tuple[int, str], ...] = ()
    """Recording events: (x position from 1, label such as ``"E1"``), drawn as vertical lines."""


def short_label(label: str) -> str:
    """``"2017/18"`` → ``"17/18"``; ``"2017/18 Q2"`` → ``"17/18 Q2"``."""
    return label[2:] if len(label) >= 7 and label[:4].isdigit() else label


def nice_ticks(lo: float, hi: float, count: int = 5, min_step: float = 0.0) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten, at least ``min_step`` apart)."""
    if hi <= lo:
        return [lo]
    raw = (hi - lo) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(step, min_step)
    start = math.floor(lo / step) * step
    ticks = []
    value = start
    while value <= hi + step / 2:
        if value >= lo - step / 2:
            ticks.append(value)
        value += step
    return ticks


Rgb = tuple[int, int, int]
Segment = tuple[tuple[int, ...], tuple[float, ...]]
"""One unbroken run of a line: its x positions (from 1) and its values."""


def segments(values: tuple[float | None, ...] | list[float | None]) -> list[Segment]:
    """The runs of consecutive figures in ``values`` (x from 1): a missing figure breaks the
    line, so no line is drawn through a year shown as "—"."""
    runs: list[Segment] = []
    xs: list[int] = []
    ys: list[float] = []
    for x, value in enumerate(values, start=1):
        if value is None:
            if xs:
                runs.append((tuple(xs), tuple(ys)))
            xs, ys = [], []
        else:
            xs.append(x)
            ys.append(value)
    if xs:
        runs.append((tuple(xs), tuple(ys)))
    return runs


def axis_ticks(lo: float, hi: float, *, whole: bool = True) -> tuple[list[float], list[str]]:
    """Round ticks from ``lo`` to ``hi`` and their labels: whole numbers with thousands
    separators for counts and indexes (``whole``), one decimal for a rate under 10."""
    if hi <= lo:
        hi = lo + 1  # one value only (e.g. every figure 0): plotext divides by the range
    ticks = nice_ticks(lo, hi, min_step=1 if whole else 0.0)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    decimals = 0 if whole or step >= 1 else 1
    return ticks, [f"{t:,.{decimals}f}" for t in ticks]


FRAME_ROWS = 3
"""Rows of a plotext chart that are not plot rows: the frame's top and bottom, the x labels."""


@dataclass(frozen=True)
class YAxis:
    """A y axis whose ticks fall evenly on the plot's rows: from ``bottom`` to ``top``."""

    bottom: float
    top: float
    ticks: list[float]
    labels: list[str]


def even_axis(
    lo: float, hi: float, rows: int, *, whole: bool = True, headroom: bool = False
) -> YAxis:
    """Round ticks from ``lo`` (or below) to ``hi`` (or above) that land every ``g`` rows of a plot
    ``rows`` rows high, with the same ``g`` between every two: plotext puts a value on the row
    nearest it, so 0, 1,000 … 4,000 over 8 rows fell 2, 1, 2, 2 rows apart (issue 20). The
    axis's top is then where the rows end, a little above the last tick; of the steps and
    spacings that fit, the one the figures fill most of the height with wins, with 3 to 6
    ticks where it can. ``headroom``: the top row stays clear of the figures (for labels)."""
    if hi <= lo:
        hi = lo + 1  # one value only (e.g. every figure 0): plotext divides by the range
    span = rows - 1
    if span < 2:
        ticks, labels = axis_ticks(lo, hi, whole=whole)
        return YAxis(min(ticks[0], lo), max(ticks[-1], hi), ticks, labels)
    best: tuple[tuple[bool, float], YAxis] | None = None
    raw = (hi - lo) / span
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for power in (magnitude / 10, magnitude, magnitude * 10, magnitude * 100):
        for m in (1, 2, 5):
            step = m * power
            if whole and step < 1:
                continue
            bottom = math.floor(lo / step) * step
            # With headroom, the highest figure falls at least a row below the top.
            need = bottom + (hi - bottom) * span / (span - 1) if headroom else hi
            for gap in range(1, span + 1):
                top = bottom + step * span / gap
                if top < need:
                    break
                count = span // gap + 1
                if count > 6:
                    continue
                score = (count >= 3, (need - bottom) / (top - bottom))
                if best is None or score > best[0]:
                    ticks = [bottom + i * step for i in range(count)]
                    decimals = 0 if whole or step >= 1 else 1
                    labels = [f"{t:,.{decimals}f}" for t in ticks]
                    best = (score, YAxis(bottom, top, ticks, labels))
    if best is None:
        ticks, labels = axis_ticks(lo, hi, whole=whole)
        return YAxis(min(ticks[0], lo), max(ticks[-1], hi), ticks, labels)
    return best[1]


def line_marks(ascii_only: bool) -> tuple[str, str]:
    """The markers of the force's line and of the national line."""
    return ("*", "o") if ascii_only else ("braille", "dot")


def chart_legend(series: ChartSeries, ascii_only: bool) -> str:
    """The chart's legend in words: which line is which, and on which axis; one line each, so a
    narrow chart cuts each at a word with "…" (wrapped as one text and cut at its third line,
    at 60×20 it ended "Line: Kent (left) · dots: England and", read as words about Kent)."""
    force_line, national_line = ("Stars", "o's") if ascii_only else ("Line", "dots")
    if not series.national:
        return f"{force_line}: {series.name}"
    if series.y_label == "index":
        return (
            f"{force_line}: {series.name}\n{national_line}: {series.national_name}\n"
            f"index, {series.index_base} = 100"
        )
    return (
        f"{force_line}: {series.name} (left)\n{national_line}: {series.national_name} (right axis)"
    )


class TrendChart(PlotextPlot):
    """The detail view's chart."""

    COMPONENT_CLASSES = {"trend--force", "trend--national", "trend--event"}

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._series: ChartSeries | None = None
        self._ascii = False
        self._axis_widths: dict[str, int] = {}
        """Cells of each y axis drawn (its widest label and its line), by side."""

    def on_mount(self) -> None:
        super().on_mount()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.replot())

    def show(self, series: ChartSeries, *, ascii_only: bool) -> None:
        """Draw ``series``."""
        self._series = series
        self._ascii = ascii_only
        self.replot()

    @property
    def legend(self) -> str:
        """The legend of what is drawn, in words ("" before anything is)."""
        return chart_legend(self._series, self._ascii) if self._series else ""

    def _colour(self, component: str) -> Rgb:
        """A line's colour, from its component class in the stylesheet (``app.tcss``)."""
        colour = self.get_component_rich_style(component, partial=True).color
        triplet = colour.get_truecolor() if colour is not None else None
        return (triplet.red, triplet.green, triplet.blue) if triplet else (128, 128, 128)

    def replot(self) -> None:
        """Redraw from the stored series (on new data, resize or theme change)."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        self._axis_widths = {}
        series = self._series
        if series is None or not series.labels:
            self.refresh()
            return
        force_marker, national_marker = line_marks(self._ascii)
        xs = list(range(1, len(series.labels) + 1))
        overlay = bool(series.national) and series.y_label != "index"

        def draw(values: tuple[float | None, ...], marker: str, rgb: Rgb, side: str) -> None:
            for run_x, run_y in segments(values):  # a gap where a figure is missing
                plot = plt.plot if len(run_x) > 1 else plt.scatter
                plot(list(run_x), list(run_y), marker=marker, color=rgb, yside=side)

        if series.national:
            side = "right" if overlay else "left"
            draw(series.national, national_marker, self._colour("trend--national"), side)
        # The force's line last, so it is on top where they cross.
        draw(series.values, force_marker, self._colour("trend--force"), "left")
        # Label every n-th x position so the labels never overlap (plotext drops overlapping
        # labels in an order that varies between runs).
        labels = [short_label(label) for label in series.labels]
        room = max(1, self.size.width - 12)
        per_label = max(len(label) for label in labels) + 3
        step = max(1, -(-len(xs) * per_label // room))
        ticks = xs[::step]
        plt.xticks([float(t) for t in ticks], [labels[t - 1] for t in ticks])
        plt.xlim(0.7, len(xs) + 0.3)
        left = [v for v in series.values if v is not None]
        if not overlay:
            left += [v for v in series.national if v is not None]
        marks = bool(series.marks)
        top = self._y_axis(left, "left", from_zero=series.y_label != "index", headroom=marks)
        if overlay:
            national = [v for v in series.national if v is not None]
            self._y_axis(national, "right", from_zero=True, headroom=marks)
        self._draw_marks(series, top)
        # No y label: the legend says what the axis holds (plotext drew "index" beside a tick).
        if self._ascii:
            plt.theme("clear")
        self.refresh()

    def _y_axis(
        self, values: list[float], side: str, *, from_zero: bool, headroom: bool
    ) -> float | None:
        """Whole-number ticks on one y axis, evenly spaced on the rows (see :func:`even_axis`);
        counts start from 0, so a change of a few per cent never looks like a steep climb (an
        index is drawn around its 100). Returns the axis's top."""
        if not values:
            return None
        lo = min(0.0, min(values)) if from_zero else min(values)
        axis = even_axis(lo, max(values), self.size.height - FRAME_ROWS, headroom=headroom)
        self._axis_widths[side] = max(map(len, axis.labels), default=0) + 1
        # plotext's annotations say float, but it takes "left" / "right" (as plot does).
        self.plt.ylim(axis.bottom, axis.top, yside=side)  # type: ignore[arg-type]
        self.plt.yticks(axis.ticks, axis.labels, yside=side)  # type: ignore[arg-type]
        return axis.top

    def _draw_marks(self, series: ChartSeries, top: float | None) -> None:
        """A vertical line at each event's year, its label on the top row, which the figures
        leave clear (on the x axis, "E1" was drawn over a line that starts at 0; several in one
        year share a line: "E1,E2"). Labels never overwrite each other: those too close are
        merged into one (see :func:`place_marks`)."""
        if not series.marks or top is None:
            return
        colour = self._colour("trend--event")
        # plotext gives a label the canvas colour it has when the label is drawn, which is still
        # its default white here: the chart's own background instead, so the label can be read.
        back = self.background_colors[1].rgb
        for x in {x for x, _ in series.marks}:
            self.plt.vline(float(x), color=colour)
        # The canvas is the chart less its y axes (labels and line); with no right axis, the
        # frame's right edge.
        axes = self._axis_widths.get("left", 0) + self._axis_widths.get("right", 1)
        canvas = self.size.width - axes
        for x, text, align in place_marks(series.marks, len(series.labels), canvas):
            self.plt.text(text, x=float(x), y=top, color=colour, background=back, alignment=align)

    def on_resize(self) -> None:
        self.replot()
