"""Names from data, file names and settings are shown literally on every screen: never read as
markup (``[@click=app.quit]`` once quit the app from the command palette), never sent to the
terminal as escapes, never reordering text (bidi overrides)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from tests.ui.conftest import settle, terminal_text, type_text, wait_for
from tui.app import OffenceApp, make_app
from tui.model.importing.api import import_file
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.screens.export_dialog import ExportDialog
from tui.screens.forces import ForcesScreen
from tui.screens.help import HelpScreen

CLICK = "[@click=app.quit]"
FILE_NAME = f"{CLICK}CLICK\x1b[31m\u202eRED.csv"
FORCE = f"{CLICK}Force"
OFFENCES = {
    "86": f"{CLICK}offence",
    "87": "[b]bold[/b] offence",
    "88": "\x1b[31mred offence",
    "89": "Kent\u202eevil offence",
}
FORCES = ["Kent", "Essex", FORCE, "[b]Bold[/b] Force", "\x1b[31mRed Force", "Bidi\u202eForce"]
GROUP = f"{CLICK}Group"


def shown(text: str) -> str:
    """How a hostile text must look on screen: escapes and bidi visible, brackets literal."""
    from tui.formatting import safe_text

    return safe_text(text)


@pytest.fixture
def hostile(tmp_path: Path, store: Path) -> str:
    """A dataset imported from a file whose name, forces, offences and groups are all hostile."""
    path = tmp_path / FILE_NAME
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            [
                "Financial Year",
                "Financial Quarter",
                "Force Name",
                "Offence Description",
                "Offence Group",
                "Offence Subgroup",
                "Offence Code",
                "Number of Offences",
            ]
        )
        for year in ("2017/18", "2018/19"):
            for quarter in (1, 2, 3, 4):
                for force in FORCES:
                    for code, offence in OFFENCES.items():
                        count = 3 + quarter + (year == "2018/19") + FORCES.index(force)
                        row = [year, quarter, force, offence, GROUP, "[i]Sub[/i]", code, count]
                        writer.writerow(row)
    return import_file(path, name="hostile").name


def actions_on_screen(app: OffenceApp) -> list[str]:
    """Every ``@click`` action that a cell of the screen would run when clicked (Textual's own
    scrollbars use ``@mouse.*``, and nothing of ours uses ``@click``): read from the styles of
    every segment the screen is drawn with."""
    found = set()
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            meta = segment.style.meta if segment.style is not None else {}
            found |= {f"{k}={v}" for k, v in meta.items() if k == "@click"}
    return sorted(found)


def where(app: OffenceApp, text: str, below: int = 0) -> tuple[int, int]:
    """The screen offset of the first cell showing ``text`` on a line from ``below`` down."""
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        x = strip.text.find(text)
        if x >= 0 and y >= below:
            return x, y
    raise AssertionError(f"{text!r} is not on screen")


async def shows(pilot: Pilot[None], text: str) -> None:
    """Wait until ``text`` is on screen (the palette fills its list in a worker of its own)."""
    wanted = "".join(shown(text).split())
    await wait_for(
        pilot,
        lambda: wanted in "".join(terminal_text(pilot.app).split()),
        f"{text!r} on screen",
    )


async def check(pilot: Pilot[None], *literal: str) -> str:
    """The app runs, no cell holds an action, and each text is on screen literally."""
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, OffenceApp)
    assert app.is_running and app.return_code is None
    assert actions_on_screen(app) == []
    text = terminal_text(app)  # as the compositor draws it (cheaper than an SVG screenshot)
    squeezed = "".join(text.split())  # a name may be wrapped over two lines
    for item in literal:
        assert "".join(shown(item).split()) in squeezed, (item, text)
    assert "\x1b" not in text and "\u202e" not in text
    return text


async def close_palette(pilot: Pilot[None]) -> None:
    """Escape until the palette is gone (the first Escape may only close its list)."""
    for _ in range(3):
        if not isinstance(pilot.app.screen, CommandPalette):
            return
        await pilot.press("escape")
        await settle(pilot)
    assert not isinstance(pilot.app.screen, CommandPalette)


async def test_hostile_names_stay_literal_on_every_screen(
    hostile: str, settings_file: Path
) -> None:
    app = make_app(dataset=hostile, settings_file=settings_file)
    async with app.run_test(size=(150, 45)) as pilot:
        await check(pilot, OFFENCES["86"])  # the Forces screen opens on code 86
        assert isinstance(app.screen, ForcesScreen)
        await pilot.press("down", "n")  # to the table; list the unknown (hostile) forces too
        await check(pilot, FORCE, "[b]Bold[/b] Force", "\x1b[31mRed Force", "Bidi\u202eForce")

        # Offence picker: every hostile offence and group, literally.
        await pilot.press("o")
        await check(pilot, *OFFENCES.values())
        await type_text(pilot, "red")
        await check(pilot, OFFENCES["88"])
        await pilot.press("escape")
        await settle(pilot)

        # Force detail of a hostile force (found by the search box).
        await pilot.press("slash")
        await type_text(pilot, "click")
        await pilot.press("enter")
        await check(pilot, FORCE, OFFENCES["86"])
        assert isinstance(app.screen, ForceDetailScreen) and app.screen.force.name == FORCE
        await check(pilot, FILE_NAME)  # the source line names the file
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape", "escape")  # clear the search, then to the table

        # Compare.
        await pilot.press("v")
        await check(pilot, FORCE)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("a")  # the year picker
        await check(pilot)
        await pilot.press("escape")
        await pilot.press("escape")
        await settle(pilot)

        # Dataset picker: the title holds the file name.
        await pilot.press("d")
        await check(pilot, FILE_NAME)
        await pilot.press("escape")
        await settle(pilot)

        # Command palette: the dataset's help line is its title, literally, and no action.
        assert isinstance(app.screen, ForcesScreen)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        # (Typed first: before anything is typed, the order of the palette's providers' entries
        # varies, so this one may be below the fold.)
        await type_text(pilot, "dataset: hostile")
        await shows(pilot, "Dataset: hostile")
        await check(pilot, FILE_NAME)
        # Click the file name in the entry's help line: it only picks the entry.
        entries = app.screen.query_one(CommandList).region
        await pilot.click(offset=where(app, "CLICK", below=entries.y))
        await settle(pilot)
        assert app.is_running and app.return_code is None
        await close_palette(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "force: click")
        await shows(pilot, FORCE)
        await check(pilot, FORCE)
        await close_palette(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "offence: red")
        await shows(pilot, OFFENCES["88"])
        await check(pilot, OFFENCES["88"])
        await close_palette(pilot)

        # Help, and the export dialog (its default name comes from the data).
        await pilot.press("f1")
        await check(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        # Export from the detail of the hostile force (its name makes the file name).
        await pilot.press("escape", "escape")
        await type_text(pilot, "click")
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, ForceDetailScreen) and detail.force.name in FORCES[2:]
        await pilot.press("e")
        await check(pilot)
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        await check(pilot, detail.force.name)
        assert app.screen is detail


async def test_hostile_settings_and_damaged_manifests_never_stop_the_app(
    store: Path, settings_file: Path
) -> None:
    """One app (two tests before). A settings file is data too: a hostile theme, dataset or key
    shows literally. Deeply nested JSON in one manifest (a RecursionError at every start, once),
    another naming a file outside the folder: the app starts on the bundled data, and the dataset
    list and the palette (which list every dataset) still open. (FIFOs are tested through the
    CLI, in a process of its own, where a regression cannot hang the suite.)"""
    settings_file.write_text(
        json.dumps(
            {
                "dataset": f"{CLICK}gone\x1b[31m",
                "theme": f"{CLICK}theme\u202e",
                "keymap": {"compare": "[b]", "help": "\x1b[31m"},
                "offences": {"homeoffice": f"{CLICK}86"},
            }
        ),
        encoding="utf-8",
    )
    store.mkdir(parents=True)
    (store / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (store / "away.json").write_text('{"file": "../x.parquet", "title": "away"}', encoding="utf-8")
    app = make_app(settings_file=settings_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await check(pilot, "code 86: Obscene publications etc")
        messages = [str(n.message) for n in app._notifications]
        assert any(shown(f"Unknown theme '{CLICK}theme\u202e'") in m for m in messages), messages
        assert any(shown(f"{CLICK}gone\x1b[31m") in m for m in messages), messages
        assert any('"keymap"."help" should be key names' in m for m in messages), messages
        assert app.dataset is not None and app.dataset.name == "homeoffice"
        await pilot.press("f1")
        await check(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ForcesScreen)
        await pilot.press("down", "d")
        text = await check(pilot, "homeoffice", "nspcc")
        assert "away" not in text
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "dataset: nspcc")
        await shows(pilot, "Dataset: nspcc")
        await close_palette(pilot)
        await check(pilot)
