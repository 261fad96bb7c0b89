"""Several forces on one plotext chart, each line drawn with its own marker character.

The marker tells the lines apart without colour (``NO_COLOR``) and in plain ASCII; colours (from
the theme) only help. The legend in words and the table of numbers are the screen's
(:mod:`tui.screens.multi_chart`); :func:`series_style` gives both the same marker and colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual_plotext import PlotextPlot

from tui.widgets.theme_colours import theme_colour
from tui.widgets.trend_chart import FRAME_ROWS, even_axis, segments, short_label

UNICODE_MARKERS = ("●", "■", "▲", "◆", "+", "○", "□", "x")
ASCII_MARKERS = ("*", "#", "o", "+", "x", "@", "%", "=")
"""One marker character per line, in order; eight lines at most."""
COLOURS = (
    "accent",
    "primary",
    "success",
    "warning",
    "error",
    "secondary",
    "foreground",
    "primary-lighten-2",
)
"""Theme variables the lines are coloured with, in order."""


def series_style(index: int, ascii_only: bool) -> tuple[str, str]:
    """The marker character and theme colour variable of the ``index``-th line."""
    markers = ASCII_MARKERS if ascii_only else UNICODE_MARKERS
    return markers[index % len(markers)], COLOURS[index % len(COLOURS)]


@dataclass(frozen=True)
class ChartLine:
    """One line: its name and its values, aligned with the chart's labels."""

    name: str
    values: tuple[float | None, ...]


class MultiChart(PlotextPlot):
    """The multi-force chart."""

    COMPONENT_CLASSES = {"multi-chart--plain"}

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._labels: tuple[str, ...] = ()
        self._lines: tuple[ChartLine, ...] = ()
        self._ascii = False
        self._y_label = ""
        self._whole = True
        self.highlight: int | None = None
        """The line drawn on top in its colour, the others faint with a dot (``1``–``8``)."""

    def on_mount(self) -> None:
        super().on_mount()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.replot())

    def show(
        self,
        labels: tuple[str, ...],
        lines: tuple[ChartLine, ...],
        *,
        y_label: str,
        ascii_only: bool,
        whole_numbers: bool = True,
    ) -> None:
        """Draw ``lines`` over the years ``labels`` (y ticks whole numbers for counts and
        indexes; a rate under 10 gets a decimal)."""
        self._labels, self._lines = labels, lines
        self._y_label, self._ascii, self._whole = y_label, ascii_only, whole_numbers
        self.replot()

    def colour(self, variable: str) -> tuple[int, int, int]:
        """A theme variable's colour as RGB; every line the ``multi-chart--plain`` colour when
        the stylesheet gives one (without colour, where the markers tell the lines apart)."""
        plain = self.get_component_rich_style("multi-chart--plain", partial=True).color
        triplet = plain.get_truecolor() if plain is not None else None
        if triplet is not None:
            return (triplet.red, triplet.green, triplet.blue)
        return theme_colour(self.app.theme_variables, variable, "#808080").rgb

    def replot(self) -> None:
        """Redraw from the stored lines (on new data, resize or theme change)."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        if not self._labels or not self._lines:
            self.refresh()
            return
        xs = list(range(1, len(self._labels) + 1))
        every: list[float] = []
        # The first line is drawn last, so it stays on top where lines cross (the force of a
        # peer chart, the first marked force).
        order = list(range(len(self._lines)))
        if self.highlight is not None and self.highlight in order:
            order.remove(self.highlight)
            order.insert(0, self.highlight)
        for i in reversed(order):
            chart_line = self._lines[i]
            marker, colour = series_style(i, self._ascii)
            if self.highlight is not None and i != self.highlight:
                marker, colour = ("." if self._ascii else "·"), "foreground-darken-3"
            every += [v for v in chart_line.values if v is not None]
            for run_x, run_y in segments(chart_line.values):  # a gap where a figure is missing
                plot = plt.plot if len(run_x) > 1 else plt.scatter
                plot(list(run_x), list(run_y), marker=marker, color=self.colour(colour))
        labels = [short_label(label) for label in self._labels]
        room = max(1, self.size.width - 12)
        per_label = max(len(label) for label in labels) + 3
        step = max(1, -(-len(xs) * per_label // room))
        ticks = xs[::step]
        plt.xticks([float(t) for t in ticks], [labels[t - 1] for t in ticks])
        plt.xlim(0.7, len(xs) + 0.3)
        if every:
            # Counts and rates start from 0, so a few per cent never looks like a steep climb;
            # an index is drawn around its 100. Ticks fall evenly on the rows.
            lo = min(every) if self._y_label.startswith("index") else min(0.0, min(every))
            rows = self.size.height - FRAME_ROWS
            axis = even_axis(lo, max(every), rows, whole=self._whole)
            plt.ylim(axis.bottom, axis.top)
            plt.yticks(axis.ticks, axis.labels)
        # No y label: the title says what the axis holds (plotext drew "index" beside a tick).
        if self._ascii:
            plt.theme("clear")
        self.refresh()

    def on_resize(self) -> None:
        self.replot()
