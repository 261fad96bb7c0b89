"""The app's display options: theme, ASCII charts, national bodies, and counts or rates.

Each is remembered in the settings and shown at once in every open view.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App
from textual.binding import Binding
from textual.filter import LineFilter

from tui.app_views import shown_compare
from tui.config import DEFAULT_THEME, LIGHT_THEME, Settings
from tui.screens.forces import ForcesScreen
from tui.widgets.ascii_filter import AsciiFilter

ASCII_FILTER = AsciiFilter()
KEY_NAMES = {"⏎": "enter", "↑": "up", "↓": "down", "←": "left", "→": "right", "⇥": "tab"}
"""Keys the footer shows by a symbol, by name in ASCII mode."""


class OptionActions(App[None]):
    """``t``, ``A``, ``n`` and ``m``: what the views show, remembered."""

    settings: Settings
    ascii_for_terminal: bool | None

    def _remember_settings(self, **changes: object) -> None:
        raise NotImplementedError  # the app saves them

    def _broadcast(self) -> None:
        raise NotImplementedError  # the app tells its views

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters (``NO_COLOR``), and in ASCII mode one that draws every character on
        screen as printable ASCII (borders, scrollbars, chart frames, arrows, dashes)."""
        filters = super().get_line_filters()
        return [*filters, ASCII_FILTER] if self.settings.ascii else filters

    def get_key_display(self, binding: Binding) -> str:
        """A key as the footer shows it; in ASCII mode by name ("enter", not "⏎")."""
        shown = super().get_key_display(binding)
        if self.settings.ascii and not shown.isascii():
            return KEY_NAMES.get(shown, binding.key)
        return shown

    def action_toggle_theme(self) -> None:
        """Switch between the light and the dark theme."""
        self.theme = LIGHT_THEME if self.current_theme.dark else DEFAULT_THEME
        self._remember_settings(theme=self.theme)

    def action_toggle_ascii(self) -> None:
        """Plain-ASCII sparklines and chart markers, or Unicode ones."""
        self.ascii_for_terminal = None  # the user's own choice from now on: saved
        self._remember_settings(ascii=not self.settings.ascii)
        self._broadcast()
        for screen in self.screen_stack:  # redraw every line through the filters
            for widget in screen.walk_children(with_self=True):
                widget.refresh()
        self.notify("ASCII charts " + ("on" if self.settings.ascii else "off"), timeout=2)

    def action_toggle_national(self) -> None:
        """List BTP, the national fraud bodies and combined figures too (never ranked)."""
        self._remember_settings(include_national=not self.settings.include_national)
        self._broadcast()
        shown = "shown" if self.settings.include_national else "hidden"
        self.notify(f"BTP, national fraud bodies and combined figures {shown}", timeout=3)

    def action_toggle_measure(self) -> None:
        """Counts, or rates per 100,000 people, in the Forces and Compare tables."""
        measure = "count" if self.settings.measure == "rate" else "rate"
        self._remember_settings(measure=measure)
        compare = shown_compare(self.screen_stack)
        for screen in self.screen_stack:
            if isinstance(screen, ForcesScreen) or screen is compare:
                screen.show_measure(measure)
        shown = "rates per 100,000 people" if measure == "rate" else "counts"
        self.notify(f"Showing {shown}", timeout=2)
