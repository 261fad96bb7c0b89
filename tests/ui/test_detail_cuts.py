"""The detail view never cuts text silently (issue 20): an offence name too long for the breakdown
ends with "…" (it read "105A Assault without in"), and a web address in the facts panel is one
line, cut with "…", never wrapped mid-string ("…/news/new" then "s-feed/…"); ``w`` shows both
whole. Read from the terminal as the compositor draws it."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widget import Widget

from tests.ui.conftest import (
    burst,
    resize_to,
    settle,
    terminal_lines,
    terminal_text,
    type_text,
    wait_for,
)
from tui.app import OffenceApp, make_app
from tui.screens.detail import ForceDetailScreen
from tui.widgets.tables import BreakdownTable


async def open_detail(pilot: Pilot[None], force: str) -> ForceDetailScreen:
    app = pilot.app
    await settle(pilot)
    await type_text(pilot, force)
    await pilot.press("enter")
    await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
    assert isinstance(app.screen, ForceDetailScreen)
    return app.screen


def drawn(app: OffenceApp, widget: Widget) -> list[str]:
    """The lines ``widget`` shows on the terminal, each cut to its region (and its parent's:
    a table taller than its box is clipped by it)."""
    assert widget.parent is not None and isinstance(widget.parent, Widget)
    return terminal_lines(app, widget.content_region.intersection(widget.parent.content_region))


def breakdown_cuts(app: OffenceApp, screen: ForceDetailScreen) -> int:
    """Each breakdown line drawn names an offence whole or cut with "…"; returns how many are
    cut."""
    assert screen.detail is not None and screen.detail.breakdown is not None
    names = [f"{r.code} {r.description}" for r in screen.detail.breakdown.rows]
    shown = [line for line in drawn(app, screen.query_one(BreakdownTable))[1:] if line.strip()]
    assert shown, "breakdown: no lines drawn"
    cut = 0
    for line in shown:
        text = line.split("%", 1)[1].strip(" ▁▂▃▄▅▆▇█▔▕▏│┃")
        whole = [n for n in names if n == text]
        cut_of = [n for n in names if text.endswith("…") and n.startswith(text[:-1])]
        assert whole or cut_of, f"{text!r} is neither an offence name nor one cut with …"
        cut += bool(cut_of)
    return cut


async def facts_addresses(pilot: Pilot[None], screen: ForceDetailScreen) -> set[str]:
    """Each web address in the facts panel (scrolled through) is drawn on one line, whole or
    cut with "…", never wrapped; returns the addresses."""
    app = pilot.app
    assert isinstance(app, OffenceApp) and screen.detail is not None
    urls = {e.source_url for e in screen.detail.events if e.source_url}
    scroll = screen.query_one("#detail-facts-scroll", VerticalScroll)
    assert any(len(u) > scroll.content_region.width for u in urls), "facts: no long address"
    seen: list[str] = []
    height = scroll.content_region.height  # a page at a time: every row is seen once
    for y in range(0, int(scroll.max_scroll_y) + height, height):
        scroll.scroll_to(y=y, animate=False, immediate=True)
        await settle(pilot)
        seen += [line.strip(" ▁▂▃▄▅▆▇█▔▕▏│┃") for line in drawn(app, scroll)]
    for url in urls:
        lines = [s for s in seen if s == url or (s.endswith("…") and url.startswith(s[:-1]))]
        assert lines, f"{url} is not drawn on one line"
        rests = [s for s in seen if len(s) > 6 and s in url and not url.startswith(s)]
        assert not rests, f"{url} wraps: {rests}"
    return urls


def legend_failure(app: OffenceApp, screen: ForceDetailScreen, whole: bool) -> str | None:
    """What is wrong with the chart's legend as drawn (its words all shown, in order, or
    "legend: w"; all of them when ``whole``), if anything."""
    legend = screen.query_one("#detail-legend", Widget)
    words = " ".join(str(legend.render()).split())
    shown = " ".join(" ".join(drawn(app, legend)).split())
    if shown != words and (whole or shown != "legend: w"):
        return f"{shown!r}, not {words!r}" + (" whole" if whole else " nor 'legend: w'")
    return None


async def test_names_addresses_and_legends_are_whole_or_cut_with_an_ellipsis(
    tmp_path: Path,
) -> None:
    """One app, three checks.

    (1) Breakdown: at 80×24 some of Northamptonshire's offence names do not fit ("105A Assault
    without injury"): each is whole or ends with "…"; ``w`` shows it whole (the table scrolls
    sideways). (2) Facts: Northamptonshire's three recording events each cite an address
    longer than the panel: each on one line, cut with "…"; ``w`` shows them whole, wrapped.
    (3) Legend: at 60×20 the legend under the chart was wrapped into its three lines and cut:
    "Line: Kent (left) · dots: England and" (issue 20). In every national-trend mode (``i``),
    at each of Northamptonshire 60×20 in ASCII, Kent 60×20, Kent 120×40 in ASCII, Devon 80×24
    (``/`` finds each, ``A`` switches ASCII, resized): the legend's words all show, in order,
    or the legend gives way to "legend: w" (at 80 columns and more: whole)."""
    app = make_app(settings_file=tmp_path / "s.json", ascii_only=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "northam")
        assert breakdown_cuts(app, screen), "breakdown: no name cut at 80×24"
        urls = await facts_addresses(pilot, screen)
        table = screen.query_one(BreakdownTable)
        table.focus()
        await pilot.press("w")  # whole
        await settle(pilot)
        assert "105A Assault without injury" in table.get_row("105A")[2].plain
        assert all(u in str(screen.query_one("#detail-facts").render()) for u in urls)
        await pilot.press("w")  # cut at a word again, for the legends
        await settle(pilot)

        failures: list[str] = []
        for size, ascii_only, force in (
            ((60, 20), True, "northam"),  # the detail open already
            ((60, 20), False, "kent"),
            ((120, 40), True, "kent"),  # the same detail, resized
            ((80, 24), False, "devon"),
        ):
            await resize_to(pilot, size)  # (Kent's 60×20 is Northamptonshire's)
            if not screen.force.name.lower().startswith(force):
                burst(pilot, "slash", *force, "enter")
                await wait_for(pilot, lambda: app.screen is not screen, force)  # noqa: B023
                found = app.screen
                assert isinstance(found, ForceDetailScreen)
                screen = found
                await wait_for(pilot, lambda: screen.detail is not None, force)  # noqa: B023
            if app.settings.ascii != ascii_only:
                await pilot.press("A")
                app.clear_notifications()
            await settle(pilot)
            for mode in ("off", "index", "overlay"):
                assert screen.national == mode, (force, size, screen.national)
                if problem := legend_failure(app, screen, whole=size[0] >= 80):
                    failures.append(f"{force} {size} ascii={ascii_only} {mode}: {problem}")
                await pilot.press("i")
                await settle(pilot)
        assert not failures, "\n".join(failures)


async def test_a_year_with_no_breakdown_says_so_under_no_header(tmp_path: Path) -> None:
    """NSPCC: West Yorkshire's 2017/18 answer states only its total (1,320), and the offences
    panel showed a "Count Share Offence" header with nothing under it (issue 20). It says "—"
    and why; a year with a breakdown (Derbyshire 2017/18: possession 264, taking, making or
    distributing 37) keeps its table."""
    from textual.widgets import Static

    app = make_app(settings_file=tmp_path / "s.json", dataset="nspcc")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "west yorks")
        table = screen.query_one(BreakdownTable)
        text = terminal_text(app)
        assert "Share" not in text and not table.display, text
        title = str(screen.query_one("#detail-breakdown-title", Static).render())
        assert "Offences in 2017/18: —" in title and "only a total is stated (1,320)" in title
        assert "only a total is stated (1,320)" in text
        await pilot.press("right_square_bracket")  # 2018/19: no figure from West Yorkshire at all
        await wait_for(pilot, lambda: "Offences in 2018/19" in terminal_text(app), "2018/19")
        assert "no figure for 2018/19" in terminal_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash")
        screen = await open_detail(pilot, "derbyshire")
        text = terminal_text(app)
        assert screen.query_one(BreakdownTable).display and "Share" in text, text
        assert "264" in text and "37" in text
