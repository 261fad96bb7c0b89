"""The display options' keys: the theme (``t``), ASCII charts (``A``), the national bodies
(``n``) and counts or rates (``m``). Each is remembered in the settings and shown at once in every
open view: the app sets its ``view_context``, which every view watches (one way)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.config import DEFAULT_THEME, LIGHT_THEME

if TYPE_CHECKING:
    from tui.app import OffenceApp


def toggle_theme(app: OffenceApp) -> None:
    """Switch between the light and the dark theme."""
    app.theme = LIGHT_THEME if app.current_theme.dark else DEFAULT_THEME
    app.remember_settings(theme=app.theme)


def toggle_ascii(app: OffenceApp) -> None:
    """Plain-ASCII sparklines and chart markers, or Unicode ones."""
    app.prefs.ascii_for_terminal = None  # the user's own choice from now on: saved
    app.show_everywhere(ascii=not app.settings.ascii)
    for screen in app.screen_stack:  # redraw every line through the filters
        for widget in screen.walk_children(with_self=True):
            widget.refresh()
    app.notify("ASCII charts " + ("on" if app.settings.ascii else "off"), timeout=2)


def toggle_national(app: OffenceApp) -> None:
    """List BTP, the national fraud bodies and combined figures too (never ranked)."""
    app.show_everywhere(include_national=not app.settings.include_national)
    shown = "shown" if app.settings.include_national else "hidden"
    app.notify(f"BTP, national fraud bodies and combined figures {shown}", timeout=3)


def toggle_measure(app: OffenceApp) -> None:
    """Counts, or rates per 100,000 people, in the Forces and Compare tables."""
    app.show_everywhere(measure="count" if app.settings.measure == "rate" else "rate")
    shown = "rates per 100,000 people" if app.settings.measure == "rate" else "counts"
    app.notify(f"Showing {shown}", timeout=2)
