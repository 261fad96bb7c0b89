"""Reproduce it: the exact ``ox`` command that prints the figures a view shows.

Given what a view shows (its kind, dataset, offence, forces, years, sort), :func:`command_for`
returns one shell-quoted command line. Every option that changes a figure or the order of rows is
written out, defaults included (``--dataset``, ``--offence``, ``--sort``), so the command means
the same thing whatever the defaults become. The measure is the dataset's: each dataset counts one
measure (see :mod:`tui.model.data.measure`), so ``--dataset`` fixes it.

Pure standard library: views build a :class:`ViewSpec` from their state and show the result.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from typing import Literal

from tui.model.data.years import fy_label

ViewKind = Literal["forces", "detail", "compare", "diff", "cite", "several", "map"]
VIEW_KINDS: tuple[ViewKind, ...] = (
    "forces",
    "detail",
    "compare",
    "diff",
    "cite",
    "several",
    "map",
)


@dataclass(frozen=True)
class ViewSpec:
    """What a view shows, as far as its figures depend on it."""

    kind: ViewKind
    dataset: str
    offence: str | None = None
    """The offence selection's key (``86``, ``all``, ``group:NAME``); ``None``: every code."""
    forces: tuple[str, ...] = ()
    """Detail: the one force shown; cite: the forces shown; forces: the forces a search leaves (for
    the view's citation; its command repeats the search)."""
    years: tuple[int, ...] = ()
    """Compare: year A and year B (start years); cite: the years shown."""
    sort: str | None = None
    """Forces: ``force``, ``place``, ``change``, ``pct``, ``rank`` or ``year:2022``; compare:
    ``force``, ``a``, ``b``, ``change``, ``pct`` or ``rank_change``."""
    descending: bool = True
    include_national: bool = False
    like_for_like: bool = False
    quarters: bool = False
    """Detail: figures by quarter."""
    search: str = ""
    """Forces: the text typed in the search box (the rows it leaves)."""
    dataset_b: str | None = None
    """Diff: the later dataset."""
    measure: str | None = None
    """Map: ``count``, ``rate`` or ``change`` (between ``years``); forces and compare: ``rate``
    for rates per 100,000 people (``None`` or ``count``: counts)."""


def _option(name: str, value: str | None) -> list[str]:
    """``--name value``, or ``--name=value`` when the value starts with "-" (not an option)."""
    if value is None:
        return []
    return [f"{name}={value}"] if value.startswith("-") else [name, value]


def _sort_option(sort: str | None, descending: bool) -> list[str]:
    if sort is None:
        return []
    value = fy_label(int(sort.split(":", 1)[1])) if sort.startswith("year:") else sort
    return _option("--sort", value) + ([] if descending else ["--ascending"])


def _command(name: str, positionals: list[str], options: list[str]) -> list[str]:
    """``ox NAME POSITIONALS OPTIONS``, or ``ox NAME OPTIONS -- POSITIONALS`` when a positional
    starts with "-" (a force or a search that argparse would otherwise take for an option)."""
    if any(p.startswith("-") for p in positionals):
        return ["ox", name, *options, "--", *positionals]
    return ["ox", name, *positionals, *options]


def command_args(view: ViewSpec) -> list[str]:
    """The command as a list of arguments (``["ox", "show", ...]``), before quoting.

    Raises:
        ValueError: a view kind with no command, or a view that lacks what its command needs.
    """
    dataset = _option("--dataset", view.dataset)
    offence = _option("--offence", view.offence)
    national = ["--include-national"] if view.include_national else []
    if view.kind == "forces":
        search = [view.search] if view.search.strip() else []
        sort = _sort_option(view.sort, view.descending)
        rate = ["--measure", "rate"] if view.measure == "rate" else []
        return _command("table", search, [*dataset, *offence, *sort, *rate, *national])
    if view.kind == "detail":
        if len(view.forces) != 1:
            raise ValueError("a detail view shows exactly one force")
        quarters = ["--quarters"] if view.quarters else []
        return _command("show", [view.forces[0]], [*dataset, *offence, *quarters])
    if view.kind == "compare":
        if len(view.years) != 2:
            raise ValueError("a comparison needs year A and year B")
        like = ["--like-for-like"] if view.like_for_like else []
        sort = _sort_option(view.sort or "b", view.descending)
        years = [fy_label(y) for y in view.years]
        rate = ["--measure", "rate"] if view.measure == "rate" else []
        return _command("compare", years, [*dataset, *offence, *sort, *rate, *like, *national])
    if view.kind == "diff":
        if view.dataset_b is None:
            raise ValueError("a diff needs dataset B")
        return _command("diff", [view.dataset, view.dataset_b], [*offence, *national])
    if view.kind == "cite":
        forces = [arg for name in view.forces for arg in _option("--force", name)]
        years = _option("--years", ",".join(fy_label(y) for y in view.years) or None)
        return _command("cite", [], [*dataset, *offence, *forces, *years])
    if view.kind == "several":
        if not view.forces:
            raise ValueError("a chart of several forces needs its forces")
        return _command("show", list(view.forces), [*dataset, *offence])
    if view.kind == "map":
        measure = _option("--measure", view.measure or "count")
        if view.measure == "change":
            if len(view.years) != 2:
                raise ValueError("a map of changes needs year A and year B")
            years = ["--years", *(fy_label(y) for y in view.years)]
            years += ["--like-for-like"] if view.like_for_like else []
        else:
            years = _option("--year", fy_label(view.years[0]) if view.years else None)
        return _command("map", [], [*measure, *years, *dataset, *offence])
    raise ValueError(f"no command reproduces a '{view.kind}' view")


def command_for(view: ViewSpec, fmt: str | None = None) -> str:
    """The command line that prints the figures of ``view``, every argument shell-quoted.

    Args:
        view: what the view shows.
        fmt: add ``--format FMT`` (``csv``, ``json``...); ``None`` prints the readable table.
    """
    args = command_args(view)
    if fmt is not None:
        args += ["--format", fmt]
    return shlex.join(args)
