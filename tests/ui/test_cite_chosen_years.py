"""Two years chosen apart are cited as two years, not as a range (issue 20: Compare 2016/17 →
2023/24 cited "years: 2016/17 to 2023/24 (2 years)", which reads as eight years called two).
A run of years stays ``A to B (N years)``. The dialog (K), ``ox cite`` and BibTeX agree."""

from __future__ import annotations

from tests.ui.conftest import settle
from tests.ui.test_cite_dialog import cli, open_dialog
from tui.app import OffenceApp
from tui.model.findings.citation import selection_text
from tui.screens.compare import CompareScreen


def test_years_chosen_apart_and_runs() -> None:
    from tui.model.findings.citation import Citation

    def years(*labels: str) -> str:
        fields = {f: "" for f in Citation.__dataclass_fields__}
        c = Citation(**{**fields, "forces": (), "years": labels, "notes": ()})  # type: ignore[arg-type]
        return selection_text(c).split("years: ")[1]

    assert years("2016/17", "2023/24") == "2016/17 and 2023/24"
    assert years("2021/22", "2022/23") == "2021/22 to 2022/23 (2 years)"
    assert (
        years("2012/13", "2013/14", "2014/15", "2017/18")
        == "2012/13 to 2014/15 and 2017/18 (4 years)"
    )
    assert years("2016/17", "2018/19", "2020/21") == "2016/17, 2018/19 and 2020/21"
    assert years("2022/23", "2023/24 Q1") == "2022/23 to 2023/24 Q1 (2 years)"
    assert years("2017/18") == "2017/18"


def test_ox_cite_text_and_bibtex_say_and() -> None:
    for fmt in ("text", "bibtex"):
        printed = cli("ox cite --years 2016/17,2023/24", "--format", fmt)
        assert "years: 2016/17 and 2023/24" in printed and "(2 years)" not in printed
    printed = cli("ox cite --years 2016/17..2018/19")
    assert "years: 2016/17 to 2018/19 (3 years)" in printed


async def test_compare_cites_its_two_years_as_ox_cite_does(app: OffenceApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_compare(2016, 2023)
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        dialog = await open_dialog(pilot)
        assert "years: 2016/17 and 2023/24" in dialog.shown
        assert "(2 years)" not in dialog.shown
        assert dialog.shown == cli(dialog.sheet.cite_commands[0])
