"""The help screen: every key of every view, read from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.screens.dialog import Dialog
from tui.widgets.cells import line

KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "escape": "Esc",
    "enter": "Enter",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "space": "Space",
    "ctrl+p": "Ctrl+P",
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "backspace": "Backspace",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "delete": "Del",
}

INTRO = (
    "offence-explorer shows police-recorded offences by force and year. Type in the search box "
    "to filter forces (fuzzy: names, aliases such as 'Northants', ONS codes such as E23000022; "
    "a force found by an alias is tagged with it after '=', as 'Northamptonshire =Northants'). "
    "Missing figures show '—'; a partial year is labelled with its quarters (e.g. 2023/24 Q1) "
    "and never compared silently with full years. Ctrl+P opens the command palette: jump to any "
    "force, offence, dataset or pair of years. While the search box has the cursor, letters "
    "type into it: press ↓ (or Esc on an empty search) to reach the table, where the letter keys "
    "below act; back from a view, the cursor is in the table. In Compare, the release diff, "
    "the multi-force chart and a force's detail, / opens a box that finds a force: after /, "
    "every key goes to the box until Enter, Esc or ↓ leaves it, so letters typed there are never "
    "commands. Lines and names cut to fit end with an ellipsis: w shows them whole. q asks before "
    "quitting (Ctrl+Q quits at once)."
)

METHODS = (
    "Methods. Rates (m in Forces and Compare): offences per 100,000 people, using the ONS "
    "mid-year estimate of the year the financial year starts in (2017/18: mid-2017); '—' where "
    "there is no population; ‡ marks City of London (tiny resident population). Chance: each "
    "change gets a 95% interval from the exact conditional test for two Poisson counts "
    "(Clopper-Pearson interval for b/(a+b), as a rate ratio; Fay 2010). '~' after a % (Forces, "
    "Compare) marks a change within chance (its interval includes no change), '†' ('r' in "
    "ASCII) one between figures from different releases; Compare's % order (s, or the % "
    "header) puts changes beyond chance first; '*' after a name in Compare marks a national "
    "body (BTP, the fraud bodies: shown with n), never ranked. "
    "Recording events (E1, E2, etc. on the detail chart) change what a series means: see "
    "'ox events'. "
    "README: Methods."
)


ASCII_ARROWS = {"down": "Down", "up": "Up", "left": "Left", "right": "Right"}
"""The arrow keys by name in ASCII mode, where ``↓`` would be drawn ``v`` and ``↑`` ``^``: keys
of their own (``v`` opens Compare)."""


def key_label(keys: str, ascii_only: bool = False) -> str:
    """``"question_mark,f1"`` → ``"? / F1"``; ``"down,j"`` → ``"↓ / j"`` (``"Down / j"`` in
    ASCII mode)."""
    out = []
    for key in keys.split(","):
        key = key.strip()
        label = (ascii_only and ASCII_ARROWS.get(key)) or KEY_NAMES.get(key, key)
        if label.startswith("ctrl+"):
            label = "Ctrl+" + label[5:].upper()
        if label.startswith("shift+") and len(label) == 7:
            label = label[-1].upper()
        out.append(label.upper() if label.startswith("f") and label[1:].isdigit() else label)
    return " / ".join(out)


def _bindings(items: Iterable[BindingType]) -> list[Binding]:
    return [b for b in items if isinstance(b, Binding)]


class HelpScreen(Dialog[None]):
    """Lists every key, grouped by view."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close", id="help-close"),
        Binding("j,down", "scroll_down", "Down", show=False, id="help-down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="help-up"),
    ]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__(id="help")
        self._sections = sections

    def compose(self) -> ComposeResult:
        # A title line, then a two-column table, per section: a section's title in the key
        # column (never wrapped) once made that column as wide as the title, leaving the
        # descriptions no room below ~100 columns.
        ascii_only = bool(getattr(getattr(self.app, "settings", None), "ascii", False))
        parts: list[RenderableType] = []
        for title, items in self._sections:
            parts.append(Text(title, style="bold underline"))
            table = Table.grid(padding=(0, 2))
            table.add_column(style="bold", no_wrap=True)
            table.add_column()
            for binding in _bindings(items):
                table.add_row(
                    Text(key_label(binding.key, ascii_only)),
                    Text(binding.description or binding.action),
                )
            parts += [table, Text("")]
        keys = Group(*parts)
        with VerticalScroll(classes="dialog"):
            yield Static(line(("Keys", "bold")), classes="dialog-title")
            intro = INTRO.replace("↓", "Down") if ascii_only else INTRO
            yield Static(Text(intro), id="help-intro")
            yield Static(Text(METHODS), id="help-methods")
            yield Static(keys, id="help-keys")
            yield Static(line(("j/k also move up and down in lists. Esc or ? closes.", "dim")))

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        """Scroll the help down."""
        self.query_one(VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        """Scroll the help up."""
        self.query_one(VerticalScroll).scroll_up()
