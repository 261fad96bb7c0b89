"""The detail view's honest facts: the latest change's 95 % interval, small counts, the recording
events that apply (numbered as on the chart) and the other measure side by side."""

from __future__ import annotations

import math

from rich.text import Text

from tui.formatting import fmt_count, fmt_pct
from tui.model.data.catalogue import DatasetInfo, copied_by
from tui.model.data.events import Event
from tui.model.data.years import fy_label
from tui.model.results.detail_types import MeasurePair
from tui.model.stats.chance import ChangeInterval
from tui.model.stats.changes import NEGATIVE_NOTE, any_negative
from tui.widgets.cells import line
from tui.widgets.compare_notes import SMALL_COUNT
from tui.widgets.measure_legend import CHANCE_METHOD


def _bound(value: float | None) -> str:
    if value is None:
        return "—"
    return "no upper bound" if math.isinf(value) else fmt_pct(value)


def chance_text(interval: ChangeInterval | None) -> Text:
    """ "95% interval −9.1% to +29.4%: within chance (…)" and a small-counts warning."""
    out = Text()
    if interval is not None and any_negative((interval.count_a, interval.count_b)):
        out.append(f"  {NEGATIVE_NOTE}", style="dim")  # why the % is "—"
        return out
    if interval is None or interval.significant is None:
        return out
    verdict = "beyond chance" if interval.significant else "within chance ~"
    out.append("  95% interval ", style="dim")
    out.append(f"{_bound(interval.pct_ci_low)} to {_bound(interval.pct_ci_high)}")
    out.append(": ")
    out.append(verdict, style="bold")
    out.append(f" ({CHANCE_METHOD})", style="dim")
    a, b = interval.count_a or 0, interval.count_b or 0
    if min(a, b) < SMALL_COUNT:
        out.append(
            f"\n  Small counts (under {SMALL_COUNT}): chance alone moves them a lot.", style="dim"
        )
    return out


def event_label(number: int) -> str:
    """The mark of the ``number``-th event on the chart: ``E1``."""
    return f"E{number}"


def events_text(events: tuple[Event, ...]) -> Text:
    """Each event with its chart mark, year, scope, title and source."""
    out = Text()
    if not events:
        return out
    out.append("Recording events", style="bold")
    marks = event_label(1) if len(events) == 1 else f"{event_label(1)}–{event_label(len(events))}"
    out.append(f" (marked {marks} on the chart)\n", style="dim")
    for i, e in enumerate(events, start=1):
        where = e.force if e.scope == "force" else "all forces"
        out.append(f"{event_label(i)} {fy_label(e.year)} ", style="bold")
        out.append(f"({where}): {e.title}\n")
        out.append(f"   {e.source_url}\n", style="dim")
    return out


def pair_text(pair: MeasurePair | None) -> Text:
    """The two measures in adjacent columns headed ``A`` and ``B``, each letter named on a line
    of its own above them, and why they differ. Narrow columns, so each figure sits beside its
    year in a 38-cell panel (headed by the measures' names, the columns were 19 cells each and
    the NSPCC figure wrapped onto a line of its own, unlabelled)."""
    out = Text()
    if pair is None:
        return out
    out.append("Both measures, side by side (never merged)\n", style="bold")
    out.append(f"A: {pair.label_a}\nB: {pair.label_b}\n")
    a = [fmt_count(r.count_a) for r in pair.rows]
    b = [fmt_count(r.count_b) for r in pair.rows]
    wide_a, wide_b = max(map(len, ["A", *a])), max(map(len, ["B", *b]))
    out.append(f"{'Year':<8} {'A':>{wide_a}}  {'B':>{wide_b}}\n", style="bold")
    for r, count_a, count_b in zip(pair.rows, a, b):
        out.append(f"{r.year:<8} {count_a:>{wide_a}}  {count_b:>{wide_b}}\n")
    out.append(pair.why + "\n", style="dim")
    return out


def source_text(info: DatasetInfo) -> Text:
    """The dataset's source and licence in a line or two (every figure's own source is with the
    facts, reached with Tab then ↓)."""
    source = info.publisher or info.source
    if info.release:
        source += f" ({info.release})"
    if info.release_file:
        source += f" {info.release_file}"
    if copy := copied_by(info):
        source += f", via {copy}"
    licence = info.licence_name or info.licence
    return line(
        ("Source ", "bold"),
        source,
        f" · {licence}" if licence else "",
        (" · more: Tab ↓", "dim"),
    )
