"""The force detail's peers panel: the forces most like this one, and where it sits among them.

It shows the peer group as ``ox peers FORCE`` gives it (the same figures: all offences in the
peer year, the population and the rate per 100,000), listed by rate highest first with the force
itself among them (marked ``▸``, ``>`` in ASCII), so its place is seen at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from tui.formatting import fmt_count, fmt_rate
from tui.model.data.errors import ModelError, NoPeerGroupsError
from tui.model.data.names import SHORT_NAME_WIDTH, short_force_name
from tui.model.data.years import fy_label
from tui.model.findings.peers import PeerFigures, PeerGroup
from tui.widgets.cells import line, plain


def ordinal(n: int) -> str:
    """``1`` → ``"1st"``, ``3`` → ``"3rd"``, ``12`` → ``"12th"``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def peers_heading(group: PeerGroup) -> Text:
    """The panel's first lines: what the peers are, and the force's place among them."""
    fig = group.figures
    if fig is None or not group.peers:
        return line(("Forces like this one", "bold"), f": {group.note or 'none'}")
    place = group.position()
    where = ""
    if place is not None:
        where = (
            f"\n{group.force}: the {ordinal(place[0])} highest rate of {place[1]}, "
            f"{group.offence or 'all offences'} {fy_label(fig.year)}"
        )
    return line(("Forces like this one", "bold"), " · P: chart them", where)


@dataclass(frozen=True)
class _Col:
    header: str
    width: int


COLUMNS = (
    _Col("Per 100k", 8),
    _Col("Distance", 8),
    _Col("Offences", 8),
    _Col("People", 9),
)
"""The figure columns, in the order they are given room (the rate always)."""
NAME_WIDTH = SHORT_NAME_WIDTH + 2
"""A force's short name and the pointer before it."""


def peer_lines(group: PeerGroup, width: int, ascii_only: bool) -> Text:
    """The force and its peers by rate, highest first, in as many columns as ``width`` holds."""
    me = group.figures
    assert me is not None
    distance = {p.figures.force: p.distance for p in group.peers}
    rows: list[PeerFigures] = group.ordered()  # by the offence shown's rate, when one is
    name_width = min(NAME_WIDTH, max(len(short_force_name(f.force)) for f in rows) + 2)
    used = 3 + name_width
    shown: list[_Col] = []
    for col in COLUMNS:
        if not shown or used + col.width + 1 <= width:
            shown.append(col)
            used += col.width + 1
    out = Text()
    out.append(" # " + "Force".ljust(name_width), style="bold")
    for col in shown:
        out.append(" " + col.header.rjust(col.width), style="bold")
    pointer = ">" if ascii_only else "▸"
    for i, fig in enumerate(rows, start=1):
        mine = fig.force == me.force
        name = f"{pointer if mine else ' '} {short_force_name(fig.force)}"
        cells = {
            "Per 100k": fmt_rate(group.rate(fig)),
            "Distance": "—" if mine else f"{distance[fig.force]:.2f}",
            "Offences": fmt_count(fig.offence_count if group.offence else fig.total),
            "People": fmt_count(fig.population),
        }
        out.append("\n")
        row = f"{i:>2} " + name.ljust(name_width)
        row += "".join(" " + cells[c.header].rjust(c.width) for c in shown)
        out.append_text(plain(row, style="bold" if mine else ""))
    return out


def no_peers_text(error: ModelError, force: str) -> str:
    """Why ``force`` has no peer group here, and, where another dataset has one, what to do:
    the CLI's ``-d homeoffice`` as the detail's key."""
    if isinstance(error, NoPeerGroupsError):
        return (
            f"none in {error.dataset}: it has no offence groups to compare forces by (peers are "
            f"found from all offences by group and populations). Press d and choose "
            f"{error.dataset_with_peers} to see {force}'s peers and chart them (P)."
        )
    return str(error)


class PeersPanel(Static):
    """The peer group of the detail's force, as a small table."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(line(("Forces like this one", "bold"), " · finding them…"), id=id)
        self.group: PeerGroup | None = None
        self.ascii_only = False
        self.reason = ""
        """Why there is no peer group (what :meth:`show_message` said), else empty."""

    def show_message(self, message: str) -> None:
        """Show why there is no peer group (a force outside England and Wales, NSPCC data...)."""
        self.group, self.reason = None, message
        self.update(line(("Forces like this one", "bold"), ": ", message))

    def show(self, group: PeerGroup, *, ascii_only: bool) -> None:
        """Show ``group``: the force and its peers by rate, highest first."""
        self.group, self.ascii_only, self.reason = group, ascii_only, ""
        self._draw()

    @property
    def why_no_chart(self) -> str:
        """What ``P`` says when there are no peers to chart: why, and what to do."""
        if self.reason:
            return f"No peers to chart: {self.reason}"
        if self.group is not None:
            return f"No peers to chart: {self.group.note or 'the force has no peer group'}."
        return "The peers are still being found; try P again in a moment."

    def _draw(self) -> None:
        group = self.group
        if group is None:
            return
        out = peers_heading(group)
        if group.figures is not None and group.peers:
            out.append("\n")
            out.append_text(peer_lines(group, self.content_region.width or 40, self.ascii_only))
        if group.note:
            out.append("\n")
            out.append_text(plain(group.note, style="dim"))
        self.update(out)

    def on_resize(self) -> None:
        self._draw()

    @property
    def names(self) -> list[str]:
        """The force and its peers, nearest first (the multi-force chart's lines)."""
        if self.group is None:
            return []
        return [self.group.force, *(p.figures.force for p in self.group.peers)]
