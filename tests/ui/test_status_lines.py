"""Status, notes and footer lines at 80×24 (issue 20): cut at a word with "…", never mid-word (the
Forces status line ended "~ 15", the footer "q Qui"), the whole text one key away (``w``); and
Compare lists every recording event between its years, not "(+3 more) · ox even…"."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from tests.ui.conftest import settle, terminal_text, type_text, wait_for
from tests.ui.test_detail_title_release import check_title_words
from tui.app import OffenceApp, make_app
from tui.screens.compare import CompareScreen
from tui.screens.forces import ForcesScreen
from tui.screens.map_view import MapScreen
from tui.widgets.keys_bar import KeysBar
from tui.widgets.status_line import StatusLine


def drawn(app: OffenceApp, region: Region) -> list[str]:
    """The terminal's text in ``region``, one string per line."""
    lines = terminal_text(app).splitlines()
    return [lines[region.y + i][region.x : region.right] for i in range(region.height)]


def check_cut_at_words(app: OffenceApp) -> int:
    """Every status and notes line on screen shows its text whole, or cut at a word with "…";
    returns how many lines were cut."""
    cut = 0
    for status in app.screen.query(StatusLine):
        full = [" ".join(row.split()) for row in status.full_text.splitlines()]
        for i, text in enumerate(drawn(app, status.content_region)):
            shown = " ".join(text.split())
            if not shown or shown.startswith("… ") and "more lines (w)" in shown:
                continue
            if i == 0 and status.title_parts is not None and shown not in full:
                # A title: the offence cut at a word ("Obscene…") before the dataset's name.
                words = {*full[0].split(), *(w.rstrip(",") for w in full[0].split())}
                for word in shown.split():
                    assert word in words or word[:-1] in words and word[-1] == "…", (word, shown)
                cut += 1
                continue
            if shown.endswith("…"):
                head = shown[:-1].rstrip()
                whole = next((f for f in full if f.startswith(head)), None)
                assert whole is not None, (shown, full)
                assert whole[len(head) : len(head) + 1] == " ", f"cut mid-word: {shown!r}"
                cut += 1
            else:
                assert shown in full, (shown, full)
    return cut


def check_footer_keys_whole(app: OffenceApp) -> None:
    """Each key the bar draws is whole, before the palette's key: `` key description ``."""
    bar = app.screen.query_one(KeysBar)
    line = terminal_text(app).splitlines()[-1]
    edge = line.rindex("▏") if bar.palette is not None else len(line)
    start = 0
    for key in bar.shown:
        drawn = f" {key.display} {key.description} "
        assert line[start : start + len(drawn)] == drawn, f"{drawn!r} not whole in {line!r}"
        start += len(drawn)
    assert start <= edge, f"keys cut by the palette key: {line!r}"
    assert line[start:edge].strip() == "", f"a cut key in {line!r}"
    left_out = bar.keys[len(bar.shown) :]
    if left_out:  # left out only because it would not fit whole
        nxt = left_out[0]
        assert start + len(f" {nxt.display} {nxt.description} ") > edge, (nxt, line)


