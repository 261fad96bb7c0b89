"""The cite dialog (K): the citation of what is on screen in each format, as ``ox cite`` prints it,
with the real source and licence, copied over OSC 52 (c)."""

from __future__ import annotations

import hashlib
import io
import json
import shlex
from pathlib import Path

from textual.pilot import Pilot

from tests.ui.conftest import settle, type_text, wait_for
from tests.ui.test_journeys import wait_for_palette_hit
from tui.app import OffenceApp, make_app
from tui.cli.main import main
from tui.model.importing.api import import_file
from tui.screens.cite_dialog import CiteDialog
from tui.screens.compare import CompareScreen
from tui.screens.detail import ForceDetailScreen
from tui.widgets.search_bar import SearchBar

FIXTURE_201718 = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "ho_201718.csv"
OGL = "Contains public sector information licensed under the Open Government Licence v3.0."
SOURCE_URL = "https://www.gov.uk/government/statistics/police-recorded-crime-open-data-tables"
"""data/README.md: where the bundled Home Office table comes from."""


def cli(command: str, *extra: str) -> str:
    """Run an ``ox ...`` command line in process, as a shell would split it."""
    argv = shlex.split(command)
    assert argv[0] == "ox"
    out, err = io.StringIO(), io.StringIO()
    assert main([*argv[1:], *extra], out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


def body(dialog: CiteDialog) -> str:
    """The dialog's text as displayed."""
    return str(dialog.query_one("#cite-body").render())


async def open_dialog(pilot: Pilot[None], key: str = "K") -> CiteDialog:
    await pilot.press(key)
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, CiteDialog)
    return dialog


