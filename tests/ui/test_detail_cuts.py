"""The detail view never cuts text silently (issue 20): an offence name too long for the breakdown
ends with "…" (it read "105A Assault without in"), and a web address in the facts panel is one
line, cut with "…", never wrapped mid-string ("…/news/new" then "s-feed/…"); ``w`` shows both
whole. Read from the terminal as the compositor draws it."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widget import Widget

from tests.ui.conftest import settle, terminal_text, wait_for
from tui.app import OffenceApp, make_app
from tui.screens.detail import ForceDetailScreen
from tui.widgets.tables import BreakdownTable


async def open_detail(pilot: Pilot[None], force: str) -> ForceDetailScreen:
    app = pilot.app
    await settle(pilot)
    await pilot.press(*force, "enter")
    await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
    await settle(pilot)
    assert isinstance(app.screen, ForceDetailScreen)
    return app.screen


def drawn(app: OffenceApp, widget: Widget) -> list[str]:
    """The lines ``widget`` shows on the terminal, each cut to its region (and its parent's:
    a table taller than its box is clipped by it)."""
    assert widget.parent is not None and isinstance(widget.parent, Widget)
    region = widget.content_region.intersection(widget.parent.content_region)
    lines = terminal_text(app).splitlines()
    return [lines[y][region.x : region.right] for y in range(region.y, region.bottom)]


async def test_breakdown_names_are_whole_or_end_with_an_ellipsis(tmp_path: Path) -> None:
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "northam")
        assert screen.detail is not None and screen.detail.breakdown is not None
        names = [f"{r.code} {r.description}" for r in screen.detail.breakdown.rows]
        table = screen.query_one(BreakdownTable)
        shown = [line for line in drawn(app, table)[1:] if line.strip()]
        assert shown
        cut = 0
        for line in shown:
            text = line.split("%", 1)[1].strip(" ▁▂▃▄▅▆▇█▔▕▏│┃")
            whole = [n for n in names if n == text]
            cut_of = [n for n in names if text.endswith("…") and n.startswith(text[:-1])]
            assert whole or cut_of, f"{text!r} is neither an offence name nor one cut with …"
            cut += bool(cut_of)
        assert cut  # at 80×24 some names do not fit: "105A Assault without injury"
        table.focus()
        await pilot.press("w")  # whole: the table scrolls sideways instead
        await settle(pilot)
        assert "105A Assault without injury" in table.get_row("105A")[2].plain


async def test_facts_draw_each_address_on_one_line(tmp_path: Path) -> None:
    """Northamptonshire's three recording events each cite an address longer than the panel."""
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, "northam")
        assert screen.detail is not None
        urls = {e.source_url for e in screen.detail.events if e.source_url}
        scroll = screen.query_one("#detail-facts-scroll", VerticalScroll)
        assert any(len(u) > scroll.content_region.width for u in urls)
        seen: list[str] = []
        for y in range(0, int(scroll.max_scroll_y) + scroll.content_region.height, 4):
            scroll.scroll_to(y=y, animate=False, immediate=True)
            await settle(pilot)
            seen += [line.strip(" ▁▂▃▄▅▆▇█▔▕▏│┃") for line in drawn(app, scroll)]
        for url in urls:
            lines = [s for s in seen if s == url or (s.endswith("…") and url.startswith(s[:-1]))]
            assert lines, f"{url} is not drawn on one line"
            rests = [s for s in seen if len(s) > 6 and s in url and not url.startswith(s)]
            assert not rests, f"{url} wraps: {rests}"
        await pilot.press("w")  # whole, wrapped
        await settle(pilot)
        assert all(u in str(screen.query_one("#detail-facts").render()) for u in urls)


async def test_the_chart_legend_is_whole_or_not_drawn(tmp_path: Path) -> None:
    """At 60×20 the legend under the chart was wrapped into its three lines and cut: "Line: Kent
    (left) · dots: England and" (issue 20). Every size, every national-trend mode, ASCII too: the
    legend's words all show, in order, or the legend gives way to "legend: w" (``w`` shows it)."""
    for size, ascii_only, force in (
        ((60, 20), False, "kent"),
        ((60, 20), True, "northam"),
        ((80, 24), False, "devon"),
        ((120, 40), True, "kent"),
    ):
        app = make_app(
            settings_file=tmp_path / f"{size[0]}{ascii_only}.json", ascii_only=ascii_only
        )
        async with app.run_test(size=size) as pilot:
            screen = await open_detail(pilot, force)
            for mode in ("off", "index", "overlay"):
                legend = screen.query_one("#detail-legend", Widget)
                words = str(legend.render()).split()
                shown = " ".join(" ".join(drawn(app, legend)).split())
                assert shown == " ".join(words) or shown == "legend: w", (size, mode, shown)
                if size[0] >= 80:  # room for it whole
                    assert shown == " ".join(words), (size, mode, shown)
                await pilot.press("i")
                await settle(pilot)


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