async def test_lines_at_80x24_are_cut_at_words_and_w_shows_them_whole(app: OffenceApp) -> None:
    """One app on the Home Office data, at 80×24 but where a check says otherwise: Forces and
    Compare, then (at 120×40) Compare's events, then (at 80×24) Kent's detail, the map and the
    release diff's notes, as below."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # Cut to fit at 80 columns, both header lines ended with the offence: which dataset
        # (which release) the figures came from was not on screen.
        first = drawn(app, app.screen.query_one("#forces-context").content_region)[0]
        assert "code 86" in first and "homeoffice" in first, first
        await pilot.press("down")
        await settle(pilot)
        assert check_cut_at_words(app) >= 1  # the Forces status line does not fit at 80
        check_footer_keys_whole(app)
        status = app.screen.query_one("#forces-status", StatusLine)
        await pilot.press("w")
        await settle(pilot)
        shown = " ".join(" ".join(drawn(app, status.content_region)).split())
        assert shown == " ".join(status.full_text.split())  # whole, wrapped
        await pilot.press("w")
        await settle(pilot)
        assert status.content_region.height == 1
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "Compare")
        await settle(pilot)
        assert check_cut_at_words(app) >= 1
        check_footer_keys_whole(app)
        first = drawn(app, app.screen.query_one("#compare-context").content_region)[0]
        assert "code 86" in first and "homeoffice" in first, first
        await compare_lists_every_event_between_its_years(pilot)
        await detail_and_map_lines_are_cut_at_words(pilot)
        await the_release_diff_notes_are_cut_at_a_word(pilot)


async def compare_lists_every_event_between_its_years(pilot: Pilot[None]) -> None:
    """At 120×40 Compare lists every recording event between its years, not "(+3 more) · ox
    even…"."""
    app = pilot.app
    await pilot.resize_terminal(120, 40)
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    screen.show_years(2012, 2017)
    await wait_for(pilot, lambda: screen.years == (2012, 2017), "the new years")
    await settle(pilot)
    assert screen.comparison is not None
    events = screen.comparison.events
    assert len(events) >= 3
    context = screen.query_one("#compare-context", StatusLine).full_text
    for event in events:
        assert event.title in context
    assert "more)" not in context
    check_cut_at_words(app)  # type: ignore[arg-type]


def test_a_cut_keeps_a_part_that_ends_right_before_its_separator() -> None:
    """The " · " after the last part that fits is dropped: only its start has to be in room (in
    ASCII, Compare's header lost the offence, which fitted exactly)."""
    from rich.text import Text

    from tui.widgets.status_line import fit_words

    assert fit_words(Text("aaaa · bbbb · cccc"), 14, "...").plain == "aaaa · bbbb..."
    assert fit_words(Text("aaaa · bbbb · cccc"), 13, "...").plain == "aaaa..."


def check_whole_or_cut_at_a_word(app: OffenceApp, widget_id: str, *, wrapped: bool) -> bool:
    """The widget's text as drawn is whole, or whole up to a cut at a word marked "…" (line by
    line, or as one paragraph when it is ``wrapped``; a word wider than the line may be folded
    onto the next); returns whether it was cut. Read from the terminal, so it holds for a plain
    ``Static`` as for a ``StatusLine``."""
    widget = app.screen.query_one(f"#{widget_id}")
    text = str(widget.render())
    parent = widget.parent
    assert isinstance(parent, Widget)  # (a widget taller than its box is clipped by it)
    lines = drawn(app, widget.content_region.intersection(parent.content_region))
    pairs = [(text, " ".join(lines))] if wrapped else list(zip(text.split("\n"), lines))
    cut = False
    for full_line, shown_line in pairs:
        full, shown = "".join(full_line.split()), "".join(shown_line.split())
        if shown == full:
            continue
        cut = True
        mark = "..." if shown.endswith("...") else "…"  # (ASCII mode: "...")
        assert shown.endswith(mark), f"#{widget_id} cut with no mark: {shown_line!r}"
        head = shown[: -len(mark)]
        ends = {sum(len(w) for w in full_line.split()[:i]) for i in range(len(full_line.split()))}
        assert full.startswith(head), f"#{widget_id} not its text: {shown_line!r}"
        assert len(head) in ends, f"#{widget_id} cut mid-word: {shown_line!r}"
    return cut


async def test_the_detail_lines_are_cut_at_words(settings_file: Path) -> None:
    """At 80×24 (issue 20, the new-user trial): the detail's title ended "release, third…" and its
    source line "via a third-party copy · Open Government" (no mark). (The Home Office data's
    detail and map: in the test above.)"""
    app = make_app(settings_file=settings_file, dataset="scotland")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "fife")
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        await settle(pilot)
        check_title_words(app)  # shortened in its middle: the release stays in view
        assert check_whole_or_cut_at_a_word(app, "detail-source", wrapped=True)


