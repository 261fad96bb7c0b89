"""The detail view's facts panel, built by small pure functions (the screen only places it).

Each function returns the lines of one kind of fact as ``Text``, each line ending in a newline:
the latest change (with its 95 % interval), partial years, rank, rate, code changes, events, the
other measure, other figures, and where the figures come from.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from rich.text import Text

from tui.formatting import fmt_change, fmt_count, fmt_pct, fmt_rate
from tui.model.data.catalogue import DatasetInfo
from tui.model.data.reference import Force, area_words
from tui.model.data.years import quarters_label
from tui.model.results.detail_types import ForceDetail, SeriesPoint
from tui.widgets.cells import line
from tui.widgets.detail_notes import chance_text, events_text, pair_text

Part = str | tuple[str, str]

MAX_SOURCES = 6
"""At most this many source addresses are listed (the export lists them all)."""


def _lines(*rows: Iterable[Part]) -> Text:
    """Each row of parts as one line (see ``cells.line``), ending in a newline."""
    out = Text()
    for parts in rows:
        out.append_text(line(*parts))
        out.append("\n")
    return out


def full_years(detail: ForceDetail) -> list[SeriesPoint]:
    """The points with a whole financial year's figure (the ones that are compared)."""
    return [
        p
        for p in detail.series.points
        if p.count is not None and not p.partial and not p.year.partial
    ]


def latest_change_text(detail: ForceDetail) -> Text:
    """ "Latest change 2021/22 → 2022/23: +12 (+4.0%)" with its interval, the latest figure when
    there is one full year only, or that there is none."""
    full = full_years(detail)
    if len(full) >= 2 and full[-1].change is not None:
        last = full[-1]
        out = _lines(
            [
                ("Latest change ", "bold"),
                f"{full[-2].year.fy} → {last.year.fy}: ",
                (f"{fmt_change(last.change)} ({fmt_pct(last.pct_change)})", "bold"),
            ]
        )
        if detail.latest_change is not None and detail.latest_change.count_b == last.count:
            out.append_text(chance_text(detail.latest_change))
            out.append("\n")
        return out
    if full:
        return _lines(
            [("Latest figure ", "bold"), f"{full[-1].year.fy}: {fmt_count(full[-1].count)}"]
        )
    return _lines([("No financial-year figure", "bold"), " for this offence."])


def partial_years_text(detail: ForceDetail, force: Force) -> Text:
    """A line for each partial year, or partial force-year, with a figure (not compared)."""
    rows: list[list[Part]] = []
    for p in detail.series.points:
        if p.count is None:
            continue
        if p.year.partial:
            rows.append([f"{p.label}: {fmt_count(p.count)} (partial year, not compared)"])
        elif p.partial:
            rows.append(
                [
                    f"{p.year.fy}: {fmt_count(p.count)} ({force.name} has "
                    f"{quarters_label(p.quarters)} only: not compared)"
                ]
            )
    return _lines(*rows)


def rank_text(detail: ForceDetail, force: Force) -> Text:
    """The force's rank by count, or why it is not ranked."""
    if detail.rank is not None and detail.rank_year is not None:
        return _lines(
            [
                ("Rank ", "bold"),
                f"{detail.rank} of {detail.ranked_forces} {area_words([force])[1]} with a "
                f"figure in {detail.rank_year.fy}, by count",
            ]
        )
    if not force.ranked:
        return _lines([f"Not ranked ({force.why_unranked})."])
    return Text()


def rate_text(detail: ForceDetail, force: Force) -> Text:
    """The rate per 100,000 people with the population it uses (and its caveat)."""
    rate, year = detail.rate, detail.rate_year
    if rate is not None and year is not None:
        rows: list[list[Part]] = [
            [
                ("Rate ", "bold"),
                f"{fmt_rate(rate.per_100k)} per 100,000 in {year.fy}",
                ("  (population ", "dim"),
                (
                    f"{rate.population:,}: {rate.source} mid-{rate.population_year}, "
                    "the year the financial year starts in)",
                    "dim",
                ),
            ]
        ]
        if rate.caveat:
            rows.append([(rate.caveat, "dim")])
        return _lines(*rows)
    if force.ranked:
        return _lines([("Rate ", "bold"), "— (no population estimate for the years with figures)"])
    return Text()


def codes_text(detail: ForceDetail) -> Text:
    """A line for each change in the codes a group or subgroup counts."""
    rows: list[list[Part]] = [[("Codes change ", "bold"), c.text] for c in detail.series.membership]
    return _lines(*rows)


def other_figures_text(detail: ForceDetail) -> Text:
    """Figures also stated by other releases, and figures for other periods."""
    rows: list[list[Part]] = [
        [f"{p.year.fy}: also stated {alt.count:,} ({alt.release})"]
        for p in detail.series.points
        for alt in p.alternatives
    ]
    force = detail.series.force.name
    for p in detail.series.points:
        if p.stated_as and p.count is not None:
            rows.append([f"{p.year.fy}: {p.count:,} as the {force}: ", (f'"{p.quote}"', "dim")])
            rows += [
                [f"  and, same release ({p.release}), as the {area}: ", (f'"{q}"', "dim")]
                for area, q in p.stated_as
            ]
            rows.append([("  one figure described two ways, not two counts", "dim")])
    rows += [[f"{o.period}: {o.count:,} ({o.release})"] for o in detail.series.other_periods]
    return _lines(*rows)


class AboutDataset(Protocol):
    """What the facts say about the dataset: a loaded ``DatasetView``, or a cached detail's."""

    @property
    def info(self) -> DatasetInfo: ...

    @property
    def has_sources(self) -> bool: ...


def sources_text(detail: ForceDetail, dataset: AboutDataset) -> Text:
    """Where the figures come from (each release's address, else the dataset's source), the
    licence and the dataset's notes."""
    urls = sorted(
        {p.source_url for p in detail.series.points if p.source_url and p.count is not None}
    )
    info = dataset.info
    rows: list[list[Part]]
    if not dataset.has_sources or not urls:
        rows = [[("Source ", "bold"), info.source]]
    else:
        rows = [[("Source ", "bold"), url] for url in urls[:MAX_SOURCES]]
    if info.licence:
        rows.append([(info.licence, "dim")])
    if info.notes:
        rows.append([(info.notes, "dim")])
    return _lines(*rows)


def facts_text(detail: ForceDetail, force: Force, dataset: AboutDataset) -> Text:
    """The whole facts panel of ``force``'s detail view."""
    out = Text()
    for part in (
        latest_change_text(detail),
        partial_years_text(detail, force),
        rank_text(detail, force),
        # The other measure straight after the figures it differs from (the NSPCC's FOI counts
        # beside the Home Office's): below the codes and events, it sat a screen down at 80×24.
        pair_text(detail.other_measure),
        rate_text(detail, force),
        codes_text(detail),
        events_text(detail.events),
        other_figures_text(detail),
        sources_text(detail, dataset),
    ):
        out.append_text(part)
    return out
