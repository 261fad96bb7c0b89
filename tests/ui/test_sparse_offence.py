"""An NSPCC breakdown code (possession of indecent images, stated for 2017/18 only, by four forces)
opened the Forces table on "change 2022/23 → 2023/24" and six columns of "—" (issue 20): it says
there is no change, and opens on the last year with a figure."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import settle, terminal_text, type_text
from tui.app import make_app


async def test_a_sparse_offence_opens_on_its_figures(settings_file: Path) -> None:
    app = make_app(settings_file=settings_file, dataset="nspcc", offence="possession")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = terminal_text(app)
        assert "no change: no force has figures in two consecutive full years" in text, text
        header = next(line for line in text.splitlines() if line.lstrip().startswith("Force"))
        assert header.rstrip().endswith("2017/18"), header
        await type_text(pilot, "derbyshire")
        row = next(line for line in terminal_text(app).splitlines() if "Derbyshire" in line)
        assert row.rstrip().endswith("264"), row  # as the NSPCC FOI answer was quoted
