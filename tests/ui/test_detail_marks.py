"""The detail's series table marks its changes as ``ox show`` does: "~" (dimmed) after a % within
chance variation, "†" ("r" in ASCII) after a % between figures from different releases, with a
legend line under the table that names only the marks shown."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.ui.conftest import burst, settle, terminal_text, type_text, wait_for
from tui.app import OffenceApp, make_app
from tui.screens.detail import ForceDetailScreen
from tui.widgets.peers_panel import PeersPanel
from tui.widgets.tables import SeriesTable


def pct_cell(table: SeriesTable, key: str) -> tuple[str, str]:
    """The % cell of a year's row: its text and style."""
    cell = table.get_row(key)[[c.key.value for c in table.ordered_columns].index("pct")]
    return cell.plain, str(cell.style)


async def open_detail(app: OffenceApp, pilot: Pilot[None], name: str) -> SeriesTable:
    """Type ``name`` in the Forces view, open its detail and wait for its figures."""
    await settle(pilot)
    await type_text(pilot, name)
    await pilot.press("enter")
    await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
    assert isinstance(app.screen, ForceDetailScreen)
    return app.screen.query_one(SeriesTable)


async def test_changes_within_chance_are_marked_in_the_detail(tmp_path: Path) -> None:
    """Northamptonshire, code 86, summed from the source's quarters (prc_pfa_tidy.csv):
    2020/21 89+144+150+155 = 538 → 2021/22 120+99+106+219 = 544, +1.1 % (within chance: about
    0.2 standard errors of a fair split of 1,082); 2016/17 61+34+63+90 = 248 → 2017/18
    60+61+71+77 = 269, +8.5 % (within: 0.9); 2021/22 544 → 2022/23 737, +35.5 % (beyond)."""
    app = make_app(dataset="homeoffice-2023-10", settings_file=tmp_path / "s.json")
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_detail(app, pilot, "northam")
        assert pct_cell(table, "2021/22") == (f"{(544 / 538 - 1) * 100:+.1f}%~", "dim")
        assert pct_cell(table, "2017/18") == (f"{(269 / 248 - 1) * 100:+.1f}%~", "dim")
        text, style = pct_cell(table, "2022/23")
        assert text.strip() == f"{(737 / 544 - 1) * 100:+.1f}%" and "dim" not in style
        screen = terminal_text(app)
        assert "~ within chance (exact Poisson test, 95%)" in screen  # in view at 80×24
        assert "figures from different releases" not in screen  # one release: no "†"
        await pilot.press("p")  # quarters: no % column, so no legend
        await settle(pilot)
        assert "within chance (exact" not in terminal_text(app)


async def test_nspcc_detail_marks_chance_and_releases_and_says_why_no_peers(
    tmp_path: Path,
) -> None:
    """NSPCC FOI on one app (80×24), three checks.

    (1) Marks (nspcc_sources.csv): Northamptonshire 245 (2016/17) → 263 (2017/18), both in the
    2018-09 release: +7.3 %, within chance (0.8 standard errors). (2) Peers: Northamptonshire
    has peers (``ox peers northamptonshire``) but NSPCC FOI figures are one offence, not all
    offences by group: the panel and ``P`` say so and point to homeoffice (the CLI says "-d
    homeoffice"), rather than "No peer group to chart for this force". (3) Marks in ASCII
    (``/`` cumbria, ``A``): Cumbria 255 (2020/21, 2021-12 release) → 307 (2021/22, 2023-02
    release): +20.4 %, across releases and beyond chance (2.2 standard errors)."""
    app = make_app(dataset="nspcc", ascii_only=False, settings_file=tmp_path / "s.json")
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_detail(app, pilot, "northamptonshire")
        assert pct_cell(table, "2017/18") == (f"{(263 / 245 - 1) * 100:+.1f}%~", "dim"), "(1)"

        panel = app.screen.query_one(PeersPanel)
        await wait_for(pilot, lambda: "finding them" not in str(panel.render()), "the peers")
        said = " ".join(str(panel.render()).split())
        assert "no offence groups to compare forces by" in said, f"(2) {said}"
        assert "Press d and choose homeoffice to see Northamptonshire's peers" in said, said
        assert "-d homeoffice" not in said  # the CLI's words, not a key of the app
        await pilot.press("P")
        await settle(pilot)
        told = [str(n.message) for n in app._notifications]
        assert any(
            m.startswith("No peers to chart: none in nspcc") and "choose homeoffice" in m
            for m in told
        ), f"(2) {told}"
        assert isinstance(app.screen, ForceDetailScreen), "(2) a chart opened"  # no chart

        screen = app.screen
        burst(pilot, "slash", *"cumbria", "enter")
        await wait_for(pilot, lambda: app.screen is not screen, "Cumbria")
        assert isinstance(app.screen, ForceDetailScreen)
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        await pilot.press("A")
        app.clear_notifications()
        await settle(pilot)
        table = app.screen.query_one(SeriesTable)
        text, style = pct_cell(table, "2021/22")
        assert text.strip() == f"{(307 / 255 - 1) * 100:+.1f}%r" and "dim" not in style, "(3)"
        screen_text = terminal_text(app)
        assert "r figures from different releases" in screen_text, f"(3) {screen_text}"
        assert "~ within chance (exact Poisson test, 95%)" in screen_text  # 223 → 255, +14.3 %
