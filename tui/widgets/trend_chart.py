"""A plotext chart of one force's series, by year or by quarter, with the national trend for scale.

Plots through the widget's own ``plt`` (never the global plotext module, whose figure is shared),
and replots when the theme changes so its colours follow the theme.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from textual_plotext import PlotextPlot

from tui.formatting import safe_text

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


NATIONAL_MARKER = "•"
"""The national line's marker without colour (``NO_COLOR``): the force's line stays braille, so
the two lines differ by their glyph, not by two greys."""


class TrendChart(PlotextPlot):
    """The detail view's chart."""

    COMPONENT_CLASSES = {"trend--force", "trend--national", "trend--event"}

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._series: ChartSeries | None = None
        self._ascii = False

    def on_mount(self) -> None:
        super().on_mount()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.replot())

    def show(self, series: ChartSeries, *, ascii_only: bool) -> None:
        """Draw ``series``."""
        self._series = series
        self._ascii = ascii_only
        self.replot()

    def _colour(self, component: str) -> tuple[int, int, int]:
        """A line's colour, from its component class in the stylesheet (``app.tcss``)."""
        colour = self.get_component_rich_style(component, partial=True).color
        triplet = colour.get_truecolor() if colour is not None else None
        return (triplet.red, triplet.green, triplet.blue) if triplet else (128, 128, 128)

    def replot(self) -> None:
        """Redraw from the stored series (on new data, resize or theme change)."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        series = self._series
        if series is None or not series.labels:
            self.refresh()
            return
        marker = "*" if self._ascii else "braille"
        national_marker = NATIONAL_MARKER if self.app.no_color and not self._ascii else marker
        xs = list(range(1, len(series.labels) + 1))

        def draw(
            values: tuple[float | None, ...],
            label: str,
            colour: tuple[int, int, int],
            yside: str = "left",
            marker: str = marker,
        ) -> None:
            points = [(x, v) for x, v in zip(xs, values) if v is not None]
            if points:
                plt.plot(
                    [p[0] for p in points],
                    [p[1] for p in points],
                    marker=marker,
                    color=colour,
                    label=safe_text(label),
                    yside=yside,
                )

        draw(series.values, series.name, self._colour("trend--force"))
        if series.national:
            side = "right" if series.y_label != "index" else "left"
            colour = self._colour("trend--national")
            draw(series.national, series.national_name, colour, side, national_marker)
        # Label every n-th x position so the labels never overlap (plotext drops overlapping
        # labels in an order that varies between runs).
        labels = [short_label(label) for label in series.labels]
        room = max(1, self.size.width - 12)
        per_label = max(len(label) for label in labels) + 3
        step = max(1, -(-len(xs) * per_label // room))
        ticks = xs[::step]
        plt.xticks([float(t) for t in ticks], [labels[t - 1] for t in ticks])
        values = [v for v in (*series.values, *series.national) if v is not None]
        if values and series.y_label != "index" and not (series.national and series.values):
            # Counts start from 0, so a change of a few per cent never looks like a steep climb.
            lo, hi = min(0.0, min(values)), max(values)
            if hi <= lo:
                hi = lo + 1  # every value 0: plotext divides by the range, so give it one
            ticks_y = nice_ticks(lo, hi, min_step=1)  # whole counts
            plt.ylim(min(ticks_y[0], lo), max(ticks_y[-1], hi))
            plt.yticks(ticks_y, [f"{t:,.0f}" for t in ticks_y])
        self._draw_marks(series)
        if series.y_label:
            plt.ylabel(safe_text(series.y_label))
        if self._ascii:
            plt.theme("clear")
        self.refresh()

    def _draw_marks(self, series: ChartSeries) -> None:
        """A vertical line at each event's year, its label on the x axis (several in one year share
        a line: "E1,E2")."""
        by_x: dict[int, list[str]] = {}
        for x, label in series.marks:
            by_x.setdefault(x, []).append(label)
        if not by_x:
            return
        values = [v for v in series.values if v is not None]
        bottom = min(0.0, min(values)) if values else 0.0  # the labels sit on the x axis
        colour = self._colour("trend--event")
        # plotext gives a label the canvas colour it has when the label is drawn, which is still
        # its default white here: the chart's own background instead, so the label can be read.
        back = self.background_colors[1].rgb
        for x, labels in by_x.items():
            plt_x = float(x)
            self.plt.vline(plt_x, color=colour)
            self.plt.text(
                ",".join(labels),
                x=plt_x,
                y=bottom,
                color=colour,
                background=back,
                alignment="center",
            )

    def on_resize(self) -> None:
        self.replot()
