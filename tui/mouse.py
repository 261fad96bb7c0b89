"""The mouse never acts on a widget that is gone.

Textual finds the widget under the mouse in the screen's map of where each widget was drawn,
which is brought up to date when the screen is next laid out. A widget removed since then is
still in it: a notification that timed out (or was clicked away) a moment before a click on it,
a line of a view replaced as the click arrived. A press there started a text selection in a
widget with no parent, and ``Screen._forward_event`` read the region of that missing parent
(``AttributeError: 'NoneType' object has no attribute 'region'``, found by a mouse storm in
tmux). A mouse event over a widget that is no longer in the app is dropped: what the user
pointed at has gone, and the next event meets a map redrawn without it.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.errors import NoWidget


def over_a_removed_widget(app: App[Any], event: events.Event) -> bool:
    """Whether ``event`` is a mouse event (from the terminal, not one the app passed on to a
    widget) over a widget that has been removed from the app since the screen was last laid
    out (a widget that has the mouse captured gets its events wherever the mouse is)."""
    if not isinstance(event, events.MouseEvent) or event.is_forwarded:
        return False
    if app.mouse_captured is not None:
        return False
    try:
        widget, _region = app.get_widget_at(event.x, event.y)
    except NoWidget:
        return False
    return not widget.is_attached


async def steady_on_event(app: App[Any], event: events.Event) -> None:
    """``App.on_event`` (the app's ``on_event``), but a mouse event over a widget that is gone is
    never delivered."""
    if not over_a_removed_widget(app, event):
        await App.on_event(app, event)
