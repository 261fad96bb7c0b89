"""The release diff view: the 2017/18 release imported next to the bundled Oct 2023 release.

Figures from the source rows: Northamptonshire, code 86, 2017/18 is 63+63+69+76 = 271 in the earlier
release (prc-pfa-mar2013-onwards-tables201718.csv, the fixture's rows) and 60+61+71+77 = 269 in the
Oct 2023 one (prc_pfa_tidy.csv); PROVENANCE.md: "38 forces differ, by between -22 and +65".
"""

from __future__ import annotations

import io
import json
import shlex
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.ui.conftest import settle, terminal_text, type_text, wait_for
from tests.ui.test_journeys import row_cells, visible_keys, wait_for_palette_hit
from tui.app import make_app
from tui.cli.main import main
from tui.commands import ExplorerCommands
from tui.model.importing.api import import_file
from tui.screens.cite_dialog import CiteDialog
from tui.screens.diff_view import DiffScreen
from tui.widgets.diff_table import DiffTable

FIXTURE_201718 = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "ho_201718.csv"
GROUPS = "prc201718g"
"""The 2017/18 release's offence groups (``ho_201718_groups.parquet``), imported under this name."""


def run(command: str, *extra: str) -> str:
    """Run an ``ox ...`` command line in process, as a shell would split it."""
    out, err = io.StringIO(), io.StringIO()
    assert main([*shlex.split(command)[1:], *extra], out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


async def open_release_diff(pilot: Pilot[None], other: str) -> DiffScreen:
    """From the Forces view: the dataset picker (``d``), ``other`` highlighted, then ``D`` (what
    that release revised against the open one)."""
    app = pilot.app
    await settle(pilot)
    await pilot.press("down", "d")
    await settle(pilot)
    options = app.screen.query_one(OptionList)
    names = [
        str(options.get_option_at_index(i).prompt).split()[0] for i in range(options.option_count)
    ]
    options.highlighted = names.index(other)
    await pilot.press("D")
    await wait_for(pilot, lambda: getattr(app.screen, "diff", None) is not None, "the diff")
    screen = app.screen
    assert isinstance(screen, DiffScreen)
    return screen


def notes(screen: DiffScreen) -> str:
    return str(screen.query_one("#diff-notes").render())


async def test_dataset_picker_d_opens_what_the_new_release_revised(
    store: Path, settings_file: Path
) -> None:
    """Then, on the same app, what happened to each row of a subgroup (see
    :func:`what_happened_to_each_row`)."""
    import_file(FIXTURE_201718, name="prc201718")
    import_file(FIXTURE_201718.with_name("ho_201718_groups.parquet"), name=GROUPS)
    # Against the Oct 2023 release, as PROVENANCE.md's cross-check of the 2017/18 release.
    app = make_app(settings_file=settings_file, dataset="homeoffice-2023-10")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_release_diff(pilot, "prc201718")
        table = screen.query_one(DiffTable)
        keys = visible_keys(table)
        assert len(keys) == 38  # PROVENANCE.md: 38 forces differ in 2017/18
        north = row_cells(table, "Northamptonshire\t2017/18\t86\tchanged")
        assert (north["value_a"].strip(), north["value_b"].strip()) == ("271", "269")
        assert north["change"].strip() == "-2"
        first = row_cells(table, keys[0])
        assert (first["force"], first["change"].strip()) == ("Metropolitan Police", "+65")
        changes = [abs(int(row_cells(table, k)["change"].strip())) for k in keys]
        assert changes == sorted(changes, reverse=True)  # largest first
        assert max(changes) == 65 and min(int(row_cells(table, k)["change"]) for k in keys) == -22
        text = notes(screen)
        assert "38 changed · 5 unchanged · 473 added (only in homeoffice-2023-10)" in text
        assert "0 removed (only in prc201718)" in text
        context = str(screen.query_one("#diff-context").render())
        assert "prc201718 vs homeoffice-2023-10" in context and "code 86" in context
        # C copies the table, c the row under the cursor (tab-separated, as exported).
        await pilot.press("C")
        await settle(pilot)
        copied = app.clipboard.splitlines()
        assert copied[0] == (
            "Force\tYear\tOffence\tprc201718\thomeoffice-2023-10\tChange\tWhat\tNote"
        )
        north_row = "Northamptonshire\t2017/18\t86\t271\t269\t-2\tchanged\t"
        assert north_row in copied and len(copied) == 39
        await pilot.press("down", "c")
        await settle(pilot)
        assert app.clipboard.splitlines()[1] == "Dyfed-Powys\t2017/18\t86\t216\t272\t56\tchanged\t"
        # R: the command prints the same rows.
        await pilot.press("R")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CiteDialog)
        assert dialog.sheet.command == "ox diff prc201718 homeoffice-2023-10 --offence 86"
        printed = json.loads(run(dialog.sheet.command, "--format", "json"))
        assert [
            f"{r['force']}\t{r['year']}\t{r['offence']}\t{r['status']}" for r in printed
        ] == keys
        for rec, key in zip(printed, keys):
            cells = row_cells(table, key)
            assert cells["value_a"].strip() == f"{rec['value_a']:,}"
            assert cells["value_b"].strip() == f"{rec['value_b']:,}"
        # K: both releases are cited, each as ox cite prints it, the import with its file.
        await pilot.press("K")
        await settle(pilot)
        assert dialog.shown == "\n".join(run(c) for c in dialog.sheet.cite_commands)
        await pilot.press("f", "f")
        await settle(pilot)
        cited = json.loads(dialog.shown)
        assert [c["dataset"] for c in cited] == ["prc201718", "homeoffice-2023-10"]
        assert cited[0]["source_file"] == "ho_201718.csv" and cited[1]["release"] == "2023-10-19"
        assert cited[0]["years"] == ["2017/18"] and cited[1]["years"][-1] == "2023/24 Q1"
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, DiffScreen)
        await what_happened_to_each_row(pilot)


