"""App-wide messages: a dataset finished loading, or failed to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.model.results.interface import DataQueries


@dataclass
class DatasetLoaded(Message):
    """A dataset was loaded by the load worker."""

    data: DataQueries


@dataclass
class DatasetLoadFailed(Message):
    """Loading a dataset failed; ``reason`` is one line for the user."""

    name: str
    reason: str
