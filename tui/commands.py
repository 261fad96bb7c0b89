"""The command palette (Ctrl+P): jump to any force, offence, dataset or pair of years, or a view.

The entries are built once when the palette opens (not on every keystroke), each with the other
texts it can be found by (a force's aliases and ONS code) as data. One matcher
(``tui.model.data.search.rank``) both scores and highlights, so what is underlined is what matched.

Every entry is shown as :class:`~textual.content.Content` built from literal text, and its help
line too: Textual reads a hit's ``help=`` string as markup (a dataset imported from a file called
``[@click=app.quit]x.csv`` once made an entry that quit the app when clicked), so no entry ever
passes ``help=``; the help is a second, dimmed line of the entry's own content instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, ComposeResult
from textual.command import (
    CommandInput,
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
    SearchIcon,
)
from textual.content import Content
from textual.css.query import NoMatches
from textual.events import Mount
from textual.theme import ThemeProvider
from textual.widgets import Button, Input

from tui.formatting import safe_text
from tui.model.data.catalogue import list_datasets
from tui.model.data.measure import measure_id
from tui.model.data.names import name_list
from tui.model.data.offence_terms import terms_for
from tui.model.data.offences import offence_choices
from tui.model.data.search import EXACT, STRONG, near_misses, rank
from tui.model.data.years import fy_label
from tui.screens.dialog import ClosesOnce
from tui.screens.help import key_label
from tui.widgets.ascii_filter import AsciiFilter
from tui.widgets.in_order_input import InOrderCommandInput
from tui.widgets.option_list import SafeCommandList, can_page

if TYPE_CHECKING:
    from tui.app import OffenceApp

DISCOVERED = (
    "View:",
    "Dataset:",
    "Toggle",
    "Export",
    "Import",
    "Cite",
    "Reproduce",
    "Compare releases",
)
"""Entries listed before anything is typed."""


@dataclass(frozen=True)
class Entry:
    """One palette entry."""

    text: str
    command: Callable[[], object]
    help: str
    also: tuple[str, ...] = ()
    """Other texts the entry is found by (aliases, ONS code)."""


def highlight(text: str, positions: tuple[int, ...]) -> Content:
    """Literal text (never markup) with the matched characters styled."""
    shown = safe_text(text)
    content = Content(shown)
    if shown == text:
        for pos in positions:
            content = content.stylize("bold underline", pos, pos + 1)
    return content


def with_help(prompt: Content, help_text: str) -> Content:
    """An entry as the palette shows it: the prompt, then its help, literal, on a dimmed line."""
    if not help_text:
        return prompt
    return Content.assemble(prompt, "\n", Content(safe_text(help_text)).stylize("dim"))


class ExplorerCommands(Provider):
    """Palette entries built from the loaded dataset."""

    @property
    def explorer(self) -> OffenceApp:
        """The app (typed)."""
        return self.app  # type: ignore[return-value]

    async def startup(self) -> None:
        """Build the entries once per opening of the palette."""
        self._entries = list(self._build())

    def _build(self) -> Iterator[Entry]:
        app = self.explorer
        yield Entry("View: Forces", app.action_forces, "Every force for the chosen offence")
        yield Entry("View: Compare years", app.action_compare, "Two years side by side")
        yield Entry(
            "View: Map of the 43 forces", app.action_map, "Tile map: count, % change or rate"
        )
        yield Entry("View: Help (keys)", app.action_help, "Every key of every view")
        yield Entry("Toggle light / dark theme", app.action_toggle_theme, "Switch theme")
        yield Entry(
            "Toggle plain-ASCII charts", app.action_toggle_ascii, "For consoles without braille"
        )
        yield Entry(
            "Toggle BTP and national fraud bodies",
            app.action_toggle_national,
            "List them too (never ranked)",
        )
        yield Entry("Export this view", app.action_export, "CSV, Markdown or JSON")
        yield Entry("Import a file as a dataset", app.action_import_file, "CSV, Parquet, XLSX, ODS")
        infos = list_datasets()
        for info in infos:
            yield Entry(f"Dataset: {info.name}", partial(app.switch_dataset, info.name), info.title)
        yield Entry("Cite this view", app.action_cite, "Text, BibTeX or JSON (K)")
        yield Entry(
            "Reproduce this view", app.action_reproduce, "The ox command that prints it (R)"
        )
        for first in infos:
            for second in infos:
                same = measure_id(first) is not None and measure_id(first) == measure_id(second)
                if same and first.name != second.name:
                    yield Entry(
                        f"Compare releases: {first.name} vs {second.name}",
                        partial(app.open_diff, first.name, second.name),
                        "What changed from the first to the second (same measure)",
                    )
        yield from self._key_entries()
        data = app.data
        if data is None:
            return
        ds = data.dataset
        for force in data.listed_forces(include_national=True):
            also = tuple(t for t in force.search_texts[1:] if t)
            place = force.place or force.nation
            yield Entry(
                f"Force: {force.name}",
                partial(app.open_force, force.name),
                f"{place} · also {name_list(also)}" if also else place,
                also,
            )
        for choice in offence_choices(ds.offences):
            sel = choice.selection
            # Found by the words people use too ("IIOC", "indecent images" → code 86).
            words = terms_for(sel.key)
            help_text = f"{ds.name} · also {', '.join(words)}" if words else ds.name
            yield Entry(
                f"Offence: {sel.label}", partial(app.set_offence, sel.key), help_text, words
            )
        for a, b in data.comparable_pairs():
            yield Entry(
                f"Compare {fy_label(a)} vs {fy_label(b)}",
                partial(app.open_compare, a, b),
                "Compare two years",
            )

    def _key_entries(self) -> Iterator[Entry]:
        """Every key of the view the palette was opened from, as the help lists it ("Key s:
        Sort"), each doing what its key does: built from the bindings, so none is missing."""
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not active.enabled or not binding.description or binding.id in seen:
                continue
            seen.add(binding.id or binding.key)
            yield Entry(
                f"Key {key_label(binding.key)}: {binding.description}",
                partial(self.app.run_action, binding.action, active.node),
                f"{binding.description} (press {key_label(binding.key)})",
            )

    async def discover(self) -> Hits:
        """What the palette lists before anything is typed."""
        for entry in self._entries:
            if entry.text.startswith(DISCOVERED):
                prompt = with_help(Content(safe_text(entry.text)), entry.help)
                yield DiscoveryHit(prompt, entry.command, text=entry.text)

    async def search(self, query: str) -> Hits:
        """Fuzzy search every entry by its text and its aliases; data is never read as markup.
        With nothing that has the letters together, the entries the query misspells come first
        ("kentt" → Force: Kent), found as ``ox show`` finds its "did you mean"."""
        hits = rank(query, ((e, (e.text, *e.also)) for e in self._entries))
        meant: list[Entry] = []
        if not any(h.tier >= STRONG for h in hits):
            names = ((e, (e.text.partition(": ")[2] or e.text, *e.also)) for e in self._entries)
            meant = near_misses(query, names, limit=3)
        for entry in meant:
            prompt = with_help(Content(safe_text(entry.text)), entry.help)
            yield Hit(1.0, prompt, entry.command, text=entry.text)
        for hit in hits:
            entry = hit.item
            if entry in meant:
                continue
            positions = hit.positions if hit.field == 0 else ()
            prompt = with_help(highlight(entry.text, positions), entry.help)
            yield Hit(max(hit.score, 0.0) / EXACT, prompt, entry.command, text=entry.text)


PALETTE = "--command-palette"
"""The id of every command palette (Ctrl+P, the theme switcher): one is open at a time."""


def open_palette(app: App[Any]) -> None:
    """Open the command palette (ours: its page keys never crash)."""
    if app.use_command_palette and not isinstance(app.screen, ExplorerPalette):
        app.push_screen(ExplorerPalette(id=PALETTE))


def open_theme_palette(app: App[Any]) -> None:
    """Textual's theme switcher (the palette's "Theme"), in our palette (its page keys never
    crash: Textual's own raised KeyError at 80×6)."""
    app.push_screen(
        ExplorerPalette(providers=[ThemeProvider], placeholder="Search for themes…", id=PALETTE)
    )


class ExplorerPalette(CommandPalette, ClosesOnce[None]):
    """Textual's command palette, guarded against keys typed faster than it opens and closes.
    Every palette the app shows is one (Ctrl+P, Textual's theme switcher and command lists: see
    ``OffenceApp.search_themes``).

    - PageUp/PageDown are ignored while its list has no size: Textual's ``OptionList`` pages by
      its laid-out lines, and Ctrl+P, a letter and PageUp typed at once reached it with an option
      highlighted but no lines yet (``KeyError: 0`` in ``OptionList._move_page``, Textual 8.2);
      the theme switcher at 80×6 the same (see ``tui.widgets.option_list``).
    - Once closed it never closes again (:class:`~tui.screens.dialog.ClosesOnce`): Enter,
      Backspace, Ctrl+P, a letter and Esc typed at once left a selection to be handled after Esc
      had closed it, and its second ``dismiss`` popped the screen below (``ScreenStackError``
      with only the Forces view left).
    - Once closed it searches no more (a letter after Enter: ``NoMatches`` in its worker).
    """

    def compose(self) -> ComposeResult:
        # Textual's palette, with a box whose editing keys act in order with the letters typed
        # around them (Backspace in a burst ran after the letters behind it: see InOrderInput).
        ascii_only = any(isinstance(f, AsciiFilter) for f in self.app.get_line_filters())
        for widget in super().compose():
            if type(widget) is CommandInput:
                widget = InOrderCommandInput(placeholder=self._placeholder, select_on_focus=False)
            elif isinstance(widget, SearchIcon) and ascii_only:
                widget.icon = ">"  # the magnifier, two cells wide, was drawn "??" in ASCII mode
            elif type(widget) is CommandList:  # a click on a result no longer listed: nothing
                widget = SafeCommandList()
            yield widget

    def _on_mount(self, event: Mount) -> None:
        # Closed before its Mount was handled (Ctrl+P and Esc in one burst): Textual's own
        # set-up takes the screen below it as ``screen_stack[-2]`` (IndexError with one screen
        # left). Nothing to set up for a palette no longer shown.
        if self not in self.app.screen_stack or self.app.screen_stack[0] is self:
            event.prevent_default()

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        # A search still running when the palette closes (a letter typed after Enter chose a
        # command, or Esc) found no list in it (NoMatches 'CommandList'): search only while
        # open, and let a search end quietly when the palette closed under it.
        if not self.is_active or self._dismissed:
            return
        try:
            await CommandPalette._gather_commands.__wrapped__(self, search_value)  # type: ignore[attr-defined]
        except NoMatches:
            if self.is_active and not self._dismissed:
                raise

    def _select_or_command(self, event: Input.Submitted | Button.Pressed | None = None) -> None:
        if self.is_active and not self._dismissed:
            super()._select_or_command(event)
        elif event is not None:
            event.stop()

    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down"):
            if not can_page(self.query_one(CommandList)):
                return
        super()._action_command_list(action)
