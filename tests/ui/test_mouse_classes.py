"""Crash classes of the mouse (a key storm with clicks, drags and the wheel in tmux), each tested
where it arises.

- A press, drag or wheel over a widget removed since the screen was last laid out (a
  notification that timed out or was clicked away as the click arrived): Textual started a text
  selection in a widget with no parent (``AttributeError: 'NoneType' object has no attribute
  'region'`` in ``Screen._forward_event``).

The apps run with notifications and tooltips shown, as on a terminal (``run_test`` hides both
unless asked).
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets._toast import Toast

from tests.ui.conftest import assert_running, settle, wait_for
from tests.ui.mouse import mouse_burst
from tui.app import OffenceApp

MOUSE_STEPS = ("click", "double", "drag", "wheel", "move")
"""What the mouse does over the widget that is gone (each sent as one burst)."""

pytestmark = pytest.mark.paints  # every frame drawn, as on a terminal (tests/conftest.py)


async def shown_toast(pilot: Pilot[None]) -> Toast:
    """A notification, once it is drawn."""
    app = pilot.app
    app.notify("A notification the mouse presses on", timeout=30)

    def drawn() -> list[Widget]:
        return [w for w in app.screen._compositor.visible_widgets if isinstance(w, Toast)]

    await wait_for(pilot, drawn, "the notification drawn")
    toast = drawn()[0]
    assert isinstance(toast, Toast)
    return toast


async def test_the_mouse_over_a_widget_removed_since_the_last_layout(app: OffenceApp) -> None:
    """A widget removed (a notification, and a line of a view) and, before the screen is laid out
    again, the mouse pressed, dragged, scrolled or moved where it was drawn. One app; each
    step on a freshly drawn widget."""
    async with app.run_test(size=(80, 24), notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        for kind in ("notification", "line of a view"):
            for step in MOUSE_STEPS:
                if kind == "notification":
                    gone: Widget = await shown_toast(pilot)
                else:
                    gone = Static("a line of the view, replaced as the click arrives")
                    await app.screen.mount(gone)
                    await settle(pilot)
                x, y = gone.region.offset
                await gone.remove()
                assert app.get_widget_at(x + 1, y)[0] is gone  # the map is not yet redrawn
                mouse_burst(pilot, (step, str(x + 1), str(y), str(x + 3), str(y)))
                await settle(pilot)
                assert_running(app, (kind, step))