async def test_each_format_the_palette_a_search_a_detail_compare_and_a_picker(
    oct23_app: OffenceApp,
) -> None:
    """One app (five tests before): each format is the citation ``ox cite`` prints and c copies
    it; the palette opens the command of the view; a search cites the forces it leaves (none:
    nothing to cite); Detail and Compare cite the force and the years on screen; nothing to cite
    in a picker."""
    app = oct23_app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down")  # from the search box to the table
        dialog = await open_dialog(pilot)
        (cite_command,) = dialog.sheet.cite_commands
        assert cite_command == "ox cite --dataset homeoffice-2023-10 --offence 86"
        seen: dict[str, str] = {}
        for fmt in ("text", "bibtex", "json"):
            assert dialog.format == fmt
            printed = cli(cite_command, "--format", fmt)
            assert dialog.shown == printed
            assert body(dialog) == printed.rstrip("\n")
            await pilot.press("c")
            await settle(pilot)
            assert app.clipboard == printed
            seen[fmt] = printed
            await pilot.press("f")
            await settle(pilot)
        assert dialog.format == "text"  # f wraps round
        # The facts, from data/README.md and data/datasets.json, not from the code.
        text = seen["text"]
        assert text.startswith(
            "Home Office (2023-10-19). Police recorded crime open data Police Force Area tables "
            f"[prc-pfa-mar2013-onwards-tables-191023.ods]. {SOURCE_URL}\n"
        )
        assert "Selection: code 86: Obscene publications etc; forces: all forces shown; " in text
        assert "years: 2012/13 to 2023/24 Q1 (12 years)." in text  # the partial year labelled
        assert "data built 2026-12-07" in text and OGL in text
        assert "Route: Read from a third-party copy" in text and "sxl634/posit-cloud-test" in text
        assert "Open Government Licence v3.0 <https://www.nationalarchives.gov.uk/" in text
        bib = seen["bibtex"]
        assert bib.startswith("@misc{homeoffice_2023_10_2023_code_86,\n")
        assert "author = {{Home Office}}" in bib and "date = {2023-10-19}" in bib
        record = json.loads(seen["json"])
        assert record["publisher"] == "Home Office" and record["attribution"] == OGL
        assert record["forces"] == [] and record["years"][-1] == "2023/24 Q1"
        assert len(record["years"]) == 12 and record["data_date_kind"] == "built"
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CiteDialog)

        # The palette opens the command of the view (Reproduce this view).
        await pilot.press("ctrl+p")
        await type_text(pilot, "reproduce this view")
        await wait_for_palette_hit(pilot, "Reproduce this view")
        await pilot.press("enter")
        await settle(pilot)
        reproduce = app.screen
        assert isinstance(reproduce, CiteDialog) and reproduce.mode == "reproduce"
        assert (
            reproduce.shown == "ox table --dataset homeoffice-2023-10 --offence 86 --sort 2022/23"
        )
        await pilot.press("K")  # K in the dialog switches to the citation
        await settle(pilot)
        assert str(reproduce.mode) == "cite"  # (str: mypy narrowed the mode above)
        assert reproduce.shown.startswith("Home Office (2023-10-19).")
        await pilot.press("escape")
        await settle(pilot)

        # A search cites the forces it leaves.
        await pilot.press("slash")
        await type_text(pilot, "northam")
        await pilot.press("down")
        dialog = await open_dialog(pilot)
        assert dialog.sheet.cite_commands == (
            "ox cite --dataset homeoffice-2023-10 --offence 86 --force Northamptonshire",
        )
        assert "forces: Northamptonshire; years: 2012/13 to 2023/24 Q1" in dialog.shown
        await pilot.press("escape", "slash", "escape")
        await type_text(pilot, "zzzz")  # a search matching nothing
        assert app.screen.query_one(SearchBar).value == "zzzz"
        await pilot.press("down", "K")
        await settle(pilot)
        assert not isinstance(app.screen, CiteDialog), "nothing to cite: no forces"

        # Detail and Compare cite the force and the years on screen.
        await pilot.press("slash", "escape")  # clear the search
        await type_text(pilot, "northam")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ForceDetailScreen)
        dialog = await open_dialog(pilot)
        await pilot.press("f", "f")  # JSON
        await settle(pilot)
        record = json.loads(dialog.shown)
        assert record["forces"] == ["Northamptonshire"]
        assert record["offence"] == "code 86: Obscene publications etc"
        assert dialog.sheet.cite_commands == (
            "ox cite --dataset homeoffice-2023-10 --offence 86 --force Northamptonshire",
        )
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("down", "v")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        dialog = await open_dialog(pilot)
        assert "years: 2021/22 to 2022/23 (2 years)" in dialog.shown
        printed = cli(dialog.sheet.cite_commands[0])
        assert dialog.shown == printed
        assert "--years 2021/22,2022/23" in dialog.sheet.cite_commands[0]
        await pilot.press("escape", "escape")
        await settle(pilot)

        # Nothing to cite in a picker.
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.id == "pick-dataset"
        await pilot.press("K")
        await settle(pilot)
        assert not isinstance(app.screen, CiteDialog)  # the dataset picker stays, unharmed
        assert app.screen.id == "pick-dataset"


async def test_an_imported_release_is_cited_with_its_file_checksum_and_import_date(
    store: Path, settings_file: Path
) -> None:
    import_file(FIXTURE_201718, name="prc201718")
    manifest = json.loads((store / "prc201718.json").read_text(encoding="utf-8"))
    sha256 = hashlib.sha256(FIXTURE_201718.read_bytes()).hexdigest()
    app = make_app(dataset="prc201718", settings_file=settings_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.dataset is not None, "the import to open")
        await pilot.press("down")
        dialog = await open_dialog(pilot)
        text = dialog.shown
        assert (
            f"Dataset 'prc201718' imported into offence-explorer on {manifest['imported_at']} "
            f"from ho_201718.csv, sha256:{sha256}." in text
        )
        assert text.startswith("Home Office (release date not recorded).")
        assert "years: 2017/18." in text and OGL in text
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == text == cli(dialog.sheet.cite_commands[0])