async def detail_and_map_lines_are_cut_at_words(pilot: Pilot[None]) -> None:
    """At 80×24, from Compare: Kent's detail's title is cut at words; the map's title ("(homeof…"
    on main) and its legend ("comparable with other": its last lines lost below the map, no
    mark), by each measure."""
    app = pilot.app
    assert isinstance(app, OffenceApp)
    await pilot.resize_terminal(80, 24)
    await settle(pilot)
    await pilot.press("escape")  # back to Forces
    await wait_for(pilot, lambda: isinstance(app.screen, ForcesScreen), "Forces")
    await pilot.press("slash")
    await type_text(pilot, "kent")
    await pilot.press("enter")
    await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
    await settle(pilot)
    assert check_title_words(app)
    await pilot.press("escape", "M")
    await wait_for(pilot, lambda: isinstance(app.screen, MapScreen), "the map")
    async for _measure in each_map_measure(pilot):
        check_whole_or_cut_at_a_word(app, "map-title", wrapped=False)
        check_whole_or_cut_at_a_word(app, "map-status", wrapped=False)
        check_whole_or_cut_at_a_word(app, "map-legend", wrapped=True)
    await pilot.press("escape")
    await wait_for(pilot, lambda: isinstance(app.screen, ForcesScreen), "Forces")


async def each_map_measure(pilot: Pilot[None]) -> AsyncIterator[str]:
    """On the map, each measure in turn (counts, % change, rates; ``m`` moves on), yielded once
    its title shows it and the map has settled."""
    app = pilot.app
    for measure in ("count in", "% change", "rate per"):
        title = app.screen.query_one("#map-title")

        def shown(title: Widget = title, measure: str = measure) -> bool:
            return str(title.render()).startswith(measure)

        await wait_for(pilot, shown, measure)
        await settle(pilot)
        yield measure
        await pilot.press("m")


async def test_the_stacked_map_legend_marks_the_lines_it_leaves_out(settings_file: Path) -> None:
    """At 60×20 the legend goes under the map, in the lines left: those it has no room for were
    dropped with no mark (the key's hints, a note); now the last line shown ends "…"."""
    app = make_app(settings_file=settings_file, ascii_only=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("down", "M")
        await wait_for(pilot, lambda: isinstance(app.screen, MapScreen), "the map")
        async for _measure in each_map_measure(pilot):
            legend = app.screen.query_one("#map-legend")
            if legend.display:
                lines = drawn(app, legend.content_region)
                assert "5" in lines[1] and "Bins" in lines[0], lines  # the key, whole
                assert check_whole_or_cut_at_a_word(app, "map-legend", wrapped=True)
                assert lines[-1].rstrip().endswith("..."), lines  # (ASCII: "..." for "…")


def test_the_last_line_of_a_text_that_goes_on_says_so() -> None:
    from rich.text import Text

    from tui.widgets.status_line import more_follows

    assert more_follows(Text("1  8 to 496 (9)"), 30).plain == "1  8 to 496 (9) …"
    assert more_follows(Text("comparable with other"), 22).plain == "comparable with …"
    assert more_follows(Text("abcdefghij"), 6).plain == "abcd …"


async def the_release_diff_notes_are_cut_at_a_word(pilot: Pilot[None]) -> None:
    """At 80×24, from Forces: the release diff's notes (the Apr 2026 release against the Oct 2023
    one) stopped in the middle of their list of cells, "Avon and Somerset 2023/24 Q1 86", with
    no mark."""
    from textual.widgets import OptionList

    app = pilot.app
    assert isinstance(app, OffenceApp)
    app.screen.query_one("#forces-table").focus()
    await pilot.press("d")
    await settle(pilot)
    options = app.screen.query_one(OptionList)
    names = [
        str(options.get_option_at_index(i).prompt).split()[0] for i in range(options.option_count)
    ]
    options.highlighted = names.index("homeoffice-2023-10")
    await pilot.press("D")
    await wait_for(pilot, lambda: getattr(app.screen, "diff", None) is not None, "the diff")
    await settle(pilot)
    assert check_whole_or_cut_at_a_word(app, "diff-notes", wrapped=True)
