"""The detail's two measures side by side keep each figure beside its year (issue 20: at 80×24
the NSPCC figure wrapped onto a line of its own, ``2016/17    248`` then `` 245`` alone). Read as
the facts panel wraps its text at its width."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console

from tests.ui.conftest import settle, type_text, wait_for
from tui.app import make_app
from tui.widgets.facts_view import FactsText

SIZES = [(60, 20), (80, 24), (120, 40)]


def pair_failure(facts: FactsText) -> str | None:
    """What is wrong with the two measures' table as the facts panel wraps it, if anything."""
    console = Console(width=facts.content_region.width, file=io.StringIO(), record=True)
    console.print(facts.render())
    lines = console.export_text(styles=False).splitlines()
    first = next(i for i, t in enumerate(lines) if t.startswith("Both measures"))
    head = next(i for i, t in enumerate(lines) if i > first and t.startswith("Year"))
    if "A: Home Office code 86" not in lines[first:head] or "B: NSPCC FOI" not in lines[first:head]:
        return f"measures not named: {lines[first:head]}"
    if not re.fullmatch(r"Year +A +B", lines[head]):
        return f"header {lines[head]!r}"
    rows = {}
    for line in lines[head + 1 :]:
        m = re.fullmatch(r"(\d{4}/\d{2}) +(\S+) +(\S+)", line)
        if not m:
            break
        rows[m[1]] = (m[2], m[3])
    # Northamptonshire, 2016/17: Home Office code 86 248 (PRC), NSPCC FOI 245
    # (nspcc_sources.csv); 2017/18: 269 and 263.
    if rows.get("2016/17") != ("248", "245") or rows.get("2017/18") != ("269", "263"):
        return f"rows {rows}: {lines}"
    after = lines[head + 1 + len(rows)]
    if re.fullmatch(r"[\d,—\s]+", after):
        return f"a figure alone on a line: {after!r}"
    return None


async def test_each_figure_sits_beside_its_year(tmp_path: Path) -> None:
    """Northamptonshire's detail, opened once, at 60×20, 80×24 and 120×40 (resized)."""
    app = make_app(settings_file=tmp_path / "s.json")
    failures: list[str] = []
    async with app.run_test(size=SIZES[0]) as pilot:
        await settle(pilot)
        await type_text(pilot, "northam")
        await pilot.press("enter")
        await wait_for(pilot, lambda: getattr(app.screen, "detail", None) is not None, "detail")
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert app.size == size
            if problem := pair_failure(app.screen.query_one(FactsText)):
                failures.append(f"{size}: {problem}")
    assert not failures, "\n".join(failures)
