"""The export dialog's overwrite prompt is read to its end at 60×20 and 80×24 (issue 20: at
80×24 it read "northamptonshire-homeoffice-86.csv exists (a regular file of" and stopped, the
instruction out of view). Read from the terminal as the compositor draws it."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import settle, terminal_text, type_text
from tui.app import make_app
from tui.screens.export_dialog import cut_middle


def test_a_long_name_is_cut_in_the_middle_keeping_its_suffix() -> None:
    name = "northamptonshire-homeoffice-86.csv"
    assert cut_middle(name, 40) == name
    cut = cut_middle(name, 20)
    assert len(cut) == 20 and cut.startswith("northampt") and cut.endswith("-86.csv") and "…" in cut


async def test_the_overwrite_prompt_is_whole(tmp_path: Path) -> None:
    """One app (four before), resized: at 60×20 and 80×24, for a short and a long file name."""
    app = make_app(settings_file=tmp_path / "s.json")
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await type_text(pilot, "northam")
        await pilot.press("enter")
        await settle(pilot)
        for size in [(60, 20), (80, 24)]:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            for stem in ["northamptonshire-homeoffice-86", "x" * 90]:
                case = (size, stem[:12])
                target = tmp_path / f"{stem}.csv"
                target.write_text("a,b\n", encoding="utf-8")
                await pilot.press("e")
                await settle(pilot)
                app.screen.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
                await pilot.press("enter")
                await settle(pilot)
                text = " ".join(line.strip(" │") for line in terminal_text(app).splitlines())
                text = " ".join(text.split())  # the prompt as read, across its wrapped lines
                assert "exists (a regular file of 4 bytes)." in text, (case, text)
                assert "Press Enter again to replace it · Esc cancels" in text, (case, text)
                if len(stem) > 40:
                    assert "…" in text and "xxx.csv exists" in text, (case, text)
                await pilot.press("enter")  # confirmed: replaced
                await settle(pilot)
                assert target.read_text(encoding="utf-8") != "a,b\n", case
