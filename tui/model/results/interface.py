"""What a view may ask of the loaded data, as protocols free of Polars.

Screens and widgets hold a :class:`DataQueries` (built by the app from a loaded dataset, see
``tui.model.session``) and call it from worker threads; they never import a module that imports
Polars, so the first frame is painted before Polars is loaded and no dataframe work can creep into a
view. The protocols are checked against the real implementation by mypy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # types only: the views import this module before the first frame
    from collections.abc import Sequence

    from tui.model.data.catalogue import DatasetInfo
    from tui.model.data.offences import OffenceInfo, OffenceSelection
    from tui.model.data.reference import Force, Reference
    from tui.model.data.years import YearCoverage
    from tui.model.findings.diff_types import DatasetDiff
    from tui.model.findings.peers import PeerGroup
    from tui.model.findings.tilemap import TileMap
    from tui.model.importing.results import ImportPreview, ImportResult, RemovedDataset
    from tui.model.results.comparison_types import Comparison
    from tui.model.results.detail_types import ForceDetail
    from tui.model.results.multi_series import MultiSeries
    from tui.model.results.types import ForceTable


class DatasetView(Protocol):
    """A loaded dataset as the views see it: what it is and what it covers, not its figures."""

    @property
    def info(self) -> DatasetInfo:
        """Name, title, source, licence and release."""
        ...

    @property
    def name(self) -> str:
        """The dataset's name."""
        ...

    @property
    def coverage(self) -> tuple[YearCoverage, ...]:
        """Financial years present, oldest first."""
        ...

    @property
    def full_years(self) -> tuple[YearCoverage, ...]:
        """Years with all four quarters (or whole-year figures), oldest first."""
        ...

    @property
    def offences(self) -> tuple[OffenceInfo, ...]:
        """Every offence code in the dataset."""
        ...

    @property
    def reference(self) -> Reference:
        """Forces and aliases."""
        ...

    @property
    def forces(self) -> tuple[str, ...]:
        """The names of the forces (or council areas, or bodies) with a figure."""
        ...

    @property
    def has_quarters(self) -> bool:
        """True when figures are given by quarter."""
        ...

    @property
    def has_sources(self) -> bool:
        """True when every figure carries its own source page (NSPCC)."""
        ...

    def year(self, year: int) -> YearCoverage | None:
        """The coverage of one financial year, or ``None``."""
        ...


class DataQueries(Protocol):
    """The questions a view asks of one loaded dataset (each may take tens of milliseconds:
    call them from a worker)."""

    @property
    def dataset(self) -> DatasetView:
        """The dataset being asked."""
        ...

    def default_selection(self) -> OffenceSelection:
        """The offence a view opens on."""
        ...

    def pick_offence(self, text: str) -> OffenceSelection:
        """Resolve an offence as typed (raises ``UnknownOffenceError``)."""
        ...

    def force_table(self, selection: OffenceSelection, include_national: bool) -> ForceTable:
        """Every listed force by year (the Forces view)."""
        ...

    def force_detail(
        self, force: Force, selection: OffenceSelection, breakdown_year: int | None
    ) -> ForceDetail:
        """A force's series, quarters, rank, rate and breakdown (the detail view)."""
        ...

    def compare(
        self,
        year_a: int,
        year_b: int,
        selection: OffenceSelection,
        *,
        include_national: bool,
        like_for_like: bool,
    ) -> Comparison:
        """Two years side by side (the Compare view)."""
        ...

    def default_compare_pair(self, selection: OffenceSelection) -> tuple[int, int] | None:
        """The Compare view's default years."""
        ...

    def comparable_pairs(self) -> list[tuple[int, int]]:
        """Consecutive pairs of full years, newest first."""
        ...

    def listed_forces(self, include_national: bool) -> list[Force]:
        """The forces a table lists, in name order."""
        ...

    def find_force(self, name: str) -> Force:
        """The force or total a table row stands for."""
        ...

    def has_force(self, name: str) -> bool:
        """Whether the dataset has figures for the force or total called ``name``."""
        ...

    def diff_releases(
        self, dataset_a: str, dataset_b: str, offence: str | None, *, include_national: bool
    ) -> DatasetDiff:
        """Every force x year whose figure differs from dataset A to dataset B (the diff view);
        raises ``MeasureMismatchError`` for two different measures, ``ModelError`` otherwise."""
        ...

    def several_series(self, forces: Sequence[Force], selection: OffenceSelection) -> MultiSeries:
        """Up to 8 forces' series side by side (the multi-force chart), as ``ox show`` has them."""
        ...

    def peers(self, force: Force, selection: OffenceSelection | None = None) -> PeerGroup:
        """The force's peer group as ``ox peers`` gives it, ordered by ``selection``'s rate when
        one is given (raises ``ModelError`` where there is none)."""
        ...

    def tile_map(
        self,
        measure: str,
        selection: OffenceSelection,
        years: tuple[int, int] | None,
        like_for_like: bool = False,
    ) -> TileMap:
        """The tile map of the 43 forces for a measure (``count``, ``rate`` or ``change``
        between ``years``, on the quarters both have when ``like_for_like``), as ``ox map``
        gives it."""
        ...


class FileImporter(Protocol):
    """What the import screen and the dataset picker ask of the importer (run in a worker)."""

    def default_name(self, path: str) -> str:
        """The dataset name taken from a file name."""
        ...

    def preview(self, path: str, mapping: str) -> ImportPreview:
        """How a file reads; ``mapping`` is a column map as typed (``"force=Force; ..."``)."""
        ...

    def import_file(self, path: str, name: str, replace: bool, mapping: str) -> ImportResult:
        """Import a file as a dataset."""
        ...

    def remove(self, name: str) -> RemovedDataset:
        """Remove an imported dataset."""
        ...