async def test_palette_offers_releases_of_the_same_measure_only(
    store: Path, settings_file: Path
) -> None:
    """One app (the bundled release, 2017/18 imported), three checks:

    - the palette offers "Compare releases" of the same measure only, and opens that diff;
    - the dataset picker's D on NSPCC's figures: refused in the view, nothing to cite or export;
    - at 80x24 the bundled releases' diff opened with Force, Year, What, Offence and A in view,
      and B and the change (what the rows are ordered by) off screen to the right.
    """
    import_file(FIXTURE_201718, name="prc201718")
    app = make_app(settings_file=settings_file, dataset="homeoffice")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "ctrl+p")
        await type_text(pilot, "compare releases homeoffice vs prc")
        await wait_for_palette_hit(pilot, "Compare releases: homeoffice vs prc201718")
        await settle(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(app.screen, "diff", None) is not None, "the diff")
        screen = app.screen
        assert isinstance(screen, DiffScreen)
        north = row_cells(screen.query_one(DiffTable), "Northamptonshire\t2017/18\t86\tchanged")
        assert north["change"].strip() == "+2"  # the other way round: 269 → 271
        entries = {e.text for e in ExplorerCommands(app.screen)._build()}
        assert "Compare releases: prc201718 vs homeoffice" in entries
        assert not any("nspcc" in e for e in entries if e.startswith("Compare releases"))
        await pilot.press("escape")
        await settle(pilot)
        await refused_in_the_view(pilot)
        await pilot.press("escape")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        await in_view_at_80_columns(pilot)


async def refused_in_the_view(pilot: Pilot[None]) -> None:
    """``d``, NSPCC's figures, ``D``: different measures are refused in the view."""
    app = pilot.app
    await pilot.press("d")
    await settle(pilot)
    options = app.screen.query_one(OptionList)
    options.highlighted = [
        str(options.get_option_at_index(i).prompt).split()[0] for i in range(options.option_count)
    ].index("nspcc")
    await pilot.press("D")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, DiffScreen)
    assert screen.diff is None and not screen.query_one(DiffTable).display
    text = notes(screen)
    assert text.startswith("Cannot diff 'nspcc' and 'homeoffice': they are different measures")
    assert "NSPCC Freedom of Information figures" in text
    await pilot.press("K")  # nothing compared: nothing to cite
    await settle(pilot)
    assert app.screen is screen
    await pilot.press("e")  # nothing compared: nothing to export, and the user is told why
    await settle(pilot)
    assert app.screen is screen
    told = [n.message for n in app._notifications]
    assert "Nothing to export: nspcc and homeoffice were not compared." in told, told


async def what_happened_to_each_row(pilot: Pilot[None]) -> None:
    """Subgroup "Violence with injury": the Met's +188 is +241 revised and 53 moved out (codes
    4.4, 4.6, 4.8, 4.9, 37.1; figures in tests/unit/test_diff_reclassified.py)."""
    app = pilot.app
    app.set_offence("subgroup:Violence with injury")  # type: ignore[attr-defined]
    app.open_diff(GROUPS, "homeoffice-2023-10")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: getattr(app.screen, "diff", None) is not None, "the diff")
    screen = app.screen
    assert isinstance(screen, DiffScreen)
    table = screen.query_one(DiffTable)
    offence = "subgroup:Violence with injury"
    met = "Metropolitan Police\t2017/18\t" + offence
    changed, moved = row_cells(table, met + "\tchanged"), row_cells(table, met + "\tmoved")
    assert (changed["value_a"].strip(), changed["change"].strip()) == ("77,050", "+241")
    assert (moved["value_a"].strip(), moved["value_b"].strip()) == ("53", "—")
    assert moved["change"].strip() == "-53" and moved["status"] == "moved"
    text = notes(screen)
    assert "41 changed · 2 unchanged · 43 moved ·" in text
    assert "codes 4.4, 4.6, 4.8, 4.9, 37.1 moved out" in text
    assert "'Death or serious injury - unlawful driving' in homeoffice-2023-10" in text
    # The row under the cursor says what happened to it, first.
    table.move_cursor(table.keys.index(met + "\tmoved"))
    await settle(pilot)
    assert notes(screen).startswith(
        "This row (moved): codes 4.4, 4.6, 4.8, 4.9, 37.1 moved out: in subgroup 'Death"
    )


async def in_view_at_80_columns(pilot: Pilot[None]) -> None:
    """At 80x24 the bundled releases' diff opened with Force, Year, What, Offence and A in view,
    and B and the change (what the rows are ordered by) off screen to the right."""
    app = pilot.app
    app.open_diff("homeoffice-2023-10", "homeoffice")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: getattr(app.screen, "diff", None) is not None, "the diff")
    await settle(pilot)
    screen = terminal_text(app).splitlines()
    header = next(row for row in screen if row.lstrip().startswith("Force"))
    assert header.split()[:5] == ["Force", "Year", "homeoffice-2023-10", "homeoffice", "Change"]
    # The Met's 2022/23 code 86: 3,774 in Oct 2023, 3,921 in Apr 2026 (README: revised).
    met = next(row for row in screen if "Metropolitan Police  2022/23" in row)
    assert met.split()[3:6] == ["3,774", "3,921", "+147"]
