"""One of each notice on screen at a time.

Textual shows each notification as a toast of its own until it times out. A key pressed again
before then (``[`` at the earliest year in Compare, ``g`` with no force marked, a held key's
repeats) stacked one identical toast per press, until they covered the view they were about.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.notifications import Notify


def one_of_each(app: App[Any], event: Notify) -> None:
    """The app's ``on_notify``: before Textual shows ``event``'s notice, a notice already shown
    with the same words, title and severity is taken away (the new one starts its time again)."""
    new = event.notification
    said = (new.message, new.title, new.severity)
    for shown in [n for n in app._notifications if (n.message, n.title, n.severity) == said]:
        app._unnotify(shown, refresh=False)  # Textual's handler, next, shows the new one
