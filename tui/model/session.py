"""The loaded data behind the TUI: one dataset and the queries its views ask (see
``tui.model.results.interface`` for the polars-free contract the views are written against)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.model.data.dataset import Dataset, load_dataset
from tui.model.data.offences import OffenceSelection
from tui.model.data.reference import Force
from tui.model.figures.comparison import comparable_pairs, compare_years, default_compare_pair
from tui.model.figures.detail import force_detail
from tui.model.figures.force_table import force_table
from tui.model.figures.multi_query import multi_series
from tui.model.figures.selection import default_selection, pick_offence
from tui.model.figures.totals import find_force, listed_forces, total_specs
from tui.model.findings.diff import diff_datasets, resolve_diff_offence
from tui.model.findings.diff_types import DatasetDiff
from tui.model.findings.map_measures import map_values
from tui.model.findings.peer_figures import peers_for, with_offence
from tui.model.findings.peers import PeerGroup
from tui.model.findings.tilemap import TileMap
from tui.model.results.comparison_types import Comparison
from tui.model.results.detail_types import ForceDetail
from tui.model.results.multi_series import MultiSeries
from tui.model.results.types import ForceTable


@dataclass(frozen=True, eq=False)
class Session:
    """Answers the views' questions about one loaded dataset (implements ``DataQueries``)."""

    dataset: Dataset
    _peers: dict[str, PeerGroup] = field(default_factory=dict, repr=False)
    """Peer groups already computed (each takes a force table per offence group)."""

    def default_selection(self) -> OffenceSelection:
        """The offence a view opens on."""
        return default_selection(self.dataset)

    def pick_offence(self, text: str) -> OffenceSelection:
        """Resolve an offence as typed."""
        return pick_offence(self.dataset, text)

    def force_table(self, selection: OffenceSelection, include_national: bool) -> ForceTable:
        """Every listed force by year."""
        return force_table(self.dataset, selection, include_national)

    def force_detail(
        self, force: Force, selection: OffenceSelection, breakdown_year: int | None
    ) -> ForceDetail:
        """What the detail view of ``force`` shows."""
        return force_detail(self.dataset, force, selection, breakdown_year)

    def compare(
        self,
        year_a: int,
        year_b: int,
        selection: OffenceSelection,
        *,
        include_national: bool,
        like_for_like: bool,
    ) -> Comparison:
        """Two years side by side."""
        return compare_years(
            self.dataset,
            year_a,
            year_b,
            selection,
            include_national=include_national,
            like_for_like=like_for_like,
        )

    def default_compare_pair(self, selection: OffenceSelection) -> tuple[int, int] | None:
        """The Compare view's default years."""
        return default_compare_pair(self.dataset, selection)

    def comparable_pairs(self) -> list[tuple[int, int]]:
        """Consecutive pairs of full years, newest first."""
        return comparable_pairs(self.dataset)

    def listed_forces(self, include_national: bool) -> list[Force]:
        """The forces a table lists."""
        return listed_forces(self.dataset, include_national)

    def find_force(self, name: str) -> Force:
        """The force or total a table row stands for."""
        return find_force(self.dataset, name)

    def has_force(self, name: str) -> bool:
        """Whether the dataset has figures for the force or total called ``name``."""
        return name in self.dataset.forces or any(
            spec.members and spec.name == name for spec in total_specs(self.dataset)
        )

    def diff_releases(
        self, dataset_a: str, dataset_b: str, offence: str | None, *, include_national: bool
    ) -> DatasetDiff:
        """What changed from dataset A to dataset B (the loaded dataset is not read again)."""
        a, b = self._open(dataset_a), self._open(dataset_b)
        selection = resolve_diff_offence(a, b, offence) if offence else None
        return diff_datasets(a, b, selection, include_national=include_national)

    def _open(self, name: str) -> Dataset:
        return self.dataset if name == self.dataset.name else load_dataset(name)

    def several_series(self, forces: Sequence[Force], selection: OffenceSelection) -> MultiSeries:
        """Up to 8 forces' series side by side."""
        return multi_series(self.dataset, forces, selection)

    def peers(self, force: Force, selection: OffenceSelection | None = None) -> PeerGroup:
        """The force's peer group (kept for the session: who is near does not depend on the
        offence), with ``selection``'s counts to order it by that offence's rate."""
        found = self._peers.get(force.name)
        if found is None:
            found = self._peers[force.name] = peers_for(self.dataset, force.name)
        return found if selection is None else with_offence(self.dataset, found, selection)

    def tile_map(
        self,
        measure: str,
        selection: OffenceSelection,
        years: tuple[int, int] | None,
        like_for_like: bool = False,
    ) -> TileMap:
        """The tile map of the 43 forces for a measure."""
        return map_values(
            self.dataset, measure, selection, years=years, like_for_like=like_for_like
        )


def open_session(name: str) -> Session:
    """Load the dataset called ``name`` and return its session (raises ``ModelError``)."""
    return Session(load_dataset(name))
