"""The detail's two measures side by side keep each figure beside its year (issue 20: at 80×24
the NSPCC figure wrapped onto a line of its own, ``2016/17    248`` then `` 245`` alone). Read as
the facts panel wraps its text at its width."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from tests.ui.conftest import settle, wait_for
from tui.app import make_app
from tui.widgets.facts_view import FactsText


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_each_figure_sits_beside_its_year(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press(*"northam", "enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        await settle(pilot)
        facts = app.screen.query_one(FactsText)
        console = Console(width=facts.content_region.width, file=io.StringIO(), record=True)
        console.print(facts.render())
        lines = console.export_text(styles=False).splitlines()
        first = next(i for i, t in enumerate(lines) if t.startswith("Both measures"))
        head = next(i for i, t in enumerate(lines) if i > first and t.startswith("Year"))
        assert "A: Home Office code 86" in lines[first:head] and "B: NSPCC FOI" in lines[first:head]
        assert re.fullmatch(r"Year +A +B", lines[head]), lines[head]
        rows = {}
        for line in lines[head + 1 :]:
            m = re.fullmatch(r"(\d{4}/\d{2}) +(\S+) +(\S+)", line)
            if not m:
                break
            rows[m[1]] = (m[2], m[3])
        # Northamptonshire, 2016/17: Home Office code 86 248 (PRC), NSPCC FOI 245
        # (nspcc_sources.csv); 2017/18: 269 and 263.
        assert rows["2016/17"] == ("248", "245") and rows["2017/18"] == ("269", "263"), lines
        after = lines[head + 1 + len(rows)]
        assert not re.fullmatch(r"[\d,—\s]+", after), f"a figure alone on a line: {after!r}"
