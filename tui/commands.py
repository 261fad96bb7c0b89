"""The command palette (Ctrl+P): jump to any force, offence, dataset or pair of years, or a view."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.await_complete import AwaitComplete
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Button, Input

from tui.formatting import safe_text
from tui.model.catalogue import list_datasets
from tui.model.offences import offence_choices
from tui.model.search import match_text
from tui.model.years import fy_label

if TYPE_CHECKING:
    from tui.app import OffenceApp

Entry = tuple[str, Callable[[], object], str]


def _highlight(text: str, positions: tuple[int, ...]) -> Content:
    """Literal text (never markup) with the matched characters styled."""
    content = Content(safe_text(text))
    if safe_text(text) == text:
        for pos in positions:
            content = content.stylize("bold underline", pos, pos + 1)
    return content


class ExplorerCommands(Provider):
    """Palette entries built from the loaded dataset."""

    @property
    def explorer(self) -> OffenceApp:
        """The app (typed)."""
        return self.app  # type: ignore[return-value]

    def _entries(self) -> Iterator[Entry]:
        app = self.explorer
        yield ("View: Forces", app.action_forces, "Every force for the chosen offence")
        yield ("View: Compare years", app.action_compare, "Two years side by side")
        yield ("View: Help (keys)", app.action_help, "Every key of every view")
        yield ("Toggle light / dark theme", app.action_toggle_theme, "Switch theme")
        yield ("Toggle plain-ASCII charts", app.action_toggle_ascii, "For consoles without braille")
        yield (
            "Toggle BTP and national fraud bodies",
            app.action_toggle_national,
            "List them too (never ranked)",
        )
        yield ("Export this view", app.action_export, "CSV, Markdown or JSON")
        yield ("Import a file as a dataset", app.action_import_file, "CSV, Parquet, XLSX, ODS")
        for info in list_datasets():
            yield (f"Dataset: {info.name}", partial(app.switch_dataset, info.name), info.title)
        data = app.data
        if data is None:
            return
        ds = data.dataset
        for force in data.listed_forces(include_national=True):
            also = [t for t in force.search_texts[1:] if t]
            place = force.place or force.nation
            yield (
                f"Force: {force.name}",
                partial(app.open_force, force.name),
                f"{place} · also {', '.join(also)}" if also else place,
            )
        for choice in offence_choices(ds.offences):
            sel = choice.selection
            yield (f"Offence: {sel.label}", partial(app.set_offence, sel.key), ds.name)
        for a, b in data.comparable_pairs():
            yield (
                f"Compare {fy_label(a)} vs {fy_label(b)}",
                partial(app.open_compare, a, b),
                "Compare two years",
            )

    async def discover(self) -> Hits:
        """What the palette lists before anything is typed."""
        for text, command, help_text in self._entries():
            if text.startswith(("View:", "Dataset:", "Toggle", "Export", "Import")):
                yield DiscoveryHit(Content(text), command, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        """Fuzzy search every entry; data text is never read as markup."""
        matcher = self.matcher(query)
        for text, command, help_text in self._entries():
            score = matcher.match(text)
            if score <= 0 and text.startswith("Force:") and " · also " in help_text:
                # A force is found by its aliases and ONS code too ("northants", "E23000022").
                aliases = help_text.split(" · also ", 1)[1].split(", ")
                score = max(matcher.match(a) for a in aliases) * 0.9
            if score <= 0:
                continue
            found = match_text(query, text)
            positions = found.positions if found is not None else ()
            yield Hit(
                score, _highlight(text, positions), command, text=text, help=safe_text(help_text)
            )


class ExplorerPalette(CommandPalette):
    """Textual's command palette, guarded against keys typed faster than it opens and closes.

    - PageUp/PageDown are ignored while its list has no size: Textual's ``OptionList`` pages by
      its laid-out lines, and Ctrl+P, a letter and PageUp typed at once reached it with an option
      highlighted but no lines yet (``KeyError: 0`` in ``OptionList._move_page``, Textual 8.2).
    - Once closed it never closes again: Enter, Backspace, Ctrl+P, a letter and Esc typed at once
      left a selection to be handled after Esc had closed it, and its second ``dismiss`` popped
      the screen below (``ScreenStackError`` with only the Forces view left).
    - Once closed it searches no more (a letter after Enter: ``NoMatches`` in its worker).
    """

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        # A search still running when the palette closes (a letter typed after Enter chose a
        # command, or Esc) found no list in it (NoMatches 'CommandList'): search only while
        # open, and let a search end quietly when the palette closed under it.
        if not self.is_active:
            return
        try:
            await CommandPalette._gather_commands.__wrapped__(self, search_value)  # type: ignore[attr-defined]
        except NoMatches:
            if self.is_active:
                raise

    def dismiss(self, result: None = None) -> AwaitComplete:
        if not self.is_active:
            done: AwaitComplete = AwaitComplete.nothing()  # type: ignore[no-untyped-call]
            return done
        return super().dismiss(result)

    def _select_or_command(self, event: Input.Submitted | Button.Pressed | None = None) -> None:
        if self.is_active:
            super()._select_or_command(event)
        elif event is not None:
            event.stop()

    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down"):
            options = self.query_one(CommandList)
            if not options.scrollable_content_region:
                return
        super()._action_command_list(action)
